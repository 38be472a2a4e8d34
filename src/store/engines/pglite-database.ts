import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlDatabase } from '../store';
import { StoreUnavailableError } from '../store-errors';

/**
 * PostgreSQL compiled to WASM, in this process: `npm start` and `npm test` need no database server.
 * One connection, so every call is serialised by PGlite itself. Inside `transaction`, use the `tx`
 * handed to the work: calling this database from inside its own transaction would wait for the
 * transaction to end, which waits for the call (a deadlock).
 */
export async function openPgliteDatabase(options: { dataDir?: string } = {}): Promise<SqlDatabase> {
  let db: PGlite;
  const where = options.dataDir ?? 'memory://';
  try {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    db = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
  } catch (error) {
    throw new StoreUnavailableError(`PGlite ${where}`, error);
  }
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreUnavailableError(`PGlite ${where}`, new Error('the store was closed'));
  };
  const on = (runner: PGlite | Transaction): Pick<SqlDatabase, 'query' | 'exec'> => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    async exec(sql: string) {
      await runner.exec(sql);
    },
  });
  const direct = on(db);
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) => (guard(), direct.query<Row>(sql, params)),
    exec: async (sql: string) => (guard(), direct.exec(sql)),
    transaction: async <T>(work: (tx: Pick<SqlDatabase, 'query' | 'exec'>) => Promise<T>) => (guard(), db.transaction((tx) => work(on(tx)))),
    async close() {
      if (closed) return;
      closed = true;
      await db.close();
    },
  };
}
