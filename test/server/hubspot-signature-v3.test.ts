import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { decodeUriForSignature, signRequest, signatureV3, verifySignatureV3 } from '../../src/server/hubspot-signature-v3';
import { PORTAL, PUBLIC_BASE, SECRET, startBackend, type RunningBackend } from './backend-harness';
import { reportCases } from './reliability-report';

const secret = 'client-secret-123';
const now = 1_790_000_000_000;
const url = 'https://cs.example.com/hubspot/webhooks?portalId=42';

/** HubSpot's recipe written out by hand, so the code under test is not checked against itself. */
const hubspotSigns = (key: string, method: string, uri: string, body: string, timestamp: string) =>
  createHmac('sha256', key).update(Buffer.from(method + uri + body + timestamp, 'utf8')).digest('base64');

const signed = (body: string, overrides: Partial<{ url: string; timestamp: string; secret: string; method: string }> = {}) => {
  const timestamp = overrides.timestamp ?? String(now - 1_000);
  return { method: overrides.method ?? 'POST', url: overrides.url ?? url, body, timestamp, signature: hubspotSigns(overrides.secret ?? secret, overrides.method ?? 'POST', overrides.url ?? url, body, timestamp) };
};

let generated = 0;
let fixed = 0;

describe('verifySignatureV3', () => {
  it('accepts a request HubSpot signed with the secret within five minutes', () => {
    fixed += 1;
    expect(verifySignatureV3(secret, signed('[{"eventId":1}]'), now)).toEqual({ valid: true });
  });

  it('refuses a tampered body, a wrong secret, a missing header, and a stale or future timestamp', () => {
    const request = signed('{"a":1}');
    const cases = [
      [{ ...request, body: '{"a":2}' }, 'mismatch'],
      [{ ...request, method: 'PUT' }, 'mismatch'],
      [{ ...request, url: url.replace('42', '43') }, 'mismatch'],
      [{ ...request, signature: request.signature.slice(0, -2) }, 'mismatch'],
      [{ ...request, signature: undefined }, 'missing'],
      [{ ...request, timestamp: undefined }, 'missing'],
      [signed('{}', { timestamp: String(now - 5 * 60_000 - 1) }), 'stale'],
      [signed('{}', { timestamp: String(now + 61_000) }), 'stale'],
      [signed('{}', { timestamp: 'yesterday' }), 'stale'],
      [signed('{}', { timestamp: '1e12' }), 'stale'],
    ] as const;
    for (const [candidate, reason] of cases) expect(verifySignatureV3(secret, candidate, now)).toEqual({ valid: false, reason });
    expect(verifySignatureV3('other-secret', request, now)).toEqual({ valid: false, reason: 'mismatch' });
    fixed += cases.length + 1;
  });

  it('accepts a timestamp exactly 5 minutes old and one a few seconds ahead of our clock', () => {
    expect(verifySignatureV3(secret, signed('{}', { timestamp: String(now - 5 * 60_000) }), now).valid).toBe(true);
    expect(verifySignatureV3(secret, signed('{}', { timestamp: String(now + 5_000) }), now).valid).toBe(true);
    fixed += 2;
  });

  it('decodes exactly the characters HubSpot decodes before signing, and leaves %20 and others encoded', () => {
    expect(decodeUriForSignature('https://x.example.com/a%3Ab%2Fc%3Fd%40e%21%24%27%28%29%2A%2C%3B%20f%3D%26%2B%25')).toBe("https://x.example.com/a:b/c?d@e!$'()*,;%20f%3D%26%2B%25");
    expect(decodeUriForSignature('/x?email=ana%40example.com&t=a%3ab')).toBe('/x?email=ana@example.com&t=a:b');
    const encoded = 'https://cs.example.com/hubspot/cards/customer-health?userEmail=ana%40example.com&q=a%20b%2Fc';
    const request = { ...signed('{}', { url: encoded }), signature: hubspotSigns(secret, 'POST', 'https://cs.example.com/hubspot/cards/customer-health?userEmail=ana@example.com&q=a%20b/c', '{}', String(now - 1_000)) };
    expect(verifySignatureV3(secret, request, now)).toEqual({ valid: true });
    fixed += 3;
  });

  it('signs non-ASCII bodies as UTF-8 bytes, whether read as text or as a buffer', () => {
    const body = '{"verbatim":"Très déçu — 服务 🙁"}';
    expect(verifySignatureV3(secret, signed(body), now)).toEqual({ valid: true });
    expect(verifySignatureV3(secret, { ...signed(body), body: Buffer.from(body, 'utf8') }, now)).toEqual({ valid: true });
    expect(verifySignatureV3(secret, { ...signed(body), body: body.normalize('NFD') }, now)).toEqual({ valid: false, reason: 'mismatch' });
    fixed += 3;
  });

  it('never accepts a body, URL or secret it was not signed for (property)', () => {
    const runs = 300;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), fc.webPath(), fc.string({ minLength: 1 }), (body, other, path, key) => {
        fc.pre(body !== other && key !== secret);
        const request = signed(body, { url: `https://cs.example.com${path}` });
        return verifySignatureV3(secret, request, now).valid && !verifySignatureV3(secret, { ...request, body: other }, now).valid && !verifySignatureV3(key, request, now).valid;
      }),
      { numRuns: runs },
    );
    generated += runs;
  });

  it('signRequest produces the headers HubSpot would send', () => {
    const headers = signRequest({ secret, method: 'post', url, body: '[]', now });
    expect(headers).toEqual({ 'x-hubspot-request-timestamp': String(now), 'x-hubspot-signature-v3': hubspotSigns(secret, 'POST', url, '[]', String(now)) });
    expect(signatureV3(secret, 'POST', url, '[]', String(now))).toBe(headers['x-hubspot-signature-v3']);
    fixed += 1;
  });
});

describe('signatures through the real backend', () => {
  let backend: RunningBackend;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(async () => {
    await backend.close();
    reportCases('v3 signatures: tampered body, wrong secret, stale/future/missing timestamp, URL-encoded URIs, non-ASCII bodies', { fixed, generated, outcome: 'every bad signature refused, every good one accepted' });
  });

  it('accepts a card request whose URL carries %40 and %20, signed over the decoded form HubSpot uses', async () => {
    const path = `/hubspot/cards/customer-health?userId=7&userEmail=ana%40example.com&portalId=${PORTAL}&note=a%20b%3Ac`;
    const body = JSON.stringify({ recordId: '101' });
    const timestamp = String(Date.now());
    const signature = hubspotSigns(SECRET, 'POST', `${PUBLIC_BASE}/hubspot/cards/customer-health?userId=7&userEmail=ana@example.com&portalId=${PORTAL}&note=a%20b:c`, body, timestamp);
    const answer = await fetch(`${backend.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp }, body });
    expect(answer.status).toBe(200);
    const decodedSpace = hubspotSigns(SECRET, 'POST', `${PUBLIC_BASE}/hubspot/cards/customer-health?userId=7&userEmail=ana@example.com&portalId=${PORTAL}&note=a b:c`, body, timestamp);
    const refused = await fetch(`${backend.base}${path}`, { method: 'POST', headers: { 'x-hubspot-signature-v3': decodedSpace, 'x-hubspot-request-timestamp': timestamp }, body });
    expect(refused.status).toBe(401);
    fixed += 2;
  });

  it('refuses a request whose signed query string was changed, so the caller identity cannot be forged', async () => {
    const signedPath = `/hubspot/cards/customer-health?userId=7&portalId=${PORTAL}`;
    const callsBefore = backend.calls.length;
    const answer = await backend.call(`/hubspot/cards/customer-health?userId=8&portalId=${PORTAL}`, { recordId: '101' }, { signWith: { url: `${PUBLIC_BASE}${signedPath}` } });
    expect(answer.status).toBe(401);
    expect(backend.calls).toHaveLength(callsBefore);
    fixed += 1;
  });

  it('reads an encoded path segment after the signature check: %2F in a card name is not a card', async () => {
    const answer = await backend.call(`/hubspot/cards/customer%2Fhealth?userId=7&portalId=${PORTAL}`, { recordId: '101' });
    expect(answer.status).toBe(404);
    fixed += 1;
  });

  it('verifies a non-ASCII body on the raw bytes, and refuses the same text re-encoded', async () => {
    const events = [{ eventId: 'é-1', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: 101, portalId: PORTAL, propertyValue: 'Très déçu — 服务 🙁' }];
    expect((await backend.call('/hubspot/webhooks', events)).status).toBe(200);
    const raw = JSON.stringify(events);
    const latin1 = await backend.call('/hubspot/webhooks', undefined, { raw: Buffer.from(raw, 'latin1'), signWith: { body: raw } });
    expect(latin1.status).toBe(401);
    fixed += 2;
  });

  it('refuses a tampered body even when the tampering keeps valid JSON (property)', async () => {
    const runs = 60;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), async (signedId, sentId) => {
        fc.pre(signedId !== sentId);
        const body = (id: number) => JSON.stringify([{ eventId: id, subscriptionType: 'object.creation', objectTypeId: '0-3', objectId: id, portalId: PORTAL }]);
        const answer = await backend.call('/hubspot/webhooks', undefined, { raw: body(sentId), signWith: { body: body(signedId) } });
        expect(answer.status).toBe(401);
      }),
      { numRuns: runs },
    );
    generated += runs;
  });
});
