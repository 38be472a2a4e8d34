import { z } from 'zod';
import { canonicalJson, jsonDiff } from '../json-diff';
import type { SqlDatabase, StatementRepository, StatementVersion } from '../store';
import { StoreInputError } from '../store-errors';
import { isValidDate } from './input-checks';

const recordSchema = z.strictObject({
  ownerId: z.string({ error: () => 'ownerId is required' }).min(1, 'ownerId is required'),
  periodKey: z.string({ error: () => 'periodKey is required' }).regex(/^\d{4}(-(Q[1-4]|\d{2}))?$/, 'periodKey must look like 2026, 2026-Q4 or 2026-11'),
  body: z.record(z.string(), z.unknown(), { error: () => 'body must be an object' }),
  computedAt: z.custom<Date>(isValidDate, 'computedAt must be a valid date'),
  settingsVersion: z.number().int().min(0, 'settingsVersion must be 0 or more'),
});

interface StatementRow {
  owner_id: string;
  period_key: string;
  version: number;
  body: Record<string, unknown>;
  computed_at: Date;
  locked_at: Date | null;
  difference: StatementVersion['difference'] | null;
  settings_version: number;
}

const toVersion = (r: StatementRow): StatementVersion => ({
  ownerId: r.owner_id, periodKey: r.period_key, version: r.version, body: r.body, computedAt: r.computed_at,
  ...(r.locked_at ? { lockedAt: r.locked_at } : {}), ...(r.difference ? { difference: r.difference } : {}), settingsVersion: r.settings_version,
});

const COLUMNS = 'owner_id, period_key, version, body, computed_at, locked_at, difference, settings_version';

/**
 * Statements the way commission tools keep them: while the period is open the one version is
 * recomputed in place; once locked it is never touched again, and a recompute that moves anything
 * adds a version (locked as the period is) carrying what changed against the version before.
 */
export function sqlStatementRepository(db: SqlDatabase): StatementRepository {
  return {
    async record(input) {
      const parsed = recordSchema.safeParse(input);
      if (!parsed.success) throw new StoreInputError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })));
      const s = parsed.data;
      const body = JSON.parse(JSON.stringify(s.body)) as Record<string, unknown>;
      return db.transaction(async (tx) => {
        // One lock per statement (a row lock cannot cover the first version, which does not exist yet),
        // so two recomputes of one statement queue up on PostgreSQL instead of both inserting version 1.
        await tx.query("SELECT pg_advisory_xact_lock(hashtext('cs_statement/' || $1 || '/' || $2))", [s.ownerId, s.periodKey]);
        const [latest] = await tx.query<StatementRow>(`SELECT ${COLUMNS} FROM cs_statement_versions WHERE owner_id = $1 AND period_key = $2 ORDER BY version DESC LIMIT 1`, [s.ownerId, s.periodKey]);
        if (!latest) {
          const [row] = await tx.query<StatementRow>(`INSERT INTO cs_statement_versions (${COLUMNS}) VALUES ($1, $2, 1, $3::jsonb, $4, NULL, NULL, $5) RETURNING ${COLUMNS}`, [s.ownerId, s.periodKey, JSON.stringify(body), s.computedAt, s.settingsVersion]);
          return toVersion(row!);
        }
        if (canonicalJson(latest.body) === canonicalJson(body)) return toVersion(latest);
        if (!latest.locked_at) {
          const [row] = await tx.query<StatementRow>(
            `UPDATE cs_statement_versions SET body = $4::jsonb, computed_at = $5, settings_version = $6 WHERE owner_id = $1 AND period_key = $2 AND version = $3 RETURNING ${COLUMNS}`,
            [s.ownerId, s.periodKey, latest.version, JSON.stringify(body), s.computedAt, s.settingsVersion],
          );
          return toVersion(row!);
        }
        const difference = jsonDiff(latest.body, body);
        const [row] = await tx.query<StatementRow>(
          `INSERT INTO cs_statement_versions (${COLUMNS}) VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7::jsonb, $8) RETURNING ${COLUMNS}`,
          [s.ownerId, s.periodKey, latest.version + 1, JSON.stringify(body), s.computedAt, latest.locked_at, JSON.stringify(difference), s.settingsVersion],
        );
        return toVersion(row!);
      });
    },
    async lock(periodKey, at) {
      const rows = await db.query(`UPDATE cs_statement_versions SET locked_at = $2 WHERE period_key = $1 AND locked_at IS NULL RETURNING version`, [periodKey, at]);
      return rows.length;
    },
    async latest(ownerId, periodKey) {
      const [row] = await db.query<StatementRow>(`SELECT ${COLUMNS} FROM cs_statement_versions WHERE owner_id = $1 AND period_key = $2 ORDER BY version DESC LIMIT 1`, [ownerId, periodKey]);
      return row && toVersion(row);
    },
    async versions(ownerId, periodKey) {
      const rows = await db.query<StatementRow>(`SELECT ${COLUMNS} FROM cs_statement_versions WHERE owner_id = $1 AND period_key = $2 ORDER BY version`, [ownerId, periodKey]);
      return rows.map(toVersion);
    },
    async forPeriod(periodKey) {
      const rows = await db.query<StatementRow>(`SELECT DISTINCT ON (owner_id) ${COLUMNS} FROM cs_statement_versions WHERE period_key = $1 ORDER BY owner_id, version DESC`, [periodKey]);
      return rows.map(toVersion);
    },
  };
}
