import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PGlite as PGliteInstance, Transaction } from '@electric-sql/pglite';
import type { SqlDatabase } from '../store';
import { StoreUnavailableError } from '../store-errors';
import { claimDataDir } from './data-dir-lock';
import { initialiseDataDirApart } from './pglite-first-init';
import { keepWasmOnBaselineTier } from './pglite-wasm-tier';

/**
 * PGlite loads its WASM and Node helpers with dynamic `import()`. Loading it through Node's own
 * `require` keeps that working under any loader: jest's module sandbox refuses `import()` unless node
 * runs with --experimental-vm-modules, which in turn breaks the ESM-only packages the card tests load,
 * and jest replaces `module.createRequire` too; `process.getBuiltinModule` (Node 20.16+) is the real one.
 */
const nodeModule = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:module') as { createRequire: typeof createRequire } | undefined;
const requirePglite = (nodeModule ?? { createRequire }).createRequire(__filename);
const { PGlite } = requirePglite('@electric-sql/pglite') as typeof import('@electric-sql/pglite');

/**
 * One user, one process: PostgreSQL's shared buffers only duplicate the OS page cache here (the
 * files are real files), and PGlite's WASM memory holds them resident for the process's life: the
 * default 128 MB to 16 MB took a reopened store from 316 to 211 MB; 16 MB to 4 MB leaves 12 MB less
 * of the WASM memory resident (29 to 17 MB on open, 53 to 41 MB after a 10,000-company sync).
 */
const POSTGRESQL_CONF = ['shared_buffers=4MB'];

/**
 * PGlite's own parsers (same rules: `new Date(text)`, `JSON.parse`) defined here, so the values read
 * belong to this module's realm: a Date passes `instanceof Date` and zod's `z.date()` in the caller
 * even when PGlite itself was loaded outside a test sandbox.
 */
const TIME_OIDS = [1082, 1114, 1184]; // date, timestamp, timestamptz
const JSON_OIDS = [114, 3802]; // json, jsonb
const parseTime = (text: string): Date | number => (text === 'infinity' ? Infinity : text === '-infinity' ? -Infinity : new Date(text));
const PARSERS = Object.fromEntries([...TIME_OIDS.map((oid) => [oid, parseTime]), ...JSON_OIDS.map((oid) => [oid, (text: string) => JSON.parse(text) as unknown])]);

/** Dates as ISO text: PGlite serialises by `instanceof Date`, which a Date from another realm fails. */
const asParams = (params: readonly unknown[]): unknown[] => params.map((p) => (p !== null && typeof p === 'object' && typeof (p as Date).toISOString === 'function' && Object.prototype.toString.call(p) === '[object Date]' ? (p as Date).toISOString() : p));

/**
 * PostgreSQL compiled to WASM, in this process: `npm start` and `npm test` need no database server.
 * One connection, so every call is serialised by PGlite itself. Inside `transaction`, use the `tx`
 * handed to the work: calling this database from inside its own transaction would wait for the
 * transaction to end, which waits for the call (a deadlock).
 */
export async function openPgliteDatabase(options: { dataDir?: string } = {}): Promise<SqlDatabase> {
  let db: PGliteInstance;
  const where = options.dataDir ?? 'memory://';
  let release = () => undefined as void;
  try {
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      release = claimDataDir(options.dataDir);
      initialiseDataDirApart(options.dataDir, requirePglite.resolve('@electric-sql/pglite'), POSTGRESQL_CONF);
    }
    keepWasmOnBaselineTier();
    db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), parsers: PARSERS, postgresqlconf: POSTGRESQL_CONF });
  } catch (error) {
    release();
    throw new StoreUnavailableError(`PGlite ${where}`, error);
  }
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreUnavailableError(`PGlite ${where}`, new Error('the store was closed'));
  };
  const on = (runner: PGliteInstance | Transaction): Pick<SqlDatabase, 'query' | 'exec'> => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await runner.query<Row>(sql, asParams(params));
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
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
