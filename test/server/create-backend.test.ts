import { PORTAL, PUBLIC_BASE, SECRET, startBackend, type RunningBackend } from './backend-harness';

let backend: RunningBackend;
beforeEach(async () => {
  backend = await startBackend();
});
afterEach(() => backend.close());

const cardPath = (query = `userId=7&userEmail=ana%40example.com&portalId=${PORTAL}&appId=99`) => `/hubspot/cards/customer-health?${query}`;
const workflowBody = (overrides: Record<string, unknown> = {}) => ({
  callbackId: 'ap-424242-1-7-0',
  origin: { portalId: PORTAL, actionDefinitionId: 11, actionDefinitionVersion: 1 },
  context: { source: 'WORKFLOWS', workflowId: 5 },
  object: { objectId: 101, objectType: 'COMPANY' },
  inputFields: {},
  ...overrides,
});

describe('the backend shell', () => {
  it('serves a card with the caller taken from the signed query string, not from the body', async () => {
    const answer = await backend.call(cardPath(), { recordId: '101' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'ok', view: { card: 'customer-health', recordId: '101', score: 82, viewer: 7 } });
    expect(backend.calls.find((c) => c.kind === 'card')?.args[2]).toEqual({ userId: 7, email: 'ana@example.com', portalId: PORTAL, appId: 99, ownerId: '501' });
  });

  it("answers a handler's card error with its HTTP status and a correlation id", async () => {
    const missing = await backend.call(cardPath(), { recordId: 555 });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ status: 'error', code: 'NOT_FOUND', category: 'NOT_FOUND', message: 'company 555 was not found', correlationId: expect.any(String) });
    const anonymous = await backend.call(cardPath(`portalId=${PORTAL}`), { recordId: 101 });
    expect(anonymous.status).toBe(401);
  });

  it('runs the workflow action and answers the output fields workflows branch on', async () => {
    const answer = await backend.call('/hubspot/workflow-actions/recompute-health', workflowBody());
    expect(answer).toMatchObject({ status: 200, json: { outputFields: { score: 82, band: 'healthy', churn_risk: 'low' } } });
    const unknown = await backend.call('/hubspot/workflow-actions/recompute-health', workflowBody({ object: { objectId: '999', objectType: 'COMPANY' } }));
    expect(unknown.status).toBe(404);
    expect(unknown.json.message).toBe('company 999 was not found');
  });

  it('refuses a workflow action on a deal, naming the field', async () => {
    const answer = await backend.call('/hubspot/workflow-actions/recompute-health', workflowBody({ object: { objectId: 101, objectType: 'DEAL' } }));
    expect(answer.status).toBe(400);
    expect(answer.json.message).toMatch(/^object\.objectType/);
    expect(backend.calls).toHaveLength(0);
  });

  it('names the missing or wrong field of a workflow action request', async () => {
    const { callbackId: _omitted, ...withoutCallback } = workflowBody();
    const missing = await backend.call('/hubspot/workflow-actions/recompute-health', withoutCallback);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ status: 'error', code: 'BAD_REQUEST', category: 'BAD_REQUEST', message: expect.stringContaining('callbackId is required') });
    const wrongId = await backend.call('/hubspot/workflow-actions/recompute-health', workflowBody({ object: { objectId: 'abc', objectType: 'COMPANY' } }));
    expect(wrongId.json.issues).toEqual(['object.objectId must be a numeric HubSpot id']);
  });

  it('acknowledges a webhook batch at once and recomputes in the background', async () => {
    const events = [
      { eventId: 1, subscriptionId: 3, portalId: PORTAL, appId: 9, occurredAt: 1, subscriptionType: 'object.propertyChange', attemptNumber: 0, objectId: 101, objectTypeId: '0-2', propertyName: 'notes_last_contacted', propertyValue: '1', changeSource: 'CRM_UI' },
      { eventId: 2, portalId: PORTAL, subscriptionType: 'object.associationChange', fromObjectId: 5, toObjectId: 102, fromObjectTypeId: '0-1', toObjectTypeId: '0-2', associationRemoved: true },
    ];
    const answer = await backend.call('/hubspot/webhooks', events);
    expect(answer).toMatchObject({ status: 200, json: { status: 'ok', accepted: 2 } });
    await backend.coalescer.flush();
    expect(backend.recomputed.flat().sort()).toEqual(['101', '102', '95']);
  });

  it('answers 401 with the HubSpot error envelope to a missing, wrong or stale signature, before reading the JSON', async () => {
    const unsigned = await backend.call('/hubspot/webhooks', [], { sign: false });
    expect(unsigned.status).toBe(401);
    expect(unsigned.json).toEqual({ status: 'error', code: 'UNAUTHORIZED', category: 'UNAUTHORIZED', message: expect.stringContaining('not signed by HubSpot'), correlationId: expect.any(String) });
    expect((await backend.call('/hubspot/webhooks', [], { signWith: { secret: 'not-the-secret' } })).json.message).toBe('the request signature does not match');
    expect((await backend.call('/hubspot/webhooks', [], { signWith: { now: Date.now() - 5 * 60_000 - 1_000 } })).json.message).toMatch(/older than 5 minutes/);
    // Malformed JSON from someone without the secret is refused as unsigned, not parsed.
    expect((await backend.call('/hubspot/webhooks', undefined, { raw: '{oops', sign: false })).status).toBe(401);
  });

  it('checks the signature against the public URL, not the Host header seen behind a proxy', async () => {
    const signedForInternalHost = await backend.call('/hubspot/webhooks', [], { signWith: { url: `${backend.base}/hubspot/webhooks` } });
    expect(signedForInternalHost.status).toBe(401);
    const behindPrefix = await startBackend({ publicBaseUrl: `${PUBLIC_BASE}/api/` });
    try {
      expect((await behindPrefix.call('/hubspot/webhooks', [], { signWith: { url: `${PUBLIC_BASE}/api/hubspot/webhooks` } })).status).toBe(200);
    } finally {
      await behindPrefix.close();
    }
  });

  it('answers 403 to requests naming another portal, without calling a handler', async () => {
    expect((await backend.call(cardPath('userId=7&portalId=1'), { recordId: 101 })).status).toBe(403);
    expect((await backend.call('/hubspot/workflow-actions/recompute-health', workflowBody({ origin: { portalId: 1 } }))).status).toBe(403);
    const webhook = await backend.call('/hubspot/webhooks', [{ eventId: 1, subscriptionType: 'object.creation', objectTypeId: '0-3', objectId: 1, portalId: 1 }]);
    expect(webhook.json).toMatchObject({ code: 'FORBIDDEN', message: 'this backend serves another HubSpot portal' });
    expect(backend.calls).toHaveLength(0);
    expect(backend.coalescer.stats.eventsReceived).toBe(0);
  });

  it('answers 413 to a body over the limit, 404 to unknown routes and cards, and serves /healthz unsigned', async () => {
    const small = await startBackend({ bodyLimit: '1kb' });
    try {
      const huge = await small.call('/hubspot/webhooks', undefined, { raw: JSON.stringify([{ eventId: 1, subscriptionType: 'x'.repeat(2_000) }]) });
      expect(huge).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than 1kb' } });
    } finally {
      await small.close();
    }
    expect((await backend.call('/hubspot/nothing-here', {})).json).toMatchObject({ status: 'error', code: 'NOT_FOUND', message: 'no such route' });
    expect((await backend.call('/hubspot/cards/retention-target?userId=7', { recordId: 101 })).status).toBe(404);
    expect((await backend.call('/healthz', undefined, { method: 'GET', sign: false })).json).toEqual({ status: 'ok', pendingChanges: 0, failedCompanies: 0 });
  });

  it('answers 500 with a correlation id and no stack when a handler throws, and logs the failure under that id', async () => {
    const failing = await startBackend({
      handlers: {
        identify: async () => ({ ok: true, ownerId: '501' }),
        card: async () => {
          throw new Error(`database exploded with ${SECRET}`);
        },
        recomputeHealth: async () => ({ status: 'not_found' }),
      },
    });
    try {
      const answer = await failing.call(cardPath(), { recordId: 101 });
      expect(answer.status).toBe(500);
      expect(answer.json).toEqual({ status: 'error', code: 'INTERNAL', category: 'INTERNAL', message: 'the request failed on our side; it has been logged', correlationId: expect.any(String) });
      expect(answer.text).not.toMatch(/exploded|at .*\.ts|Error:/);
      const logged = failing.logs.join('');
      expect(logged).toContain(answer.json.correlationId);
      expect(logged).toContain('database exploded');
      expect(logged).not.toContain(SECRET);
    } finally {
      await failing.close();
    }
  });
});
