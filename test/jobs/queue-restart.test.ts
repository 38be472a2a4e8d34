import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import { openPgliteDatabase } from '../../src/store/engines/pglite-database';
import { startWorker, type JobHandlers } from '../../src/jobs/worker';
import { WebhookJobSink } from '../../src/jobs/webhook-job-sink';
import { dropSchema, eventually, FAST_POLICIES, freshSchema, POSTGRES_URL, postgresReachableSync } from './queue-engines';

const recorder = () => {
  const recomputed: string[] = [];
  const handlers: JobHandlers = {
    recomputeCompanies: async (ids) => void recomputed.push(...ids),
    companiesOf: async (_type, ids) => ids.map((id) => `9${id}`),
    fullSync: async () => undefined,
  };
  return { recomputed, handlers };
};

const webhook = (eventId: number, objectTypeId: string, objectId: string) => ({ eventId: String(eventId), subscriptionType: 'object.propertyChange', objectTypeId, objectId });

describe('a restart loses nothing', () => {
  it('on PGlite: jobs sent before a stop run in the next process that opens the same data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-health-queue-'));
    try {
      // First life: the backend takes webhooks and stops before any worker ran.
      const first = await openPgliteDatabase({ dataDir });
      const producer = new PgBossQueue({ connection: { database: first, engine: 'pglite' }, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5, runSchedules: false });
      await producer.start();
      const stored = await new WebhookJobSink(producer).add([webhook(1, '0-2', '101'), webhook(2, '0-2', '101'), webhook(3, '0-3', '55'), webhook(4, '0-9', '1')]);
      expect(stored).toEqual({ enqueued: 2, coalesced: 1, ignored: 1 });
      await producer.stop();
      await first.close();

      // Second life: a new database handle and a new queue on the same files; the worker runs what was waiting.
      const second = await openPgliteDatabase({ dataDir });
      const queue = new PgBossQueue({ connection: { database: second, engine: 'pglite' }, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5 });
      const { recomputed, handlers } = recorder();
      const worker = await startWorker({ queue, handlers, fullSyncCron: null });
      // Company 101 directly; deal 55 resolved to company 955, then recomputed through its own job.
      await eventually(() => expect(recomputed.sort()).toEqual(['101', '955']), 30_000);
      await worker.stop();
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const onServer = postgresReachableSync() ? it : it.skip;
  onServer('on PostgreSQL: a job sent by a process that stopped runs in a worker started afterwards', async () => {
    const schema = freshSchema();
    try {
      const producer = new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies: FAST_POLICIES, runSchedules: false });
      await producer.start();
      await new WebhookJobSink(producer).add([webhook(1, '0-2', '202')]);
      await producer.stop();

      const queue = new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5 });
      const { recomputed, handlers } = recorder();
      const worker = await startWorker({ queue, handlers, fullSyncCron: null });
      await eventually(() => expect(recomputed).toEqual(['202']));
      await worker.stop();
    } finally {
      await dropSchema(schema);
    }
  });
});
