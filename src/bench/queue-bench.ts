import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { Client } from 'pg';
import { PgBossQueue, type PgBossConnection } from '../jobs/drivers/pg-boss-queue';
import { openPgliteDatabase } from '../store/engines/pglite-database';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import { WebhookJobSink } from '../jobs/webhook-job-sink';
import { startWorker, type JobHandlers } from '../jobs/worker';
import { fmt } from './measure';

/**
 * `npx tsx src/bench/queue-bench.ts`: how fast webhook changes become durable jobs and how fast
 * workers drain them (no-op recomputes, so the figures are the queue's own cost), on embedded
 * PGlite and, when one answers, on a PostgreSQL server (a scratch schema, dropped afterwards).
 */
const options = new Command()
  .option('--jobs <n>', 'distinct companies changed (one job each)', '2000')
  .option('--database-url <url>', 'PostgreSQL to measure on', process.env.CS_HEALTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test')
  .parse(process.argv)
  .opts<{ jobs: string; databaseUrl: string }>();

const jobs = Number(options.jobs);
const policies: QueuePolicyOverrides = { 'recompute-companies': { debounceSeconds: 0 } };

async function measure(label: string, connection: () => Promise<{ producer: PgBossConnection; worker: PgBossConnection; done: () => Promise<void> }>, workers: number) {
  const { producer, worker, done } = await connection();
  const schema = `cs_health_bench_${randomBytes(4).toString('hex')}`;
  const queue = new PgBossQueue({ connection: producer, schema, policies, runSchedules: false });
  await queue.start();
  const sink = new WebhookJobSink(queue);
  const companies = Array.from({ length: jobs }, (_, i) => String(100_000 + i));

  const enqueueStarted = performance.now();
  for (let start = 0; start < jobs; start += 100) {
    await sink.add(companies.slice(start, start + 100).map((id, i) => ({ eventId: `${start}-${i}`, subscriptionType: 'company.propertyChange', objectId: id })));
  }
  const enqueueMs = performance.now() - enqueueStarted;

  let recomputed = 0;
  const handlers: JobHandlers = { recomputeCompanies: async (ids) => void (recomputed += ids.length), companiesOf: async () => [], fullSync: async () => undefined };
  const drainStarted = performance.now();
  await (async () => {
    const running = [];
    for (let w = 0; w < workers; w += 1) {
      running.push(await startWorker({ queue: w === 0 && worker === producer ? queue : new PgBossQueue({ connection: worker, schema, policies, pollingIntervalSeconds: 0.5, runSchedules: false }), handlers, concurrency: 2, fullSyncCron: null }));
    }
    while (recomputed < jobs) await new Promise((resolve) => setTimeout(resolve, 50));
    for (const running_ of running) await running_.stop();
  })();
  // The kernel's high-water mark for this process (a timer sample would miss synchronous peaks).
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const drainMs = performance.now() - drainStarted;
  await queue.stop();
  await done();
  console.log(`${label.padEnd(28)} ${fmt(jobs)} jobs: enqueue ${fmt(enqueueMs)} ms (${fmt((jobs / enqueueMs) * 1000)} jobs/s), drain with ${workers} worker(s) ${fmt(drainMs)} ms (${fmt((jobs / drainMs) * 1000)} jobs/s), peak RSS ${fmt(peakRssMb)} MB`);
  return schema;
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
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

async function main() {
  await measure('PGlite (in memory)', async () => {
    const database = await openPgliteDatabase();
    const connection: PgBossConnection = { database, engine: 'pglite' };
    return { producer: connection, worker: connection, done: () => database.close() };
  }, 1);

  if (!(await reachable(options.databaseUrl))) {
    console.log(`PostgreSQL: skipped (no server at ${options.databaseUrl})`);
    return;
  }
  const connection: PgBossConnection = { connectionString: options.databaseUrl };
  let schema = '';
  const drop = async () => {
    const client = new Client({ connectionString: options.databaseUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  };
  schema = await measure('PostgreSQL, 2 workers', async () => ({ producer: connection, worker: { connectionString: options.databaseUrl }, done: async () => undefined }), 2);
  await drop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
