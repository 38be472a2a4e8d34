import { join } from 'node:path';
import { z } from 'zod';
import { openPgliteDatabase } from './engines/pglite-database';
import { describeDatabaseUrl, openPostgresDatabase } from './engines/postgres-database';
import { migrate, type MigrationReport } from './migrate';
import { sqlCompanyRecordRepository } from './sql/company-records-sql';
import { sqlEntryRepository } from './sql/entries-sql';
import { sqlModelRepository } from './sql/models-sql';
import { sqlSettingsRepository } from './sql/settings-sql';
import { sqlSnapshotRepository } from './sql/snapshots-sql';
import { sqlStatementRepository } from './sql/statements-sql';
import { sqlSyncRunRepository } from './sql/sync-runs-sql';
import type { SqlDatabase, Store } from './store';
import { StoreError } from './store-errors';

/** Where the embedded database lives unless told otherwise (beside the other local state). */
export const DEFAULT_DATA_DIR = join('.cs-health', 'db');

export const storeOptionsSchema = z.strictObject({
  /** `postgres://user@host:5432/db`: a PostgreSQL server. Wins over the others. */
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\/.+/, 'DATABASE_URL must be a PostgreSQL URL such as postgres://user@127.0.0.1:5432/cs_health').optional(),
  /** Folder for the embedded PGlite database (default `.cs-health/db`). */
  dataDir: z.string().min(1, 'dataDir must be a folder path').optional(),
  /** An embedded database in memory, gone at close (tests, dry runs). */
  memory: z.boolean().optional(),
  /** Connections in the PostgreSQL pool. */
  poolSize: z.number().int().min(1).max(100).optional(),
  /** A PostgreSQL schema of its own (created if missing): one server holds one store per portal. */
  schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'schema must be lowercase letters, digits and underscores (at most 63), not starting with a digit').optional(),
}).refine((o) => !o.schema || o.databaseUrl, { message: 'schema needs a databaseUrl (on PGlite, give each store its own dataDir)', path: ['schema'] });

export type StoreOptions = z.input<typeof storeOptionsSchema>;

/** The store options the environment asks for: `DATABASE_URL` picks PostgreSQL, `CS_HEALTH_DATA_DIR` the embedded folder. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreOptions {
  return { ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}), ...(env.CS_HEALTH_DATA_DIR ? { dataDir: env.CS_HEALTH_DATA_DIR } : {}) };
}

function parseOptions(options: StoreOptions) {
  const parsed = storeOptionsSchema.safeParse(options);
  if (!parsed.success) throw new StoreError('STORE_INPUT_INVALID', `invalid store options: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The engine the options choose, not yet migrated, with a label for logs (the password hidden). */
export async function openDatabase(options: StoreOptions = {}): Promise<{ database: SqlDatabase; engine: Store['engine']; location: string }> {
  const o = parseOptions(options);
  if (o.databaseUrl) {
    const database = openPostgresDatabase({ databaseUrl: o.databaseUrl, max: o.poolSize, schema: o.schema });
    if (o.schema) {
      await database.exec(`CREATE SCHEMA IF NOT EXISTS ${o.schema}`).catch(async (error: unknown) => {
        // Two processes creating it at once: IF NOT EXISTS does not guard the catalog's unique index, and the schema is there.
        if ((error as { code?: unknown }).code === '23505') return;
        await database.close();
        throw error;
      });
    }
    return { database, engine: 'postgres', location: `${describeDatabaseUrl(o.databaseUrl)}${o.schema ? ` schema ${o.schema}` : ''}` };
  }
  if (o.memory) return { database: await openPgliteDatabase(), engine: 'pglite', location: 'memory' };
  const dataDir = o.dataDir ?? DEFAULT_DATA_DIR;
  return { database: await openPgliteDatabase({ dataDir }), engine: 'pglite', location: dataDir };
}

/** The store on an already migrated database (the queue helper or a test may hold the engine). */
export function storeOn(database: SqlDatabase, engine: Store['engine']): Store {
  return {
    settings: sqlSettingsRepository(database),
    models: sqlModelRepository(database),
    entries: sqlEntryRepository(database),
    statements: sqlStatementRepository(database),
    snapshots: sqlSnapshotRepository(database),
    syncRuns: sqlSyncRunRepository(database),
    companies: sqlCompanyRecordRepository(database),
    database,
    engine,
    close: () => database.close(),
  };
}

/**
 * Opens the store the options choose: PostgreSQL for a `databaseUrl`, else embedded PGlite (in
 * memory or in `dataDir`, default `.cs-health/db`), migrated to the code's schema. A database with
 * a newer or unknown schema refuses to open ({@link SchemaMismatchError}); one that is down, with
 * {@link StoreUnavailableError}.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store & { migration: MigrationReport; location: string }> {
  const { database, engine, location } = await openDatabase(options);
  try {
    const migration = await migrate(database);
    return Object.assign(storeOn(database, engine), { migration, location });
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
