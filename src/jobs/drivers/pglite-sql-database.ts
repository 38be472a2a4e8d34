import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase } from '../../store/store';

/**
 * A minimal `SqlDatabase` on embedded PGlite (PostgreSQL compiled to WASM), for the queue to run
 * without a database server until the store's own engine (`src/store/engines/`) is wired in; any
 * `SqlDatabase` works in its place. `dataDir` keeps the data on disk (a restart finds its jobs);
 * without it the database lives in memory.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<SqlDatabase> {
  const pg = await PGlite.create(dataDir).catch((error: unknown) => {
    // PGlite loads its WASM and file system through dynamic import(), which a Node VM context (jest) refuses without this flag.
    if ((error as { code?: unknown }).code === 'ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG') {
      throw new Error('PGlite cannot load in this VM context: run it with NODE_OPTIONS=--experimental-vm-modules (jest needs it for dynamic import())');
    }
    throw error;
  });
  const query = async <Row>(sql: string, params?: readonly unknown[]) => (await pg.query<Row>(sql, params ? [...params] : undefined)).rows;
  const exec = async (sql: string) => {
    await pg.exec(sql);
  };
  return {
    query,
    exec,
    transaction: (work) =>
      pg.transaction((tx) =>
        work({
          query: async <Row>(sql: string, params?: readonly unknown[]) => (await tx.query<Row>(sql, params ? [...params] : undefined)).rows,
          exec: async (sql: string) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: () => pg.close(),
  };
}
