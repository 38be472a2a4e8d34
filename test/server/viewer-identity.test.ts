import { signedClient } from './signed-client';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { wireBackend } from '../../src/app/backend-handlers';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, ensureCsProperties } from '../../src/hubspot';
import { createLogger } from '../../src/logging/logger';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { signRequest } from '../../src/server/hubspot-signature-v3';
import { seedPortal, withPortal } from '../hubspot/hubspot-test-portal';
import { reportCases } from './reliability-report';

const SECRET = 'identity-test-secret-51c2';
const PUBLIC = 'https://cs-health.example.com';
const PORTAL = 42;
/** Owners of the test portal: Ana (501, user 9001, CS team) and Bo (502, user 9002, Sales team). */
const ANA = 'userId=9001&userEmail=ana%40example.com';
const BO = 'userId=9002&userEmail=bo%40example.com';

type Call = (path: string, body: unknown) => Promise<{ status: number; json: any; text: string }>;

async function withBackend(run: (call: Call, store: any, clock: { advance(ms: number): void }) => Promise<void>) {
  await withPortal({ seed: seedPortal({ companies: 4, contactsPerCompany: 1, dealsPerCompany: 2, ticketsPerCompany: 1, bigCompanyContacts: 0 }) }, async (gateway, sandbox) => {
    await ensureCsProperties(gateway);
    // Bo owns the first deal: the Retention target card shows his early-churn record.
    sandbox.store.updateObject('deals', '200001', { hubspot_owner_id: '502' });
    const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
    let at = Date.now();
    const wiring = wireBackend(gateway, DEFAULT_ENGINE_CONFIG, logger, { now: () => new Date(at) });
    const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wiring.handlers, logger, portalId: PORTAL });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const signed = signedClient(server, SECRET, PUBLIC);
    const call: Call = (path, body) => signed('POST', path, body);
    try {
      await run(call, sandbox.store, { advance: (ms) => (at += ms) });
    } finally {
      await closeGracefully(server);
    }
  });
}

/** Every answer that refuses a viewer: 401/403, one line, no figure of any card. */
function expectRefused(answer: { status: number; json: any; text: string }, status: 401 | 403) {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({ status: 'error', code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', category: expect.any(String), message: expect.stringMatching(/^[^\n]+$/), correlationId: expect.any(String) });
  expect(answer.json.view).toBeUndefined();
  expect(answer.text).not.toMatch(/score|attainment|earlyChurn|wonCustomers/i);
}

describe('the viewer of a card comes only from the userId, userEmail and portalId HubSpot signs', () => {
  it('serves each card to an owner named consistently by userId and userEmail', async () => {
    await withBackend(async (call) => {
      expect((await call(`/hubspot/cards/customer-health?${ANA}&portalId=${PORTAL}`, { recordId: '1' })).status).toBe(200);
      expect((await call(`/hubspot/cards/my-objectives?${ANA}&portalId=${PORTAL}`, { recordId: '1' })).json.view.viewer.name).toBe('Ana Csm');
      const deal = await call(`/hubspot/cards/retention-target?${BO}&portalId=${PORTAL}`, { recordId: '200001' });
      expect(deal.status).toBe(200);
      expect(deal.json.view.rep).toMatchObject({ ownerId: '502', name: 'Bo Rep', wonCustomers: expect.any(Number) });
    });
  });

  it('refuses every other way to name a viewer with 401/403 and no figures', async () => {
    await withBackend(async (call) => {
      const cases: [string, string, unknown, 401 | 403][] = [
        ['no viewer at all', `portalId=${PORTAL}`, { recordId: '1' }, 401],
        ['no portal', ANA, { recordId: '1' }, 401],
        ['userId alone', `userId=9001&portalId=${PORTAL}`, { recordId: '1' }, 401],
        ['userEmail alone', `userEmail=ana%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 401],
        ['another portal', `${ANA}&portalId=7`, { recordId: '1' }, 403],
        ["Ana's id with Bo's email", `userId=9001&userEmail=bo%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ["Bo's id with Ana's email", `userId=9002&userEmail=ana%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ['a user who is not an owner', `userId=9999&userEmail=eve%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ['an owner id with a stranger email', `userId=9001&userEmail=eve%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ['userId twice', `userId=9002&${ANA}&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ['userEmail twice', `${ANA}&userEmail=bo%40example.com&portalId=${PORTAL}`, { recordId: '1' }, 403],
        ['portalId twice', `${ANA}&portalId=${PORTAL}&portalId=7`, { recordId: '1' }, 403],
        ['userId in the body', `portalId=${PORTAL}`, { recordId: '1', userId: 9001 }, 403],
        ['userId in the body of a signed viewer', `${ANA}&portalId=${PORTAL}`, { recordId: '1', userId: 9002 }, 403],
        ['userEmail in the body', `${ANA}&portalId=${PORTAL}`, { recordId: '1', userEmail: 'bo@example.com' }, 403],
        ['ownerId in the body', `${ANA}&portalId=${PORTAL}`, { recordId: '1', ownerId: '502' }, 403],
        ['a viewer object in the body', `${ANA}&portalId=${PORTAL}`, { recordId: '1', viewer: { userId: 9002 } }, 403],
        ['a user object in the body', `${ANA}&portalId=${PORTAL}`, { recordId: '1', user: { id: 9002, email: 'bo@example.com' } }, 403],
      ];
      let refused = 0;
      for (const card of ['customer-health', 'my-objectives', 'retention-target']) {
        for (const [name, query, body, status] of cases) {
          const recordBody = card === 'retention-target' ? { ...(body as object), recordId: '200001' } : body;
          const answer = await call(`/hubspot/cards/${card}?${query}`, recordBody);
          try {
            expectRefused(answer, status);
          } catch (error) {
            throw new Error(`${card}, ${name}: ${answer.status} ${answer.text}\n${String(error)}`);
          }
          refused += 1;
        }
      }
      reportCases('card viewers: none, another portal, mismatched id and email, duplicates, viewer named in the body, not an owner', { cases: refused, outcome: 'every one 401/403, one line, no figures' });
    });
  });

  it("shows a rep's early-churn record to the rep, never to a peer", async () => {
    await withBackend(async (call) => {
      expectRefused(await call(`/hubspot/cards/retention-target?${ANA}&portalId=${PORTAL}`, { recordId: '200001' }), 403);
      expect((await call(`/hubspot/cards/retention-target?${BO}&portalId=${PORTAL}`, { recordId: '200001' })).status).toBe(200);
    });
  });

  it("lets a manager see a team member's objectives but not a peer see another's", async () => {
    await withBackend(async (call) => {
      const asked = await call(`/hubspot/cards/my-objectives?${ANA}&portalId=${PORTAL}`, { recordId: '1', subjectOwnerId: '502' });
      expect(asked.status).toBe(403);
      expect(asked.text).not.toMatch(/attainment/);
    });
  });

  it("records the checked viewer as an override's author, whatever the body says", async () => {
    await withBackend(async (call, store) => {
      const override = { score: 90, reason: 'renewal signed', expiresAt: '2099-01-01' };
      const answer = await call(`/hubspot/cards/customer-health?${ANA}&portalId=${PORTAL}`, { recordId: '2', action: 'override', override });
      expect(answer.status).toBe(200);
      expect(store.getObject('companies', '2').properties.cs_health_override_author).toBe('ana@example.com');
    });
  });

  it('finds an owner added after the owners were cached, with one fresh read at most once a minute', async () => {
    await withBackend(async (call, store, clock) => {
      const cara = `userId=9003&userEmail=cara%40example.com&portalId=${PORTAL}`;
      expectRefused(await call(`/hubspot/cards/customer-health?${cara}`, { recordId: '1' }), 403);
      store.owner({ id: '503', email: 'cara@example.com', firstName: 'Cara', lastName: 'New', userId: 9003, teams: [{ id: 't1', name: 'CS', primary: true }] });
      expectRefused(await call(`/hubspot/cards/customer-health?${cara}`, { recordId: '1' }), 403);
      clock.advance(61_000);
      expect((await call(`/hubspot/cards/customer-health?${cara}`, { recordId: '1' })).status).toBe(200);
      expect((await call(`/hubspot/cards/customer-health?${cara}`, { recordId: '2' })).status).toBe(200);
    });
  });

  it('answers 503, not 500, when the owners cannot be read from HubSpot to check the viewer', async () => {
    await withPortal({ seed: seedPortal({ companies: 1, contactsPerCompany: 0, dealsPerCompany: 0, ticketsPerCompany: 0, bigCompanyContacts: 0 }) }, async (_gateway, sandbox) => {
      const refused = createHubSpotGateway({ basePath: sandbox.url, accessToken: 'a-token-HubSpot-refuses' });
      const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
      const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wireBackend(refused, DEFAULT_ENGINE_CONFIG, logger).handlers, logger, portalId: PORTAL });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const path = `/hubspot/cards/my-objectives?${ANA}&portalId=${PORTAL}`;
        const raw = JSON.stringify({ recordId: '1' });
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC}${path}`, body: raw }) }, body: raw });
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('60');
        expect(await response.json()).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('owners could not be read') });
      } finally {
        await closeGracefully(server);
        await refused.close();
      }
    });
  });
});
