import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot's guide says to reject requests older than 5 minutes (replays). */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;
/** A timestamp this far in the future is still accepted: HubSpot's clock and ours may differ a little. */
export const MAX_CLOCK_SKEW_MS = 60_000;

export const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
export const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';

/**
 * HubSpot decodes these percent-encodings in the URI before signing (its "Validating requests"
 * guide, v3 section); every other encoding (`%20`, `%3D`, `%26`, `%2B`, non-ASCII bytes...) stays
 * exactly as sent. Decoding everything would make `%2F` inside a value collide with a real `/`.
 */
const DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

export const decodeUriForSignature = (uri: string): string => uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => DECODED[match.toUpperCase()]);

export interface SignedRequest {
  method: string;
  /** The full public URL HubSpot called (https://host/path?query), as received (still encoded). */
  url: string;
  /** The raw body exactly as received, before any JSON parsing. */
  body: string | Buffer;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type SignatureFailure = 'missing' | 'stale' | 'mismatch';
export type SignatureVerdict = { valid: true } | { valid: false; reason: SignatureFailure };

const bodyText = (body: string | Buffer) => (typeof body === 'string' ? body : body.toString('utf8'));

/** base64(HMAC-SHA256(clientSecret, METHOD + decodedUri + body + timestamp)), the body read as UTF-8. */
export function signatureV3(secret: string, method: string, url: string, body: string | Buffer, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}${decodeUriForSignature(url)}${bodyText(body)}${timestamp}`, 'utf8').digest('base64');
}

/**
 * Checks X-HubSpot-Signature-v3 in constant time and refuses requests older than 5 minutes, or
 * dated more than a minute in the future.
 *
 * @example
 * const headers = signRequest({ secret: 's', method: 'POST', url: 'https://cs.example.com/hubspot/webhooks', body: '[]', now: 1_700_000_000_000 });
 * verifySignatureV3('s', { method: 'POST', url: 'https://cs.example.com/hubspot/webhooks', body: '[]', timestamp: headers['x-hubspot-request-timestamp'], signature: headers['x-hubspot-signature-v3'] }, 1_700_000_001_000);
 * // => { valid: true }
 */
export function verifySignatureV3(secret: string, request: SignedRequest, nowMs: number): SignatureVerdict {
  if (!request.signature || !request.timestamp) return { valid: false, reason: 'missing' };
  if (!/^\d{1,16}$/.test(request.timestamp)) return { valid: false, reason: 'stale' };
  const sentAt = Number(request.timestamp);
  if (nowMs - sentAt > MAX_SIGNATURE_AGE_MS || sentAt - nowMs > MAX_CLOCK_SKEW_MS) return { valid: false, reason: 'stale' };
  const expected = Buffer.from(signatureV3(secret, request.method, request.url, request.body, request.timestamp), 'utf8');
  const received = Buffer.from(request.signature, 'utf8');
  // timingSafeEqual needs equal lengths; on a length mismatch compare expected with itself so the
  // time spent does not depend on how much of the signature an attacker guessed.
  const same = expected.length === received.length ? timingSafeEqual(expected, received) : !timingSafeEqual(expected, expected);
  return same ? { valid: true } : { valid: false, reason: 'mismatch' };
}

export interface SignRequestInput {
  secret: string;
  method: string;
  /** The full public URL the request goes to, as it will be sent. */
  url: string;
  body: string | Buffer;
  /** Milliseconds since the epoch; defaults to the current time. */
  now?: number;
}

/**
 * The headers HubSpot would send with this request: used by tests and by the local preview to call
 * the backend exactly like HubSpot does.
 */
export function signRequest(input: SignRequestInput): { 'x-hubspot-signature-v3': string; 'x-hubspot-request-timestamp': string } {
  const timestamp = String(input.now ?? Date.now());
  return { [SIGNATURE_HEADER]: signatureV3(input.secret, input.method, input.url, input.body, timestamp), [TIMESTAMP_HEADER]: timestamp } as {
    'x-hubspot-signature-v3': string;
    'x-hubspot-request-timestamp': string;
  };
}
