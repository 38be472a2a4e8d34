import { signatureV2, signRequestV2, verifySignatureV2 } from '../../src/server/hubspot-signature-v2';
import { PORTAL, PUBLIC_BASE, SECRET, startBackend, type RunningBackend } from './backend-harness';

// HubSpot's own worked examples for v2 ("Validating requests", v2 section).
const DOC_SECRET = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';

describe('X-HubSpot-Signature v2 (documented for custom workflow action requests)', () => {
  it("matches HubSpot's published examples", () => {
    expect(signatureV2(DOC_SECRET, 'GET', 'https://www.example.com/webhook_uri', '')).toBe('eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e');
    expect(signatureV2(DOC_SECRET, 'POST', 'https://www.example.com/webhook_uri', '{"example_field":"example_value"}')).toBe('9569219f8ba981ffa6f6f16aa0f48637d35d728c7e4d93d0d52efaa512af7900');
  });

  it('refuses a v2 signature of another body, URL, secret or version', () => {
    const good = { method: 'POST', url: 'https://www.example.com/webhook_uri', body: '{"a":1}' };
    const signature = signatureV2(DOC_SECRET, good.method, good.url, good.body);
    expect(verifySignatureV2(DOC_SECRET, { ...good, signature, version: 'v2' })).toEqual({ valid: true });
    expect(verifySignatureV2(DOC_SECRET, { ...good, body: '{"a":2}', signature, version: 'v2' })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignatureV2(DOC_SECRET, { ...good, url: 'https://www.example.com/other', signature, version: 'v2' })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignatureV2('another-secret', { ...good, signature, version: 'v2' })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignatureV2(DOC_SECRET, { ...good, signature, version: 'v1' })).toEqual({ valid: false, reason: 'missing' });
  });
});

describe('which signature each route takes', () => {
  let backend: RunningBackend;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend.close());

  const workflowBody = JSON.stringify({ callbackId: 'cb', origin: { portalId: PORTAL }, object: { objectId: 101, objectType: 'COMPANY' } });
  const v2 = (path: string, body: string) => signRequestV2({ secret: SECRET, method: 'POST', url: `${PUBLIC_BASE}${path}`, body });

  it('runs a workflow action signed with v2 only', async () => {
    const path = '/hubspot/workflow-actions/recompute-health';
    const answer = await backend.call(path, undefined, { raw: workflowBody, sign: false, headers: v2(path, workflowBody) });
    expect(answer.status).toBe(200);
    expect(answer.json.outputFields.hs_execution_state).toBe('SUCCESS');
  });

  it('refuses a workflow action whose v3 signature is wrong even when its v2 signature holds', async () => {
    const path = '/hubspot/workflow-actions/recompute-health';
    const answer = await backend.call(path, undefined, { raw: workflowBody, signWith: { secret: 'wrong' }, headers: v2(path, workflowBody) });
    expect(answer.status).toBe(401);
  });

  it('takes only v3 on webhooks and cards, where HubSpot sends v3', async () => {
    const events = JSON.stringify([{ eventId: 1, subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: 101, portalId: PORTAL }]);
    expect((await backend.call('/hubspot/webhooks', undefined, { raw: events, sign: false, headers: v2('/hubspot/webhooks', events) })).status).toBe(401);
    const card = `/hubspot/cards/customer-health?userId=7&userEmail=ana%40example.com&portalId=${PORTAL}`;
    const body = JSON.stringify({ recordId: '101' });
    expect((await backend.call(card, undefined, { raw: body, sign: false, headers: v2(card, body) })).status).toBe(401);
    expect(backend.calls.filter((c) => c.kind !== 'recompute')).toHaveLength(0);
  });
});
