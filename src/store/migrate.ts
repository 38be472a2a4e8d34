import { createHash } from 'node:crypto';
import { MIGRATIONS, type Migration } from './migrations/migrations';
import type { SqlDatabase } from './store';
import { SchemaMismatchError } from './store-errors';

/** What `migrate` did: the schema version before and after, and the steps applied now. */
export interface MigrationReport {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

// Any fixed 64-bit number; every cs-health process takes this same lock before migrating.
const MIGRATION_LOCK_KEY = 727_011_2026;

const checksum = (m: Migration) => createHash('sha256').update(m.sql).digest('hex').slice(0, 16);

/** The code's own list must be 1, 2, 3... with unique numbers; a mistake here is the developer's. */
function checkCodeMigrations(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new SchemaMismatchError(`migration list is out of order in the code: position ${i + 1} holds version ${m.version} (${m.name})`);
  });
}

/**
 * Brings the database up to the code's schema, in one transaction under an advisory lock (so two
 * processes starting together migrate once). Refuses, changing nothing, when the database has a
 * newer schema than the code, a step the code does not know, or steps applied out of order.
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  checkCodeMigrations(migrations);
  return db.transaction(async (tx) => {
    // Serialises concurrent starters on PostgreSQL; PGlite has one connection, so it is already serial.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS cs_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await tx.query<{ version: number; name: string; checksum: string }>('SELECT version, name, checksum FROM cs_schema_migrations ORDER BY version');
    const latest = migrations.length;
    const newest = applied.at(-1)?.version ?? 0;
    if (newest > latest) {
      throw new SchemaMismatchError(`the database schema is version ${newest}, newer than this cs-health (knows up to ${latest}); upgrade cs-health, or point it at another database`);
    }
    applied.forEach((row, i) => {
      if (row.version !== i + 1) throw new SchemaMismatchError(`the database's migrations are out of order: found version ${row.version} where ${i + 1} was expected; refusing to start`);
      const known = migrations[i]!;
      if (row.name !== known.name || row.checksum !== checksum(known)) {
        throw new SchemaMismatchError(`the database has migration ${row.version} "${row.name}" that differs from this code's "${known.name}"; refusing to start`);
      }
    });
    const pending = migrations.slice(applied.length);
    for (const m of pending) {
      await tx.exec(m.sql);
      await tx.query('INSERT INTO cs_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, checksum(m)]);
    }
    return { from: newest, to: latest, applied: pending.map((m) => ({ version: m.version, name: m.name })) };
  });
}
