import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { InlineQueue } from '../../src/jobs/drivers/inline-queue';
import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import { openPgliteDatabase } from '../../src/store/engines/pglite-database';
import type { QueuePolicyOverrides } from '../../src/jobs/job-definitions';
import type { JobQueue } from '../../src/jobs/job-queue';
import type { SqlDatabase } from '../../src/store/store';

/** The PostgreSQL server the server suites use: `CS_HEALTH_TEST_DATABASE_URL`, else the machine's local one. */
export const POSTGRES_URL = process.env.CS_HEALTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Whether a PostgreSQL server answers at `url` within a second (the suite is skipped, and says so, when not). */
export async function postgresReachable(url = POSTGRES_URL): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The same probe, synchronous, so a suite can decide which engines it runs while jest collects it.
 * Prints the skip line when no server answers.
 */
export function postgresReachableSync(url = POSTGRES_URL): boolean {
  const script = `const { Client } = require('pg'); const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 1000 }); c.on('error', () => {}); c.connect().then(() => c.query('SELECT 1')).then(() => process.exit(0), () => process.exit(1));`;
  const probe = spawnSync(process.execPath, ['-e', script, url], { timeout: 5_000, cwd: __dirname });
  const reachable = probe.status === 0;
  // CI's machines run PostgreSQL: there a missing server is a failure, not a skip.
  if (!reachable && process.env.CS_HEALTH_REQUIRE_SERVERS) throw new Error(`PostgreSQL queue suite required (CS_HEALTH_REQUIRE_SERVERS) but no server answers at ${url.replace(/\/\/[^@/]*@/, '//***@')}`);
  if (!reachable) console.log(`skipped: PostgreSQL queue suite (no server at ${url.replace(/\/\/[^@/]*@/, '//***@')})`);
  return reachable;
}

/** A schema name of its own per test run, so concurrent runs (and other helpers) never share jobs. */
export const freshSchema = () => `cs_health_jobs_t${randomBytes(5).toString('hex')}`;

export async function dropSchema(schema: string, url = POSTGRES_URL): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Short delays so retries and backoff run within a test (pg-boss counts in whole seconds). */
export const FAST_POLICIES: QueuePolicyOverrides = {
  'recompute-companies': { debounceSeconds: 0, retryDelaySeconds: 1, retryLimit: 2 },
  'resolve-changed-records': { debounceSeconds: 0, retryDelaySeconds: 1, retryLimit: 2 },
  'full-sync': { retryDelaySeconds: 1, retryLimit: 1 },
};

export interface EngineUnderTest {
  name: 'inline' | 'pglite' | 'postgres';
  /** A new queue on a fresh database (or schema); `cleanup` removes everything it made. */
  open(policies?: QueuePolicyOverrides): Promise<{ queue: JobQueue; cleanup(): Promise<void> }>;
}

export const inlineEngine: EngineUnderTest = {
  name: 'inline',
  async open(policies = FAST_POLICIES) {
    const queue = new InlineQueue({ policies });
    return { queue, cleanup: () => queue.stop() };
  },
};

let sharedPglite: Promise<SqlDatabase> | undefined;

/** PGlite on one in-memory database per test file (starting PGlite takes seconds), a fresh pg-boss schema per test. */
export const pgliteEngine: EngineUnderTest & { closeShared(): Promise<void> } = {
  name: 'pglite',
  async open(policies = FAST_POLICIES) {
    sharedPglite ??= openPgliteDatabase();
    const database = await sharedPglite;
    const schema = freshSchema();
    const queue = new PgBossQueue({ connection: { database, engine: 'pglite' }, schema, policies, pollingIntervalSeconds: 0.5 });
    return {
      queue,
      cleanup: async () => {
        await queue.stop({ timeoutMs: 1_000 });
        await database.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      },
    };
  },
  async closeShared() {
    const database = sharedPglite;
    sharedPglite = undefined;
    if (database) await (await database).close();
  },
};

export const postgresEngine: EngineUnderTest = {
  name: 'postgres',
  async open(policies = FAST_POLICIES) {
    const schema = freshSchema();
    const queue = new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies, pollingIntervalSeconds: 0.5 });
    return {
      queue,
      cleanup: async () => {
        await queue.stop({ timeoutMs: 1_000 });
        await dropSchema(schema);
      },
    };
  },
};

/** Polls until `check` passes: jobs run on the queue's own schedule (polling, backoff). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
