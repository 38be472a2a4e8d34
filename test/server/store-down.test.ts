import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { wireBackend } from '../../src/app/backend-handlers';
import { engineStateFrom } from '../../src/app/engine-state';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createLogger } from '../../src/logging/logger';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { signRequest } from '../../src/server/hubspot-signature-v3';
import { openStore } from '../../src/store/open-store';
import { seedPortal, withPortal } from '../hubspot/hubspot-test-portal';

const SECRET = 'store-down-secret';
const PUBLIC = 'https://cs-health.example.com';

describe('a backend whose database is down', () => {
  it('answers a card 503 with Retry-After and no figures, instead of computing with settings it cannot read', async () => {
    await withPortal({ seed: seedPortal({ companies: 2, contactsPerCompany: 1, dealsPerCompany: 1, ticketsPerCompany: 1, bigCompanyContacts: 0 }) }, async (gateway) => {
      const store = await openStore({ memory: true });
      const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
      const wiring = wireBackend(gateway, DEFAULT_ENGINE_CONFIG, logger, { engineState: engineStateFrom(store) });
      const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wiring.handlers, logger });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const path = '/hubspot/cards/customer-health?userId=9001&userEmail=ana%40example.com&portalId=42';
      const call = async () => {
        const raw = JSON.stringify({ recordId: '1' });
        const headers = { 'content-type': 'application/json', ...signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC}${path}`, body: raw }) };
        return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { method: 'POST', headers, body: raw });
      };
      try {
        expect((await call()).status).toBe(200);
        await store.close();
        const down = await call();
        expect(down.status).toBe(503);
        expect(down.headers.get('retry-after')).toMatch(/^\d+$/);
        const body = (await down.json()) as Record<string, unknown>;
        expect(body).toMatchObject({ status: 'error', code: 'UNAVAILABLE' });
        expect(body.view).toBeUndefined();
      } finally {
        await closeGracefully(server);
      }
    });
  });
});
