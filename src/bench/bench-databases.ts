import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type StoreOptions } from '../store/open-store';
import type { Store } from '../store/store';

/** The PostgreSQL server the store steps measure on, as the tests find it. */
export const benchPostgresUrl = (): string => process.env.CS_HEALTH_TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when a PostgreSQL server answers at `url` within a second. */
export async function postgresAnswers(url = benchPostgresUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface BenchDatabase {
  label: Store['engine'];
  open(): Promise<{ options: StoreOptions; dispose: () => Promise<void> }>;
}

/** An embedded PGlite in memory, and a database of its own on `postgresUrl` (dropped afterwards) when given. */
function benchDatabases(postgresUrl: string | undefined): BenchDatabase[] {
  const databases: BenchDatabase[] = [{ label: 'pglite', open: async () => ({ options: { memory: true }, dispose: async () => undefined }) }];
  if (!postgresUrl) return databases;
  databases.push({
    label: 'postgres',
    open: async () => {
      const name = `cs_bench_${randomBytes(4).toString('hex')}`;
      const c = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      const url = new URL(postgresUrl);
      url.pathname = `/${name}`;
      return {
        options: { databaseUrl: url.toString() },
        dispose: async () => {
          const d = new pg.Client({ connectionString: postgresUrl });
          await d.connect();
          await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await d.end();
        },
      };
    },
  });
  return databases;
}

/**
 * Runs `measure` on a fresh store of each engine (PostgreSQL only when `postgresUrl` answers; one
 * log line says why it was skipped), closing and dropping each afterwards.
 */
export async function onEachBenchStore<T>(postgresUrl: string | undefined, log: (line: string) => void, measure: (store: Store) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (const database of benchDatabases(postgresUrl)) {
    let opened: Awaited<ReturnType<BenchDatabase['open']>>;
    try {
      opened = await database.open();
    } catch (error) {
      log(`${database.label}: skipped (${(error as Error).message})`);
      continue;
    }
    const store = await openStore(opened.options);
    try {
      results.push(await measure(store));
    } finally {
      await store.close();
      await opened.dispose();
    }
  }
  return results;
}

/**
 * One store for a probe that runs the product as a user would: `pglite` = the embedded database in
 * a folder under `dir` (the CLI's default), `postgres` = a database of its own on the bench's
 * server, dropped by `dispose`.
 */
export async function openProbeStore(engine: 'pglite' | 'postgres', dir: string): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (engine === 'pglite') {
    const store = await openStore({ dataDir: join(dir, 'db') });
    return { store, dispose: () => store.close() };
  }
  const opened = await benchDatabases(benchPostgresUrl())[1].open();
  const store = await openStore(opened.options);
  return { store, dispose: async () => (await store.close(), await opened.dispose()) };
}
