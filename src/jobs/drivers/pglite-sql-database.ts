import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase } from '../../store/store';

/**
 * A minimal `SqlDatabase` on embedded PGlite (PostgreSQL compiled to WASM), for the queue to run
 * without a database server until the store's own engine (`src/store/engines/`) is wired in; any
 * `SqlDatabase` works in its place. `dataDir` keeps the data on disk (a restart finds its jobs);
 * without it the database lives in memory.
 */
export async function openPgliteDatabase(dataDir?: string): Promise<SqlDatabase> {
  const pg = await PGlite.create(dataDir);
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
