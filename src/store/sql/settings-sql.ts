import { z } from 'zod';
import { ConfigError, loadEngineConfig } from '../../domain/config/load-engine-config';
import { loadPlans, PlanError } from '../../domain/objectives/load-plans';
import { jsonDiff } from '../json-diff';
import type { Actor, SettingsDocument, SettingsIssue, SettingsRepository, SettingsVersion, SqlDatabase } from '../store';
import { SettingsValidationError } from '../store-errors';
import { dateIssues, requireWholeNumber } from './input-checks';

// The document's outer shape; what is inside `engine` and `plans` is the domain schemas' to judge.
const documentSchema = z.strictObject({
  engine: z.record(z.string(), z.unknown(), { error: () => 'engine must be an object (the engine configuration; {} for the defaults)' }),
  plans: z.record(z.string(), z.unknown(), { error: () => 'plans must be an object (the objective plans)' }).optional(),
  admins: z.array(z.string().regex(/^\d+$/, 'each admin must be a HubSpot user id (digits)'), { error: () => 'admins must be a list of HubSpot user ids' }).optional(),
});

const actorSchema = z.strictObject({
  kind: z.enum(['user', 'cli', 'system'], { error: () => 'author.kind must be user, cli or system' }),
  id: z.string().min(1, 'author.id is required'),
  email: z.string().optional(),
});

/** `engine.health.weights.usage: expected ...` from the engine config's "path: message" lines. */
const configIssue = (line: string): SettingsIssue => {
  const at = line.indexOf(': ');
  return at < 0 ? { path: 'engine', message: line } : { path: `engine.${line.slice(0, at)}`.replace(/\.\(root\)$/, ''), message: line.slice(at + 2) };
};

/**
 * Every problem with a settings document, each with its path from the document's root
 * (`engine.health.weights.usage`, `plans.roles.csm.split`); empty when it can be saved.
 */
export function settingsIssues(document: unknown): SettingsIssue[] {
  const shape = documentSchema.safeParse(document);
  if (!shape.success) return shape.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
  const issues: SettingsIssue[] = [];
  try {
    loadEngineConfig(shape.data.engine);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    issues.push(...error.issues.map(configIssue));
  }
  if (shape.data.plans !== undefined) {
    try {
      loadPlans(shape.data.plans);
    } catch (error) {
      if (!(error instanceof PlanError)) throw error;
      issues.push(...error.issues.map((i) => ({ path: i.path === '(root)' ? 'plans' : `plans.${i.path}`, message: i.message })));
    }
  }
  return issues;
}

interface SettingsRow {
  version: number;
  document: SettingsDocument;
  author_kind: Actor['kind'];
  author_id: string;
  author_email: string | null;
  created_at: Date;
  changes: SettingsVersion['changes'];
}

const toVersion = (r: SettingsRow): SettingsVersion => ({
  version: r.version,
  document: r.document,
  author: { kind: r.author_kind, id: r.author_id, ...(r.author_email ? { email: r.author_email } : {}) },
  createdAt: r.created_at,
  changes: r.changes,
});

const COLUMNS = 'version, document, author_kind, author_id, author_email, created_at, changes';
// A fixed key so two admins saving at once get versions n and n+1, never a clash.
const SETTINGS_LOCK_KEY = 727_011_2027;

export function sqlSettingsRepository(db: SqlDatabase): SettingsRepository {
  return {
    async current() {
      const [row] = await db.query<SettingsRow>(`SELECT ${COLUMNS} FROM cs_settings_versions ORDER BY version DESC LIMIT 1`);
      return row && toVersion(row);
    },
    async get(version) {
      requireWholeNumber('version', version);
      const [row] = await db.query<SettingsRow>(`SELECT ${COLUMNS} FROM cs_settings_versions WHERE version = $1`, [version]);
      return row && toVersion(row);
    },
    async history(limit = 50) {
      requireWholeNumber('limit', limit);
      const rows = await db.query<SettingsRow>(`SELECT ${COLUMNS} FROM cs_settings_versions ORDER BY version DESC LIMIT $1`, [limit]);
      return rows.map(toVersion);
    },
    async save(document, author, at) {
      const issues = settingsIssues(document);
      const who = actorSchema.safeParse(author);
      if (!who.success) issues.push(...who.error.issues.map((i) => ({ path: `author.${i.path.join('.')}`, message: i.message })));
      issues.push(...dateIssues({ at }));
      if (issues.length > 0) throw new SettingsValidationError(issues);
      // Stored as JSON, so compare and record the document as JSON will give it back.
      const stored = JSON.parse(JSON.stringify(document)) as SettingsDocument;
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SETTINGS_LOCK_KEY]);
        const [previous] = await tx.query<{ version: number; document: SettingsDocument }>('SELECT version, document FROM cs_settings_versions ORDER BY version DESC LIMIT 1');
        const changes = jsonDiff(previous?.document ?? {}, stored);
        const [row] = await tx.query<SettingsRow>(
          `INSERT INTO cs_settings_versions (${COLUMNS}) VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb) RETURNING ${COLUMNS}`,
          [(previous?.version ?? 0) + 1, JSON.stringify(stored), author.kind, author.id, author.email ?? null, at, JSON.stringify(changes)],
        );
        return toVersion(row!);
      });
    },
  };
}
