import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { cachedPortalContext, type CardDependencies } from '../../src/app/card-dependencies';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, type HubSpotGateway } from '../../src/hubspot';
import { previewRoutes } from '../../src/preview/preview-routes';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the preview when HubSpot cannot be reached', () => {
  let gateway: HubSpotGateway;
  let store: Store;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // The real api-client against a dead address, one attempt so the test does not wait on retries.
    gateway = createHubSpotGateway({ basePath: `http://127.0.0.1:${await closedPort()}`, accessToken: 'preview-test', retry: { maxAttempts: 1 } });
    const deps: CardDependencies = { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => new Date('2026-11-22T12:00:00Z'), portalContext: cachedPortalContext(gateway) };
    store = await openStore({ memory: true });
    const app = express().use(previewRoutes(deps, store));
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await gateway?.close();
    await store?.close();
  });

  it.each(['/pages/retention?userId=70100', '/'])('%s answers 503 with a sentence a person can read, no stack trace', async (path) => {
    const response = await fetch(`${base}${path}`);
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(html).toContain('HubSpot could not be reached: try again in a moment.');
    expect(html).not.toMatch(/\bat \S+ \(|Error:|node_modules/);
  });

  it('an app page keeps its title and navigation around the error state', async () => {
    const html = await (await fetch(`${base}/pages/retention?userId=70100`)).text();
    expect(html).toContain('<h1 class="page-title">Net and gross revenue retention</h1>');
    expect(html).toContain('class="error-state"');
  });
});
