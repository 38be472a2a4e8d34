import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { cachedPortalContext, type CardDependencies } from '../../src/app/card-dependencies';
import { NO_SYNC_YET } from '../../src/app/pages/portfolio-page-from-store';
import { recordPortalCompanies } from '../../src/app/pages/record-companies';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, readPortalContext, type HubSpotGateway } from '../../src/hubspot';
import { previewRoutes } from '../../src/preview/preview-routes';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

const AS_OF = new Date('2026-11-20T12:00:00Z');
const TOKEN = 'preview-from-store-token';
const CSM_USER = 70_101;

/** The preview over a demo portal and an in-memory store: the home and the app pages read the store, HubSpot only for the cached owners. */
describe('the preview answers from the store', () => {
  let sandbox: RunningSandbox;
  let gateway: HubSpotGateway;
  let store: Store;
  let server: Server;
  let base: string;
  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`, { redirect: 'manual' });
    return { status: response.status, html: await response.text() };
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, token: TOKEN, seed: (sink) => void generateDemoPortal({ companies: 40, seed: 3, asOf: AS_OF }, sink) });
    gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 10_000, searchPerSecond: 100 } });
    store = await openStore({ memory: true });
    const deps: CardDependencies = { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => AS_OF, portalContext: cachedPortalContext(gateway) };
    server = await new Promise<Server>((resolve) => {
      const s = express().use(previewRoutes(deps, store)).listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
    await gateway?.close();
    await sandbox?.close();
  });

  it('says no sync has run yet while the store holds no company, on the home and the app pages', async () => {
    for (const path of ['/', `/pages?userId=${CSM_USER}`]) {
      const { status, html } = await get(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      expect(html).toContain('No sync has run yet: run `cs-health sync`');
    }
    expect(NO_SYNC_YET).toContain('cs-health sync');
  });

  it('shows the recorded companies without a HubSpot call once the owners are cached', async () => {
    expect(await recordPortalCompanies(gateway, await readPortalContext(gateway), DEFAULT_ENGINE_CONFIG.mapping, store, AS_OF)).toBe(40);
    await get('/');
    const before = gateway.totalCalls();
    const home = await get('/');
    const book = await get(`/pages?userId=${CSM_USER}`);
    expect(gateway.totalCalls() - before).toBe(0);
    expect(home.html).toMatch(/Portfolio: \d+ companies/);
    expect(book.status).toBe(200);
    expect(book.html).toMatch(/Your book: \d+ companies, 1 owner/);
  }, 60_000);
});
