import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { wireBackend } from '../../src/app/backend-handlers';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, ensureCsProperties } from '../../src/hubspot';
import { UNLINKED_ANSWER_WARNING } from '../../src/hubspot/feedback-companies';
import { createLogger } from '../../src/logging/logger';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { signRequest } from '../../src/server/hubspot-signature-v3';
import { TOKEN, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';

const SECRET = 'test-client-secret-9f8e7d';
const PUBLIC = 'https://cs-health.example.com';

/** Runs a backend wired to a real sandbox portal, with its log lines captured. */
async function withBackend(run: (ctx: { call: (path: string, body: unknown, options?: { sign?: boolean; raw?: string; headers?: Record<string, string> }) => Promise<{ status: number; json: any }>; logs: string[]; wiring: ReturnType<typeof wireBackend>; store: any }) => Promise<void>) {
  await withPortal({ seed: seedPortal({ companies: 30, contactsPerCompany: 2, dealsPerCompany: 2, ticketsPerCompany: 2, bigCompanyContacts: 0 }) }, async (gateway, sandbox) => {
    await ensureCsProperties(gateway);
    const logs: string[] = [];
    const logger = createLogger({ destination: new Writable({ write: (chunk, _e, done) => { logs.push(String(chunk)); done(); } }) });
    const wiring = wireBackend(gateway, DEFAULT_ENGINE_CONFIG, logger, { debounceMs: 50, maxWaitMs: 200 });
    const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wiring.handlers, coalescer: wiring.coalescer, logger, cards: ['customer-health'], portalId: 42 });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const call = async (path: string, body: unknown, options: { sign?: boolean; raw?: string; headers?: Record<string, string> } = {}) => {
      const raw = options.raw ?? JSON.stringify(body);
      const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
      if (options.sign !== false) Object.assign(headers, signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC}${path}`, body: raw }));
      const response = await fetch(`${base}${path}`, { method: 'POST', headers, body: raw });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    };
    try {
      await run({ call, logs, wiring, store: sandbox.store });
    } finally {
      await closeGracefully(server);
    }
  });
}

describe('the express backend wired to the data layer over the sandbox', () => {
  it('runs the workflow action: recomputes the company and answers the fields workflows branch on', async () => {
    await withBackend(async ({ call, store }) => {
      const answer = await call('/hubspot/workflow-actions/recompute-health', { callbackId: 'cb-1', origin: { portalId: 42 }, object: { objectId: 7, objectType: 'COMPANY' }, inputFields: {} });
      expect(answer.status).toBe(200);
      expect(answer.json.outputFields).toEqual({ score: expect.any(Number), band: expect.stringMatching(/^(healthy|neutral|at_risk)$/), churn_risk: expect.stringMatching(/^(low|medium|high)$/), hs_execution_state: 'SUCCESS' });
      expect(store.getObject('companies', '7').properties.cs_health_score).toBe(String(answer.json.outputFields.score));
      expect((await call('/hubspot/workflow-actions/recompute-health', { callbackId: 'cb-2', origin: { portalId: 42 }, object: { objectId: 999999, objectType: 'COMPANY' } })).status).toBe(404);
    });
  });

  it('serves a card through hubspot.fetch with the viewer taken from the request context', async () => {
    await withBackend(async ({ call }) => {
      const answer = await call('/hubspot/cards/customer-health?userId=9001&userEmail=ana%40example.com&portalId=42', { recordId: '3' });
      expect(answer.status).toBe(200);
      expect(answer.json.status).toBe('ok');
      expect(answer.json.view.companyName).toBe('Company 3');
      const ana = 'userId=9001&userEmail=ana%40example.com&portalId=42';
      const missing = await call(`/hubspot/cards/customer-health?${ana}`, {});
      expect(missing).toMatchObject({ status: 400, json: { status: 'error', code: 'BAD_REQUEST', message: 'invalid card request: recordId is required (the HubSpot record id)' } });
      expect((await call(`/hubspot/cards/customer-health?${ana}`, { recordId: 'abc' })).json.message).toBe('invalid card request: recordId must be a numeric HubSpot record id');
      // Fields only the card knows are still checked by the card's own handler.
      expect((await call(`/hubspot/cards/customer-health?${ana}`, { recordId: '3', action: 'explode' })).status).toBe(400);
    });
  });

  it('answers 401 to missing, wrong or stale signatures, 400 to malformed JSON, 413 to huge bodies, 403 to other portals', async () => {
    await withBackend(async ({ call }) => {
      expect((await call('/hubspot/webhooks', [], { sign: false })).status).toBe(401);
      const wrong = await call('/hubspot/webhooks', [], { headers: { 'x-hubspot-signature-v3': 'bm9wZQ==', 'x-hubspot-request-timestamp': String(Date.now()) }, sign: false });
      expect(wrong.json).toMatchObject({ status: 'error', code: 'UNAUTHORIZED', message: 'the request signature does not match' });
      expect((await call('/hubspot/webhooks', [], { sign: false, headers: { 'x-hubspot-request-timestamp': String(Date.now() - 600_000), 'x-hubspot-signature-v3': 'x' } })).json.message).toMatch(/older than 5 minutes/);
      const malformed = await call('/hubspot/webhooks', undefined, { raw: '[{"eventId":' });
      expect(malformed).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST', message: 'the body is not valid JSON' } });
      expect((await call('/hubspot/webhooks', undefined, { raw: JSON.stringify({ padding: 'x'.repeat(1_100_000) }) })).status).toBe(413);
      expect((await call('/hubspot/cards/customer-health?portalId=7', { recordId: '3' })).status).toBe(403);
    });
  });

  it('coalesces a burst of webhook events into one recompute per company', async () => {
    await withBackend(async ({ call, wiring, store }) => {
      const events = Array.from({ length: 1000 }, (_, i) => ({ eventId: i + 1, subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: 200001, portalId: 42, propertyName: 'amount', occurredAt: Date.now() }));
      expect((await call('/hubspot/webhooks', events)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      await wiring.coalescer.flush();
      expect(wiring.coalescer.stats).toMatchObject({ eventsReceived: 1000, recomputes: 1, companiesRecomputed: 1 });
      expect(store.getObject('companies', '1').properties.cs_health_score).toMatch(/^\d+$/);
    });
  });

  it('recomputes the company of a new survey answer without a queue too, counting an answer of nobody', async () => {
    await withBackend(async ({ call, wiring, store }) => {
      // Contact 100013 is company 7's first contact (two a company); the second answer names nobody.
      const answered = store.createObject('feedback_submissions', { hs_survey_type: 'NPS', hs_value: '1' });
      store.associateExisting('contacts', '100013', 'feedback_submissions', answered.id);
      const nobodys = store.createObject('feedback_submissions', { hs_survey_type: 'NPS', hs_value: '0' });
      const events = [answered, nobodys].map((answer, i) => ({ eventId: i + 1, subscriptionType: 'object.creation', objectTypeId: '0-19', objectId: Number(answer.id), portalId: 42, occurredAt: Date.now() }));
      expect((await call('/hubspot/webhooks', events)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      await wiring.coalescer.flush();
      expect(wiring.coalescer.stats).toMatchObject({ eventsReceived: 2, companiesRecomputed: 1 });
      expect(store.getObject('companies', '7').properties.cs_health_score).toMatch(/^\d+$/);
      expect(store.getObject('companies', '8').properties.cs_health_score).toBeUndefined();
      expect(wiring.coalescer.failedCompanies).toEqual([]);
      expect(wiring.deps.gateway.warnings.get(UNLINKED_ANSWER_WARNING)).toBe(1);
    });
  });

  it('keeps tokens and signatures out of its logs', async () => {
    await withBackend(async ({ call, logs }) => {
      await call('/hubspot/webhooks', [], { sign: false, headers: { authorization: 'Bearer pat-na1-11111111-2222-3333-4444-555555555555' } });
      await call('/hubspot/cards/customer-health?portalId=42', { recordId: 'x' });
      const written = logs.join('');
      expect(written).toContain('UNAUTHORIZED');
      expect(written).not.toContain('pat-na1-11111111');
      expect(written).not.toContain(SECRET);
      expect(written).not.toContain(TOKEN);
    });
  });

  it('answers every hostile card body with a 4xx and no stack trace (property)', async () => {
    await withBackend(async ({ call }) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.record({ recordId: fc.oneof(fc.string(), fc.integer(), fc.constant("1; DROP TABLE companies"), fc.constant('<script>')) })), async (body) => {
          const answer = await call('/hubspot/cards/customer-health?portalId=42', body);
          expect(answer.status === 200 || (answer.status >= 400 && answer.status < 500)).toBe(true);
          expect(JSON.stringify(answer.json)).not.toMatch(/at .*\(.*\.ts:\d+/);
        }),
        { numRuns: 60 },
      );
    });
  });

  it('answers a refused token and a refused write in the workflow history, never as a success or a 500', async () => {
    await withPortal({ seed: seedPortal({ companies: 2, contactsPerCompany: 1, dealsPerCompany: 1, ticketsPerCompany: 0, bigCompanyContacts: 0 }) }, async (gateway, sandbox) => {
      const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
      const run = async (handlersGateway: typeof gateway) => {
        const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wireBackend(handlersGateway, DEFAULT_ENGINE_CONFIG, logger).handlers, logger, portalId: 42 });
        const server = app.listen(0, '127.0.0.1');
        await new Promise((r) => server.once('listening', r));
        try {
          const path = '/hubspot/workflow-actions/recompute-health';
          const raw = JSON.stringify({ callbackId: 'cb', origin: { portalId: 42 }, object: { objectId: 1, objectType: 'COMPANY' } });
          const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC}${path}`, body: raw }) }, body: raw });
          return { status: response.status, json: (await response.json()) as any };
        } finally {
          await closeGracefully(server);
        }
      };
      const refusedToken = createHubSpotGateway({ basePath: sandbox.url, accessToken: 'not-the-portal-token' });
      try {
        expect(await run(refusedToken)).toEqual({ status: 200, json: { outputFields: { hs_execution_state: 'FAIL_CONTINUE', error: "HubSpot refused cs-health's access token: ask an admin to check the app token" } } });
      } finally {
        await refusedToken.close();
      }
      // Setup never ran on this portal: HubSpot refuses writes to cs_ properties it does not have.
      const refusedWrite = await run(gateway);
      expect(refusedWrite.status).toBe(200);
      expect(refusedWrite.json.outputFields).toEqual({ hs_execution_state: 'FAIL_CONTINUE', error: expect.stringContaining('HubSpot refused the write of company 1') });
    });
  });

  it('retries a company whose write HubSpot refuses after a webhook, then lists it on /healthz', async () => {
    await withPortal({ seed: seedPortal({ companies: 2, contactsPerCompany: 1, dealsPerCompany: 1, ticketsPerCompany: 0, bigCompanyContacts: 0 }) }, async (gateway) => {
      const logs: string[] = [];
      const logger = createLogger({ destination: new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) }) });
      // Setup never ran: every write of a cs_ property is refused.
      const wiring = wireBackend(gateway, DEFAULT_ENGINE_CONFIG, logger, { debounceMs: 1, maxWaitMs: 5, maxAttempts: 2 });
      wiring.coalescer.add([{ eventId: '1', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: '2' }]);
      for (let i = 0; i < 2; i += 1) await wiring.coalescer.flush();
      expect(wiring.coalescer.pending).toBe(0);
      expect(wiring.coalescer.failedCompanies).toEqual([{ id: '2', message: expect.any(String), attempts: 2 }]);
      expect(logs.join('')).toContain("HubSpot kept refusing this company's write");
      const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, handlers: wiring.handlers, coalescer: wiring.coalescer, logger });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      try {
        const health = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
        expect(await health.json()).toEqual({ status: 'ok', pendingChanges: 0, failedCompanies: 1 });
      } finally {
        await closeGracefully(server);
      }
    });
  });
});
