import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Client } from '@hubspot/api-client';
import { startBackendRuntime, type BackendRuntime } from '../../src/app/backend-runtime';
import { engineStateFrom } from '../../src/app/engine-state';
import { pageAudience } from '../../src/app/pages/page-audience';
import { portfolioPage } from '../../src/app/pages/portfolio-page';
import { NO_SYNC_YET } from '../../src/app/pages/portfolio-page-from-store';
import { portfolioPageInput, type CustomerSource } from '../../src/app/pages/portfolio-page-input';
import { recordPortalCompanies } from '../../src/app/pages/record-companies';
import type { Customer } from '../../src/domain/customer';
import { createHubSpotGateway, ensureCsProperties, readCustomerPages, readPortalContext, type HubSpotGateway, type PortalContext } from '../../src/hubspot';
import { createLogger } from '../../src/logging/logger';
import { DEMO_MANAGER_OWNER_IDS, generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { startSandbox } from '../../src/sandbox/server';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { TOKEN } from '../hubspot/hubspot-test-portal';
import { signedClient } from '../server/signed-client';

const AS_OF = new Date('2026-11-20T12:00:00Z');
const SECRET = 'pages-from-store-secret-51c2';
const PUBLIC = 'https://cs-health.example.com';
const PORTAL = 77;
/** Owner ids in the demo: CS manager 100, CSMs from 101, sales manager 500, AMs from 900; user id = 70,000 + owner id. */
const MANAGER = '100';
const CSM = '101';
const LEADER = '900';

interface Harness {
  gateway: HubSpotGateway;
  context: PortalContext;
  /** GET /hubspot/pages/portfolio as HubSpot signs it for the owner's user (any user id for a stranger). */
  page(ownerOrUserId: string): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

/** The demo portal (two more companies: one nobody owns, one the sales manager owns), cs-health's backend on `store`. */
async function startPagesBackend(store: Store): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, token: TOKEN, seed: (sink) => void generateDemoPortal({ companies: 120, seed: 7, asOf: AS_OF }, sink) });
  const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 10_000, searchPerSecond: 100 } });
  const stateDir = mkdtempSync(join(tmpdir(), 'pages-from-store-'));
  const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  let runtime: BackendRuntime | undefined;
  let server: Server | undefined;
  const close = async () => {
    if (server) await closeGracefully(server);
    await runtime?.stop();
    await gateway.close();
    await sandbox.close();
    rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    await ensureCsProperties(gateway);
    const api = new Client({ accessToken: TOKEN, basePath: sandbox.url });
    await api.crm.companies.basicApi.create({ properties: { name: 'Nobody owns me' }, associations: [] });
    await api.crm.companies.basicApi.create({ properties: { name: 'Sales keeps me', hubspot_owner_id: '500' }, associations: [] });
    const context = await readPortalContext(gateway);
    runtime = await startBackendRuntime({ gateway, store, state: await engineStateFrom(store)(), logger, stateDir, portalKey: 'pages', now: () => AS_OF });
    server = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, portalId: PORTAL, ...runtime.backend, logger }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const signed = signedClient(server, SECRET, PUBLIC);
    const page = (id: string) => {
      const owner = context.owners.find((o) => o.id === id);
      const query = owner ? `userId=${owner.userId}&userEmail=${encodeURIComponent(owner.email ?? '')}` : `userId=${id}&userEmail=stranger%40example.com`;
      return signed('GET', `/hubspot/pages/portfolio?${query}&portalId=${PORTAL}`);
    };
    return { gateway, context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The settings the demo runs with: the CS manager manages, AM 900 is a cs-health admin (a CS leader). */
async function saveSettings(store: Store) {
  await store.settings.save({ engine: {}, plans: { period: { start: '2026-10-01T00:00:00Z', end: '2026-12-31T23:59:59Z' }, managers: [...DEMO_MANAGER_OWNER_IDS] }, admins: [String(70_000 + Number(LEADER))] }, { kind: 'cli', id: 'test' }, AS_OF);
}

/** The oracle: the same page computed from a fresh read of the whole portal, narrowed in memory. */
async function pageFromPortalRead(gateway: HubSpotGateway, store: Store, context: PortalContext, ownerId: string) {
  const state = await engineStateFrom(store)();
  const settings = await store.settings.current();
  const audience = pageAudience(context, state.plans, context.owners.find((o) => o.id === ownerId)?.userId, settings?.document.admins);
  const portal: CustomerSource = async function* (filter) {
    for await (const page of readCustomerPages(gateway, context, state.config.mapping)) {
      yield page.customers.filter((c: Customer) => !filter.ownerIds || (c.ownerId === undefined ? filter.includeUnowned === true : filter.ownerIds.includes(c.ownerId)));
    }
  };
  return portfolioPage(await portfolioPageInput(state, audience, portal, AS_OF));
}

const withoutVersions = ({ versions: _versions, ...answer }: Record<string, unknown>) => answer;

// One portal and backend for the file; the store starts empty and the third test records the sync's reading.
describe('the app pages answer from the store, not the portal', () => {
  let store: Store;
  let h: Harness;
  beforeAll(async () => {
    store = await openStore({ memory: true });
    await saveSettings(store);
    h = await startPagesBackend(store);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await store?.close();
  });

  it('says no sync has run yet on an empty store, without reading the portal', async () => {
    expect((await h.page(MANAGER)).status).toBe(200);
    const before = h.gateway.totalCalls();
    for (const ownerId of [CSM, MANAGER, LEADER]) {
      expect(await h.page(ownerId)).toMatchObject({ status: 200, json: { status: 'empty', message: NO_SYNC_YET } });
    }
    expect(h.gateway.totalCalls() - before).toBe(0);
    expect(NO_SYNC_YET).toContain('cs-health sync');
  });

  it('refuses a viewer who is not an owner of the portal', async () => {
    const answer = await h.page('12345');
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.json)).not.toMatch(/Company|mrr/i);
  });

  it('gives every scope the same view as a portal read, with zero HubSpot calls once the portal context is cached', async () => {
    const { gateway, context, page } = h;
    const mapping = (await engineStateFrom(store)()).config.mapping;
    expect(await recordPortalCompanies(gateway, context, mapping, store, AS_OF)).toBe(122);
    const portal: Customer[] = [];
    for await (const p of readCustomerPages(gateway, context, mapping)) portal.push(...p.customers);

    const csTeam = new Set(context.owners.filter((o) => o.teamIds.includes('11')).map((o) => o.id));
    const expected = {
      [CSM]: { kind: 'book', customers: portal.filter((c) => c.ownerId === CSM).length },
      [MANAGER]: { kind: 'team', customers: portal.filter((c) => c.ownerId === undefined || csTeam.has(c.ownerId)).length },
      [LEADER]: { kind: 'all', customers: 122 },
    };
    expect(expected[CSM].customers).toBeGreaterThan(0);
    expect(expected[MANAGER].customers).toBe(121);
    for (const [ownerId, scope] of Object.entries(expected)) {
      const before = gateway.totalCalls();
      const answer = await page(ownerId);
      expect({ ownerId, calls: gateway.totalCalls() - before }).toEqual({ ownerId, calls: 0 });
      expect(answer.status).toBe(200);
      expect(answer.json.view.scope).toMatchObject(scope);
      expect(withoutVersions(answer.json)).toEqual(JSON.parse(JSON.stringify(await pageFromPortalRead(gateway, store, context, ownerId))));
    }
    // A CSM's page shows only their own attainment; the leader sees every company but no one's
    // attainment the identity rule keeps from them.
    expect((await page(CSM)).json.view.attainment.people.map((p: { ownerId: string; as: string }) => [p.ownerId, p.as])).toEqual([[CSM, 'self']]);
    expect((await page(LEADER)).json.view.attainment.people).toEqual([]);
  }, 60_000);
});
