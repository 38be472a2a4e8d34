import { z } from 'zod';
import type { CompanySnapshot, SnapshotRepository, SqlDatabase } from '../store';
import { StoreInputError } from '../store-errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `2026-02-30` and `2026-13-01` match the pattern but are no day: a round trip through Date tells. */
const isCalendarDay = (d: unknown): boolean => {
  if (typeof d !== 'string' || !DAY.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const day = (field: string) => z.string({ error: () => `${field} must be a day YYYY-MM-DD` }).refine(isCalendarDay, `${field} must be a real UTC day YYYY-MM-DD`);
const score = z.number().finite().nullable();

const snapshotSchema = z.strictObject({
  companyId: z.string({ error: () => 'companyId is required' }).min(1, 'companyId is required'),
  day: day('day'),
  score,
  band: z.string().nullable(),
  riskLevel: z.string().nullable(),
  riskScore: score,
  components: z.record(z.string(), z.number().finite().nullable()),
  override: z.strictObject({ score: z.number().finite(), reason: z.string(), author: z.string(), expiresAt: z.string() }).nullable().optional(),
  settingsVersion: z.number().int().min(0),
  modelVersion: z.number().int().min(1).nullable(),
});

/**
 * Rows per INSERT: large enough to amortise the round trip, small enough for one JSON parameter.
 * 500, not 5,000: the embedded engine's WASM memory keeps resident the most the largest statement
 * touched (the JSON text, its jsonb and the record set): a 10,000-company sync into PGlite ended
 * with 41 MB of WASM memory resident at 5,000 rows a statement, 24 MB at 500.
 */
const CHUNK = 500;

interface SnapshotRow {
  company_id: string;
  day: string;
  score: number | null;
  band: string | null;
  risk_level: string | null;
  risk_score: number | null;
  components: Record<string, number | null>;
  override: CompanySnapshot['override'];
  settings_version: number;
  model_version: number | null;
}

const toSnapshot = (r: SnapshotRow): CompanySnapshot => ({
  companyId: r.company_id, day: r.day, score: r.score, band: r.band, riskLevel: r.risk_level, riskScore: r.risk_score,
  components: r.components, override: r.override ?? null, settingsVersion: r.settings_version, modelVersion: r.model_version,
});

// `day::text` is always YYYY-MM-DD: `pg` would otherwise turn a date into a local-time Date.
const COLUMNS = "company_id, day::text AS day, score, band, risk_level, risk_score, components, override, settings_version, model_version";

/**
 * Daily snapshots: written in chunks of one INSERT ... SELECT FROM jsonb_to_recordset each (one
 * parameter per chunk, the same on both engines), upserted on (company_id, day) so the day's last
 * write wins; read back by the primary key (one company's history) or the day index.
 */
export function sqlSnapshotRepository(db: SqlDatabase): SnapshotRepository {
  return {
    async write(rows) {
      const issues: { path: string; message: string }[] = [];
      rows.forEach((row, i) => {
        const parsed = snapshotSchema.safeParse(row);
        if (!parsed.success) issues.push(...parsed.error.issues.map((p) => ({ path: `rows.${i}.${p.path.join('.')}`, message: p.message })));
      });
      if (issues.length) throw new StoreInputError(issues);
      // The latest row for a company and day wins within one call too (ON CONFLICT cannot touch a row twice).
      // Sorted by key so concurrent writers lock rows in one order (no deadlock between two upserts).
      const unique = [...new Map(rows.map((r) => [`${r.companyId}\u0000${r.day}`, r])).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
      await db.transaction(async (tx) => {
        for (let start = 0; start < unique.length; start += CHUNK) {
          const chunk = unique.slice(start, start + CHUNK).map((r) => ({
            company_id: r.companyId, day: r.day, score: r.score, band: r.band, risk_level: r.riskLevel, risk_score: r.riskScore,
            components: r.components, override: r.override ?? null, settings_version: r.settingsVersion, model_version: r.modelVersion,
          }));
          await tx.query(
            `INSERT INTO cs_company_snapshots (company_id, day, score, band, risk_level, risk_score, components, override, settings_version, model_version)
             SELECT company_id, day, score, band, risk_level, risk_score, components, override, settings_version, model_version
             FROM jsonb_to_recordset($1::jsonb) AS r(company_id text, day date, score double precision, band text, risk_level text, risk_score double precision,
               components jsonb, override jsonb, settings_version integer, model_version integer)
             ON CONFLICT (company_id, day) DO UPDATE SET score = EXCLUDED.score, band = EXCLUDED.band, risk_level = EXCLUDED.risk_level, risk_score = EXCLUDED.risk_score,
               components = EXCLUDED.components, override = EXCLUDED.override, settings_version = EXCLUDED.settings_version, model_version = EXCLUDED.model_version`,
            [JSON.stringify(chunk)],
          );
        }
      });
    },
    async history(companyId, fromDay, toDay) {
      const issues = [['fromDay', fromDay], ['toDay', toDay]].filter(([, d]) => !isCalendarDay(d!)).map(([f]) => ({ path: f!, message: `${f} must be a real UTC day YYYY-MM-DD` }));
      if (issues.length) throw new StoreInputError(issues);
      const rows = await db.query<SnapshotRow>(`SELECT ${COLUMNS} FROM cs_company_snapshots WHERE company_id = $1 AND day BETWEEN $2::date AND $3::date ORDER BY day`, [companyId, fromDay, toDay]);
      return rows.map(toSnapshot);
    },
    async onDay(day) {
      if (!isCalendarDay(day)) throw new StoreInputError([{ path: 'day', message: 'day must be a real UTC day YYYY-MM-DD' }]);
      const rows = await db.query<SnapshotRow>(`SELECT ${COLUMNS} FROM cs_company_snapshots WHERE day = $1::date ORDER BY company_id`, [day]);
      return rows.map(toSnapshot);
    },
    async latestDay() {
      const [row] = await db.query<{ day: string | null }>('SELECT MAX(day)::text AS day FROM cs_company_snapshots');
      return row?.day ?? undefined;
    },
  };
}
