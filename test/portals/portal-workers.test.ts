import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { queueSchemaOf, storeSchemaOf } from '../../src/portals/portal-id';
import { resolvePortals, type Portal } from '../../src/portals/portal-registry';
import type { PortalStorage } from '../../src/portals/portal-storage';
import { startPortalWorkers, type RunningPortalWorkers } from '../../src/portals/portal-workers';
import { eventually, FAST_POLICIES, POSTGRES_URL, postgresReachableSync } from '../jobs/queue-engines';
import { AS_OF, portalState, startSandboxProcess, storeState, type SandboxProcess } from './portal-kit';

jest.setTimeout(240_000);

// Three portals of different sizes and data, each its own sandbox process answering only its own token.
const SHAPES = { a: { companies: 120, seed: 11 }, b: { companies: 80, seed: 12 }, c: { companies: 150, seed: 13 } } as const;
type Id = keyof typeof SHAPES;
const IDS = Object.keys(SHAPES) as Id[];
const tokenOf = (id: string) => `token-of-portal-${id}`;
const withPostgres = postgresReachableSync();

const sandboxes = {} as Record<Id, SandboxProcess>;
const scratch: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-portals-'));
  scratch.push(dir);
  return dir;
};

beforeAll(async () => {
  await Promise.all(IDS.map(async (id) => (sandboxes[id] = await startSandboxProcess({ ...SHAPES[id], token: tokenOf(id) }))));
});

afterAll(async () => {
  await Promise.all(Object.values(sandboxes).map((sandbox) => sandbox.stop()));
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** The registry of these portals, tokens from environment variables; `env` overrides what they hold. */
function portalsOf(ids: string[], urls: Record<string, string>, env: Record<string, string> = {}): Portal[] {
  return resolvePortals(
    { portals: ids.map((id) => ({ id, baseUrl: urls[id], token: { env: `PORTAL_${id.toUpperCase()}_TOKEN` }, tier: 'professional' })) },
    { env: { ...Object.fromEntries(ids.map((id) => [`PORTAL_${id.toUpperCase()}_TOKEN`, tokenOf(id)])), ...env } },
  );
}

const urlsOf = () => Object.fromEntries(Object.entries(sandboxes).map(([id, sandbox]) => [id, sandbox.url]));

async function startWorkers(portals: Portal[], storage: PortalStorage): Promise<RunningPortalWorkers> {
  return startPortalWorkers({ portals, storage, stateDir: tempDir(), config: DEFAULT_ENGINE_CONFIG, fullSyncCron: null, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5, now: () => AS_OF });
}

/** Sends each portal its full sync and resolves with the milliseconds from the send to each one's end. */
async function syncAll(workers: RunningPortalWorkers, timeoutMs = 120_000): Promise<Record<string, number>> {
  const started = Date.now();
  const finished: Record<string, number> = {};
  for (const { queue } of workers.portals.values()) await queue.send('full-sync', { reason: 'manual' });
  for (;;) {
    const stats = workers.stats();
    for (const [id, stat] of Object.entries(stats)) {
      if (stat.failedBatches > 0) throw new Error(`portal ${id}'s full sync failed`);
      if (stat.fullSyncs === 1) finished[id] ??= Date.now() - started;
    }
    if (Object.keys(finished).length === Object.keys(stats).length) break;
    if (Date.now() - started > timeoutMs) throw new Error(`full syncs still running after ${timeoutMs} ms: ${JSON.stringify(stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return finished;
}

/**
 * Where a run keeps its portals' stores and queues: schemas on PostgreSQL when a server answers
 * (dropped before, in case a killed run left jobs, and after), else PGlite folders (each takes
 * seconds to create).
 */
async function freshStorage(ids: string[]): Promise<PortalStorage> {
  if (!withPostgres) return { dataDir: tempDir() };
  await dropPortalSchemas(ids);
  dropAfter.push(...ids);
  return { databaseUrl: POSTGRES_URL };
}
const dropAfter: string[] = [];
afterAll(async () => {
  if (dropAfter.length > 0) await dropPortalSchemas(dropAfter);
});

/** Drops the portals' schemas a PostgreSQL run made. */
async function dropPortalSchemas(ids: string[]): Promise<void> {
  const client = new Client({ connectionString: POSTGRES_URL });
  await client.connect();
  for (const id of ids) await client.query(`DROP SCHEMA IF EXISTS ${storeSchemaOf(id)} CASCADE; DROP SCHEMA IF EXISTS ${queueSchemaOf(id)} CASCADE`);
  await client.end();
}

describe('one worker serving several portals', () => {
  it('syncs 3 portals at once into exactly the state each reaches synced alone, each store holding only its own portal', async () => {
    const alone: Record<string, { portal: unknown; store: unknown }> = {};
    for (const id of IDS) {
      await sandboxes[id].reset();
      const workers = await startWorkers(portalsOf([id], urlsOf()), { dataDir: tempDir() });
      try {
        await syncAll(workers);
        alone[id] = { portal: await portalState(sandboxes[id]), store: await storeState(workers.portals.get(id)!.store) };
      } finally {
        await workers.stop();
      }
    }

    await Promise.all(IDS.map((id) => sandboxes[id].reset()));
    // Together on PostgreSQL (a schema per portal) when a server answers, else on PGlite folders: the same end state either way.
    const workers = await startWorkers(portalsOf([...IDS], urlsOf()), await freshStorage([...IDS]));
    try {
      await syncAll(workers);
      for (const id of IDS) {
        expect(await portalState(sandboxes[id])).toEqual(alone[id].portal);
        expect(await storeState(workers.portals.get(id)!.store)).toEqual(alone[id].store);
      }
    } finally {
      await workers.stop();
    }
    // The three portals differ, so equal states cannot come from one portal's data landing in all three stores.
    expect((alone.a.store as { snapshots: unknown[] }).snapshots).toHaveLength(SHAPES.a.companies);
    expect((alone.b.store as { snapshots: unknown[] }).snapshots).toHaveLength(SHAPES.b.companies);
    expect(alone.a.portal).not.toEqual(alone.c.portal);
  });

  it('fails only the portal whose token HubSpot refuses, with a message naming the portal and where its token comes from', async () => {
    await Promise.all(IDS.map((id) => sandboxes[id].reset()));
    const portals = portalsOf([...IDS], urlsOf(), { PORTAL_B_TOKEN: 'a-token-portal-b-never-had' });
    const workers = await startWorkers(portals, await freshStorage([...IDS]));
    try {
      for (const { queue } of workers.portals.values()) await queue.send('full-sync', { reason: 'manual' });
      const b = workers.portals.get('b')!;
      await eventually(async () => expect(await b.queue.deadLetters('full-sync')).toHaveLength(1), 60_000);
      const [dead] = await b.queue.deadLetters('full-sync');
      expect(dead.error).toBe('portal b: HubSpot rejected the access token (401); check the token in env PORTAL_B_TOKEN');
      expect(dead.payload).toEqual({ reason: 'manual', portalId: 'b' });
      await eventually(() => expect(workers.stats()).toMatchObject({ a: { fullSyncs: 1, failedBatches: 0 }, c: { fullSyncs: 1, failedBatches: 0 } }), 60_000);
      expect(workers.stats().b).toMatchObject({ fullSyncs: 0, failedBatches: 2 });
      expect((await storeState(b.store)).snapshots).toEqual([]);
      expect(Object.values(await portalState(sandboxes.b)).every((values) => Object.values(values).every((value) => value === null))).toBe(true);
    } finally {
      await workers.stop();
    }
  });

  it('keeps a throttled portal (429s and slow answers) from delaying the others beyond a bound', async () => {
    // Portal t answers every call a second late and one in ten with a 429 (which pauses its calls for HubSpot's 10 s window).
    const throttled = await startSandboxProcess({ companies: 40, seed: 14, token: tokenOf('t'), flags: ['--fault-latency', '1', '--fault-latency-ms', '1000', '--fault-429', '0.1'] });
    try {
      await Promise.all(['a', 'b'].map((id) => sandboxes[id as Id].reset()));
      const quiet = await startWorkers(portalsOf(['a', 'b'], urlsOf()), await freshStorage(['a', 'b']));
      const baseline = await syncAll(quiet).finally(() => quiet.stop());

      await Promise.all(['a', 'b'].map((id) => sandboxes[id as Id].reset()));
      const workers = await startWorkers(portalsOf(['a', 'b', 't'], { ...urlsOf(), t: throttled.url }), await freshStorage(['a', 'b', 't']));
      const together = await syncAll(workers, 200_000).finally(() => workers.stop());
      for (const id of ['a', 'b']) {
        // The bound: twice what the portal took without the throttled one, plus 3 s for the shared CPU; and ahead of it.
        expect(together[id]).toBeLessThan(2 * baseline[id] + 3_000);
        expect(together[id]).toBeLessThan(together.t);
      }
    } finally {
      await throttled.stop();
    }
  });
});
