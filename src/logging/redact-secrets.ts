import { redactUrlCredentials } from '../redaction/redact-url-credentials';

/** One way to strip URL credentials for logs, errors, files and `--json` alike. */
export { redactUrlCredentials };
export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets wherever they appear in a log object: Authorization and cookies,
 * every X-HubSpot-Signature* header, access tokens, client secrets, passwords and API keys.
 */
const SECRET_KEY = /authorization|cookie|secret|token|signature|password|passwd|api[-_]?key|hapikey|credential/i;

/**
 * Secret-looking values inside free text: HubSpot private-app / personal access keys
 * (`pat-na1-…`, `pak-…`), bearer credentials, and `key=value` pairs for the secret keys above.
 */
const SECRET_VALUE = /\b(?:pat|pak)-[a-z0-9]+-[0-9a-f-]{8,}\b|\bBearer\s+[A-Za-z0-9._~+/=-]+|\b((?:access_?token|client_?secret|token|hapikey|api_?key|signature)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;

/** Replaces secret-looking values, URL credentials and every known secret inside a text. */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  let out = redactUrlCredentials(text).replace(SECRET_VALUE, (match, keyPart: string | undefined) => (keyPart ? `${keyPart}${REDACTED}` : REDACTED));
  for (const secret of knownSecrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A copy of a log object with secret keys censored and secret values removed from every string,
 * at any depth. Errors keep their name, message and stack (redacted); cycles are cut.
 */
export function redactObject(value: unknown, knownSecrets: readonly string[] = [], seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((item) => redactObject(item, knownSecrets, seen));
  const source: Record<string, unknown> =
    value instanceof Error ? { type: value.name, message: value.message, stack: value.stack, ...(value as unknown as Record<string, unknown>) } : (value as Record<string, unknown>);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) out[key] = SECRET_KEY.test(key) && item !== undefined ? REDACTED : redactObject(item, knownSecrets, seen);
  return out;
}
