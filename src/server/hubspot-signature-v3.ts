import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects nothing older than 5 minutes; neither do we accept it (replays). */
export const MAX_SIGNATURE_AGE_MS = 5 * 60_000;

/**
 * HubSpot decodes these percent-encodings before signing the URI (its "Validating requests" v3
 * guide); any other encoding stays as sent. Decoding everything would make `%2F` and `/` collide.
 */
const DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

export const decodeUriForSignature = (uri: string): string => uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => DECODED[match.toUpperCase()]);

export interface SignedRequest {
  method: string;
  /** The full public URL HubSpot called (https://host/path?query). */
  url: string;
  /** The raw body, exactly as received (UTF-8). */
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
}

export type SignatureVerdict = { valid: true } | { valid: false; reason: 'missing' | 'stale' | 'mismatch' };

/** base64(HMAC-SHA256(secret, method + decodedUri + body + timestamp)). */
export function signatureV3(secret: string, method: string, url: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method.toUpperCase()}${decodeUriForSignature(url)}${body}${timestamp}`, 'utf8').digest('base64');
}

/**
 * Checks X-HubSpot-Signature-v3 in constant time and refuses requests older than 5 minutes (or
 * dated in the future beyond a minute of clock skew).
 *
 * @example
 * verifySignatureV3('secret', { method: 'POST', url: 'https://app.example.com/hubspot/webhooks', body: '[]', timestamp, signature }, Date.now())
 * // => { valid: true }
 */
export function verifySignatureV3(secret: string, request: SignedRequest, nowMs: number): SignatureVerdict {
  if (!request.signature || !request.timestamp) return { valid: false, reason: 'missing' };
  const sentAt = Number(request.timestamp);
  if (!Number.isFinite(sentAt) || nowMs - sentAt > MAX_SIGNATURE_AGE_MS || sentAt - nowMs > 60_000) return { valid: false, reason: 'stale' };
  const expected = Buffer.from(signatureV3(secret, request.method, request.url, request.body, request.timestamp));
  const received = Buffer.from(request.signature);
  // timingSafeEqual needs equal lengths; comparing against itself keeps the time constant either way.
  const same = expected.length === received.length ? timingSafeEqual(expected, received) : !timingSafeEqual(expected, expected);
  return same ? { valid: true } : { valid: false, reason: 'mismatch' };
}
