import fc from 'fast-check';
import { decodeUriForSignature, signatureV3, verifySignatureV3 } from '../../src/server/hubspot-signature-v3';

const secret = 'client-secret-123';
const now = 1_790_000_000_000;
const url = 'https://cs.example.com/hubspot/webhooks?portalId=42';

const signed = (body: string, overrides: Partial<{ url: string; timestamp: string; secret: string; method: string }> = {}) => {
  const timestamp = overrides.timestamp ?? String(now - 1_000);
  return { method: overrides.method ?? 'POST', url: overrides.url ?? url, body, timestamp, signature: signatureV3(overrides.secret ?? secret, overrides.method ?? 'POST', overrides.url ?? url, body, timestamp) };
};

describe('verifySignatureV3', () => {
  it('accepts a request signed with the secret within five minutes', () => {
    expect(verifySignatureV3(secret, signed('[{"eventId":1}]'), now)).toEqual({ valid: true });
  });

  it('refuses a tampered body, a wrong secret, a missing header and a stale timestamp', () => {
    const request = signed('{"a":1}');
    expect(verifySignatureV3(secret, { ...request, body: '{"a":2}' }, now)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignatureV3('other-secret', request, now)).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignatureV3(secret, { ...request, signature: undefined }, now)).toEqual({ valid: false, reason: 'missing' });
    const old = signed('{}', { timestamp: String(now - 5 * 60_000 - 1) });
    expect(verifySignatureV3(secret, old, now)).toEqual({ valid: false, reason: 'stale' });
    expect(verifySignatureV3(secret, signed('{}', { timestamp: 'yesterday' }), now)).toEqual({ valid: false, reason: 'stale' });
  });

  it('decodes the URL-encoded characters HubSpot decodes before signing, and no others', () => {
    expect(decodeUriForSignature('https://x.example.com/a%3Ab%2Fc%3Fd%40e%21%24%27%28%29%2A%2C%3B%20f')).toBe("https://x.example.com/a:b/c?d@e!$'()*,;%20f");
    const encoded = 'https://cs.example.com/hubspot/cards/customer-health?userEmail=ana%40example.com';
    const request = signed('{}', { url: encoded });
    // HubSpot signed the decoded form: a signature over it must match the encoded URL we received.
    const signedDecoded = { ...request, signature: signatureV3(secret, 'POST', 'https://cs.example.com/hubspot/cards/customer-health?userEmail=ana@example.com', '{}', request.timestamp) };
    expect(verifySignatureV3(secret, signedDecoded, now)).toEqual({ valid: true });
  });

  it('signs non-ASCII bodies as UTF-8', () => {
    expect(verifySignatureV3(secret, signed('{"verbatim":"Très déçu — 服务"}'), now)).toEqual({ valid: true });
  });

  it('never accepts a body it was not signed for (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      fc.pre(a !== b);
      return !verifySignatureV3(secret, { ...signed(a), body: b }, now).valid;
    }), { numRuns: 200 });
  });
});
