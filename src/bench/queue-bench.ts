import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { Client } from 'pg';
import { PgBossQueue, type PgBossConnection } from '../jobs/drivers/pg-boss-queue';
import { openPgliteDatabase } from '../store/engines/pglite-database';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import { WebhookJobSink } from '../jobs/webhook-job-sink';
import { startWorker, type JobHandlers } from '../jobs/worker';
import type { BenchFigure } from './bench-report';
import { benchPostgresUrl, postgresAnswers } from './bench-databases';
import { fmt } from './measure';

/**
 * How fast webhook changes become durable jobs and how fast workers drain them (no-op recomputes,
 * so the figures are the queue's own cost), on embedded PGlite and, when one answers, on a
 * PostgreSQL server (a scratch schema, dropped afterwards). A step of `npm run bench`, or alone:
 * `npx tsx src/bench/queue-bench.ts [--jobs 2000]`.
 */
const policies: QueuePolicyOverrides = { 'recompute-companies': { debounceSeconds: 0 } };

interface QueueFigures {
  label: string;
  workers: number;
  enqueueMs: number;
  drainMs: number;
  schema: string;
}

async function measure(label: string, jobs: number, connection: () => Promise<{ producer: PgBossConnection; worker: PgBossConnection; done: () => Promise<void> }>, workers: number): Promise<QueueFigures> {
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
  const drainMs = performance.now() - drainStarted;
  await queue.stop();
  await done();
  console.log(`${label.padEnd(28)} ${fmt(jobs)} jobs: enqueue ${fmt(enqueueMs)} ms (${fmt((jobs / enqueueMs) * 1000)} jobs/s), drain with ${workers} worker(s) ${fmt(drainMs)} ms (${fmt((jobs / drainMs) * 1000)} jobs/s)`);
  return { label, workers, enqueueMs, drainMs, schema };
}

/** Both engines (PostgreSQL when it answers), `jobs` distinct companies each. */
async function measureQueues(jobs: number, databaseUrl: string): Promise<{ results: QueueFigures[]; skipped?: string }> {
  const results = [
    await measure('PGlite (in memory)', jobs, async () => {
      const database = await openPgliteDatabase();
      const connection: PgBossConnection = { database, engine: 'pglite' };
      return { producer: connection, worker: connection, done: () => database.close() };
    }, 1),
  ];
  if (!(await postgresAnswers(databaseUrl))) return { results, skipped: `PostgreSQL: skipped (no server at ${databaseUrl})` };
  const connection: PgBossConnection = { connectionString: databaseUrl };
  const postgres = await measure('PostgreSQL', jobs, async () => ({ producer: connection, worker: { connectionString: databaseUrl }, done: async () => undefined }), 2);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${postgres.schema} CASCADE`);
  await client.end();
  return { results: [...results, postgres] };
}

/** The step of `npm run bench`: 2,000 jobs on each engine. */
export async function benchFigures(): Promise<BenchFigure[]> {
  const jobs = 2_000;
  const { results, skipped } = await measureQueues(jobs, benchPostgresUrl());
  if (skipped) console.log(skipped);
  const section = `Job queue, ${fmt(jobs)} webhook changes (no-op recomputes)`;
  return results.flatMap((r) => [
    { section, name: `${r.label}: changes enqueued per second`, value: (jobs / r.enqueueMs) * 1000, unit: 'jobs/s', note: 'webhook sink to durable pg-boss jobs, 100 events a batch' },
    { section, name: `${r.label}: jobs drained per second`, value: (jobs / r.drainMs) * 1000, unit: 'jobs/s', note: `${r.workers} worker(s), concurrency 2 each, debounce off` },
  ]);
}

if (require.main === module) {
  const options = new Command()
    .option('--jobs <n>', 'distinct companies changed (one job each)', '2000')
    .option('--database-url <url>', 'PostgreSQL to measure on', benchPostgresUrl())
    .parse(process.argv)
    .opts<{ jobs: string; databaseUrl: string }>();
  measureQueues(Number(options.jobs), options.databaseUrl)
    .then(({ skipped }) => skipped && console.log(skipped))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
