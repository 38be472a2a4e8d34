import pg from 'pg';
import type { SqlDatabase } from '../store';
import { StoreUnavailableError } from '../store-errors';

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the server is not there right now", not "your SQL is wrong". */
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
// 08xxx connection exceptions; 57P01-03 admin shutdown, crash shutdown, cannot connect now; 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /connection timeout/i, /Client has encountered a connection error/i];

/** True when an error from `pg` means the database is unreachable (so the caller may retry later). */
export function isUnavailable(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: socket errors may come from another realm (a test runner's sandbox).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_NODE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08'))) return true;
  if (Array.isArray(errors) && errors.some(isUnavailable)) return true; // AggregateError: every address refused
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((m) => m.test(message));
}

/** The URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/**
 * A PostgreSQL server through a `pg` pool (`DATABASE_URL=postgres://...`). A server that is down or
 * unreachable surfaces as {@link StoreUnavailableError}; any other error (bad SQL, a constraint) as is.
 */
export function openPostgresDatabase(options: { databaseUrl: string; max?: number; connectTimeoutMs?: number; schema?: string }): SqlDatabase {
  const where = `${describeDatabaseUrl(options.databaseUrl)}${options.schema ? ` (schema ${options.schema})` : ''}`;
  // A schema is set at connection start-up (`-c search_path`), so every pooled connection is in it before its first query.
  const startup = options.schema ? { options: `-c search_path=${options.schema}` } : {};
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000, ...startup });
  // An idle client losing its server emits 'error' on the pool; unhandled, it would kill the process.
  pool.on('error', () => undefined);
  const translate = (error: unknown): never => {
    throw isUnavailable(error) ? new StoreUnavailableError(where, error) : error;
  };
  const on = (runner: pg.Pool | pg.PoolClient): Pick<SqlDatabase, 'query' | 'exec'> => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      try {
        const result = await runner.query(sql, params as unknown[]);
        return result.rows as Row[];
      } catch (error) {
        return translate(error);
      }
    },
    async exec(sql: string) {
      try {
        await runner.query(sql);
      } catch (error) {
        translate(error);
      }
    },
  });
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreUnavailableError(where, new Error('the store was closed'));
  };
  const direct = on(pool);
  return {
    query: async <Row>(sql: string, params?: readonly unknown[]) => (guard(), direct.query<Row>(sql, params)),
    exec: async (sql: string) => (guard(), direct.exec(sql)),
    async transaction<T>(work: (tx: Pick<SqlDatabase, 'query' | 'exec'>) => Promise<T>): Promise<T> {
      guard();
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        return translate(error);
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is gone; do not hand it back to the pool
        }
        return translate(error);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
