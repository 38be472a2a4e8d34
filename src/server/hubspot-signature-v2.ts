import { createHash, timingSafeEqual } from 'node:crypto';
import type { SignatureVerdict } from './hubspot-signature-v3';

export const SIGNATURE_V2_HEADER = 'x-hubspot-signature';
export const SIGNATURE_VERSION_HEADER = 'x-hubspot-signature-version';

export interface SignedRequestV2 {
  method: string;
  /** The full public URL HubSpot called, exactly as sent (protocol, query order and encoding kept). */
  url: string;
  body: string | Buffer;
  signature: string | undefined;
  version: string | undefined;
}

/**
 * hex(SHA-256(clientSecret + METHOD + URI + body)): HubSpot's v2 request signature, which its
 * custom workflow action guide documents for action requests. It has no timestamp, so a replay
 * cannot be told apart; the backend takes it only on the workflow-action route and only when no
 * v3 signature came with the request.
 *
 * @example
 * signatureV2('yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy', 'GET', 'https://www.example.com/webhook_uri', '')
 * // => 'eee2dddcc73c94d699f5e395f4b9d454a069a6855fbfa152e91e88823087200e' (HubSpot's own worked example)
 */
export function signatureV2(secret: string, method: string, url: string, body: string | Buffer): string {
  return createHash('sha256')
    .update(`${secret}${method.toUpperCase()}${url}${typeof body === 'string' ? body : body.toString('utf8')}`, 'utf8')
    .digest('hex');
}

/** Checks X-HubSpot-Signature (version v2) in constant time. */
export function verifySignatureV2(secret: string, request: SignedRequestV2): SignatureVerdict {
  if (!request.signature || request.version?.toLowerCase() !== 'v2') return { valid: false, reason: 'missing' };
  const expected = Buffer.from(signatureV2(secret, request.method, request.url, request.body), 'utf8');
  const received = Buffer.from(request.signature.toLowerCase(), 'utf8');
  const same = expected.length === received.length ? timingSafeEqual(expected, received) : !timingSafeEqual(expected, expected);
  return same ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/** The headers HubSpot sends with a v2-signed workflow action request (tests, local tools). */
export function signRequestV2(input: { secret: string; method: string; url: string; body: string | Buffer }): { 'x-hubspot-signature': string; 'x-hubspot-signature-version': 'v2' } {
  return { [SIGNATURE_V2_HEADER]: signatureV2(input.secret, input.method, input.url, input.body), [SIGNATURE_VERSION_HEADER]: 'v2' } as { 'x-hubspot-signature': string; 'x-hubspot-signature-version': 'v2' };
}
