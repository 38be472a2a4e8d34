import { Client } from 'pg';
import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import { startWorker, type JobHandlers, type RunningWorker } from '../../src/jobs/worker';
import { WebhookJobSink } from '../../src/jobs/webhook-job-sink';
import { startBackend, type RunningBackend } from '../server/backend-harness';
import { dropSchema, eventually, FAST_POLICIES, freshSchema, POSTGRES_URL, postgresReachableSync } from './queue-engines';

const onServer = postgresReachableSync() ? describe : describe.skip;

onServer('two backends and two workers on one PostgreSQL', () => {
  const schema = freshSchema();
  const queues: PgBossQueue[] = [];
  const servers: RunningBackend[] = [];
  const open = (runSchedules: boolean) => {
    const queue = new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5, runSchedules });
    queues.push(queue);
    return queue;
  };

  afterAll(async () => {
    for (const server of servers) await server.close();
    for (const queue of queues) await queue.stop({ timeoutMs: 2_000 });
    await dropSchema(schema);
  });

  it('process 1,000 webhook recomputes: none lost, none run twice', async () => {
    const backends = [open(false), open(false)];
    // Start one at a time: the first creates pg-boss's schema, the second finds it.
    for (const backend of backends) await backend.start();
    // The real express backend, signed requests over HTTP, with the queue as its webhook sink.
    for (const backend of backends) servers.push(await startBackend({ coalescer: new WebhookJobSink(backend) }));

    const runs = new Map<string, number>();
    const jobsByWorker: string[][] = [[], []];
    const workers: RunningWorker[] = [];
    for (const index of [0, 1]) {
      const handlers: JobHandlers = {
        recomputeCompanies: async (ids, { jobIds }) => {
          jobsByWorker[index]!.push(...jobIds);
          for (const id of ids) runs.set(id, (runs.get(id) ?? 0) + 1);
          // A little I/O time, so both workers hold batches at once.
          await new Promise((resolve) => setTimeout(resolve, 20));
        },
        companiesOf: async () => [],
        fullSync: async () => undefined,
      };
      workers.push(await startWorker({ queue: open(true), handlers, concurrency: 2, fullSyncCron: null }));
    }

    // HubSpot posts batches of up to 100 events, spread over the two replicas, while the workers run.
    const companies = Array.from({ length: 1_000 }, (_, i) => String(10_000 + i));
    const batches = Array.from({ length: 10 }, (_, b) => companies.slice(b * 100, b * 100 + 100));
    const answers = await Promise.all(
      batches.map((batch, b) => servers[b % 2]!.call('/hubspot/webhooks', batch.map((id, i) => ({ eventId: `${b}-${i}`, subscriptionType: 'company.propertyChange', objectId: id, propertyName: 'name' })))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));

    await eventually(() => expect(runs.size).toBe(1_000), 60_000);
    for (const worker of workers) await worker.stop({ timeoutMs: 5_000 });

    expect([...runs.keys()].sort()).toEqual(companies);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    // Both workers took part, and no job went to both.
    expect(jobsByWorker[0]!.length).toBeGreaterThan(0);
    expect(jobsByWorker[1]!.length).toBeGreaterThan(0);
    expect(new Set([...jobsByWorker[0]!, ...jobsByWorker[1]!]).size).toBe(jobsByWorker[0]!.length + jobsByWorker[1]!.length);

    const client = new Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT state, count(*)::int AS jobs FROM ${schema}.job WHERE name = 'recompute-companies' GROUP BY state`);
      expect(rows).toEqual([{ state: 'completed', jobs: 1_000 }]);
    } finally {
      await client.end();
    }
  });
});
