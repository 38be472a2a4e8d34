import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, ensureCsProperties, type HubSpotGateway } from '../../src/hubspot';
import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import type { QueuePolicyOverrides } from '../../src/jobs/job-definitions';
import type { JobQueue } from '../../src/jobs/job-queue';
import { syncJobHandlers } from '../../src/jobs/sync-job-handlers';
import { startWorker, type RunningWorker, type WorkerLogger } from '../../src/jobs/worker';
import type { RunningSandbox } from '../../src/sandbox/server';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import type { FaultOptions } from '../../src/sandbox/faults/fault-injector';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { startRangeSync } from '../../src/sync/ranges/range-sync';
import { AS_OF, TOKEN, withPortal } from '../hubspot/hubspot-test-portal';
import { dropSchema, eventually, freshSchema, POSTGRES_URL, postgresReachableSync } from '../jobs/queue-engines';

// The demo portal (deals, tickets, NPS answers, churners): enough history for a fitted churn model.
const demo = { companies: 800, seed: 42, asOf: AS_OF };
const seed = (sink: Parameters<typeof generateDemoPortal>[1]) => void generateDemoPortal(demo, sink);
const silent: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Retries within the test: pg-boss counts in whole seconds.
const POLICIES: QueuePolicyOverrides = { 'sync-range': { retryDelaySeconds: 1, retryBackoff: false, retryLimit: 8 } };

/** Two stores and a queue on one engine: the embedded one (PGlite), or a PostgreSQL server with a schema each. */
interface Engine {
  name: string;
  openStore(): Promise<{ store: Store; cleanup(): Promise<void> }>;
  /** A worker's own connection to the queue the split's store shares. */
  openQueue(store: Store, schema: string): JobQueue;
  dropQueue(store: Store, schema: string): Promise<void>;
}

const pglite: Engine = {
  name: 'the embedded engine (PGlite)',
  async openStore() {
    const store = await openStore({ memory: true });
    return { store, cleanup: () => store.close() };
  },
  openQueue: (store, schema) => new PgBossQueue({ connection: { database: store.database, engine: 'pglite' }, schema, policies: POLICIES, pollingIntervalSeconds: 0.5 }),
  dropQueue: (store, schema) => store.database.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
};

const postgres: Engine = {
  name: 'PostgreSQL',
  async openStore() {
    const schema = freshSchema();
    const store = await openStore({ databaseUrl: POSTGRES_URL, schema });
    return { store, cleanup: async () => { await store.close(); await dropSchema(schema); } };
  },
  openQueue: (_store, schema) => new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies: POLICIES, pollingIntervalSeconds: 0.5 }),
  dropQueue: (_store, schema) => dropSchema(schema),
};

const engines = [pglite, ...(postgresReachableSync() ? [postgres] : [])];

/** Everything a full sync leaves behind, in HubSpot and in the store, in a comparable form. */
async function endState(sandbox: RunningSandbox, store: Store) {
  const csProperties = (objectType: 'companies' | 'deals') =>
    Object.fromEntries(
      [...sandbox.store.table(objectType).values()]
        .map((object) => [object.id, Object.fromEntries(Object.entries(object.properties).filter(([name]) => name.startsWith('cs_')).sort(([a], [b]) => a.localeCompare(b)))] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const records = [];
  for await (const page of store.companies.pages()) records.push(...page);
  const model = await store.models.latest();
  const statements = await store.database.query('SELECT owner_id, period_key, version, body, computed_at, settings_version FROM cs_statement_versions ORDER BY owner_id, period_key, version');
  return {
    companies: csProperties('companies'),
    deals: csProperties('deals'),
    records,
    model: model && { version: model.version, model: model.model, fittedAt: model.fittedAt, settingsVersion: model.settingsVersion },
    snapshots: await store.snapshots.onDay(AS_OF.toISOString().slice(0, 10)),
    statements,
  };
}

/** The existing single-worker path: the worker's nightly full-sync job (sync, then statements). */
async function syncWithOneWorker(gateway: HubSpotGateway, store: Store): Promise<void> {
  const handlers = syncJobHandlers({ gateway, config, stateDir: mkdtempSync(join(tmpdir(), 'cs-range-one-')), portalKey: 'one', logger: silent, store, now: () => AS_OF });
  await handlers.fullSync({ reason: 'manual' }, { jobId: 'one-worker' });
}

/** `workers` workers (each its own HubSpot connection and queue connection) take the range jobs until the run is finished. */
async function syncSplit(engine: Engine, sandbox: RunningSandbox, store: Store, options: { ranges: number; workers: number; retry?: { maxAttempts: number } }) {
  const schema = freshSchema();
  const gateways: HubSpotGateway[] = [];
  const workers: RunningWorker[] = [];
  const queues: JobQueue[] = [];
  const steps: { worker: number; stage: string; range?: number }[] = [];
  try {
    for (let w = 0; w < options.workers; w++) {
      const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 10_000, searchPerSecond: 100 }, retry: options.retry });
      gateways.push(gateway);
      const queue = engine.openQueue(store, schema);
      queues.push(queue);
      // What each worker ran, from its log: a step is logged once it completed.
      const logger: WorkerLogger = { ...silent, info: (details, message) => void (message === 'range sync step done' && steps.push({ worker: w, ...(details as { stage: string; range?: number }) })) };
      const handlers = syncJobHandlers({ gateway, config, stateDir: mkdtempSync(join(tmpdir(), `cs-range-w${w}-`)), portalKey: 'split', logger, store, now: () => AS_OF });
      workers.push(await startWorker({ queue, handlers, fullSyncCron: null }));
    }
    const planner = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 10_000, searchPerSecond: 100 } });
    gateways.push(planner);
    const run = await startRangeSync({ gateway: planner, store, config, ranges: options.ranges, now: () => AS_OF, send: (step) => queues[0]!.send('sync-range', step) });
    await eventually(async () => expect((await store.syncRuns.recent(1))[0]).toMatchObject({ id: run.syncRunId, outcome: 'ok' }), 180_000);
    const recorded = (await store.syncRuns.recent(1))[0]!.apiCalls;
    return { run, steps, failedBatches: workers.reduce((sum, worker) => sum + worker.stats.failedBatches, 0), calls: gateways.map((g) => g.callCounts()), recorded };
  } finally {
    for (const worker of workers) await worker.stop({ timeoutMs: 2_000 });
    for (const gateway of gateways) await gateway.close();
    await engine.dropQueue(store, schema).catch(() => undefined);
  }
}

async function compareOneWorkerWithSplit(engine: Engine, split: { ranges: number; workers: number; retry?: { maxAttempts: number } }, faults?: FaultOptions) {
  const one = await engine.openStore();
  const many = await engine.openStore();
  try {
    return await withPortal({ seed }, async (gatewayOne, sandboxOne) => {
      await ensureCsProperties(gatewayOne);
      await syncWithOneWorker(gatewayOne, one.store);
      return withPortal({ seed, faults }, async (gatewaySplit, sandboxSplit) => {
        await ensureCsProperties(gatewaySplit);
        const result = await syncSplit(engine, sandboxSplit, many.store, split);
        const [expected, actual] = [await endState(sandboxOne, one.store), await endState(sandboxSplit, many.store)];
        return { ...result, expected, actual };
      });
    });
  } finally {
    await one.cleanup();
    await many.cleanup();
  }
}

/**
 * The run's calls as its sync-run row records them: every call the planner and the workers made for
 * it, failed attempts included, but the workers' portal-context reads (owners, pipelines, goals),
 * which each worker caches for all its jobs.
 */
function expectRunCalls(split: { calls: Record<string, number>[]; recorded?: number }) {
  const context = new Set(['owners', 'pipelines', 'goal_targets.list']);
  const made = split.calls.flatMap((counts) => Object.entries(counts)).reduce((sum, [kind, n]) => sum + (context.has(kind) ? 0 : n), 0);
  expect(made).toBeGreaterThan(0);
  expect(split.recorded).toBe(made);
}

/** Part by part, so a difference names what differs. */
function expectSameEndState(actual: Awaited<ReturnType<typeof endState>>, expected: Awaited<ReturnType<typeof endState>>) {
  for (const part of ['companies', 'deals', 'records', 'model', 'snapshots', 'statements'] as const) expect({ [part]: actual[part] }).toEqual({ [part]: expected[part] });
}

describe.each(engines.map((engine) => [engine.name, engine] as const))('a full sync split by company-id range on %s', (_name, engine) => {
  it('ends, with 3 ranges on 2 workers, in the state one worker leaves: properties, records, model, snapshots and statements', async () => {
    const { run, steps, expected, actual, ...split } = await compareOneWorkerWithSplit(engine, { ranges: 3, workers: 2 });
    expect(run.ranges).toHaveLength(3);
    expectRunCalls(split);
    // Every stage ran, each once: three reads, one fit, three writes, one finish.
    expect(steps.map((step) => `${step.stage}${step.range ?? ''}`).sort()).toEqual(['finish', 'fit', 'read0', 'read1', 'read2', 'write0', 'write1', 'write2']);
    // The comparison has something to compare: every company read, scored, written and snapshotted, a fitted model.
    expect(expected.records).toHaveLength(demo.companies);
    expect(expected.snapshots).toHaveLength(demo.companies);
    expect(expected.model?.model.kind).toBe('fitted');
    expect(Object.values(expected.companies).filter((properties) => properties.cs_health_score !== undefined).length).toBeGreaterThan(demo.companies / 2);
    expect(Object.values(expected.deals).filter((properties) => Object.keys(properties).some((name) => name === 'cs_retention_target_status')).length).toBeGreaterThan(0);
    expect(expected.statements.length).toBeGreaterThan(0);
    expectSameEndState(actual, expected);
  }, 300_000);

  it('retries a range read HubSpot failed, and still ends in the state one worker leaves', async () => {
    // Searches answer 500 at random (seeded); the workers' connections do not retry them, so the
    // range job fails and the queue runs it again. One worker, one job at a time: the requests
    // come in one order, so the seed replays the same failures.
    const faults: FaultOptions = { seed: 11, endpoints: { 'objects.search': { status500: 0.3 } } };
    const { failedBatches, steps, expected, actual, ...split } = await compareOneWorkerWithSplit(engine, { ranges: 3, workers: 1, retry: { maxAttempts: 1 } }, faults);
    expect(failedBatches).toBeGreaterThan(0);
    // The failed attempts' calls are the run's too.
    expectRunCalls(split);
    expect(steps.filter((step) => step.stage === 'read').map((step) => step.range).sort()).toEqual([0, 1, 2]);
    expectSameEndState(actual, expected);
  }, 300_000);
});
