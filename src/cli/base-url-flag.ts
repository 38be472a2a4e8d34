import { z } from 'zod';
import { redactUrlCredentials } from '../redaction/redact-url-credentials';

/** The value as typed, credentials removed, quoted and escaped so it stays on one line (cut at 200 characters). */
const shown = (value: string) => JSON.stringify(redactUrlCredentials(value.length > 200 ? `${value.slice(0, 200)}…` : value));

/**
 * `--base-url`: only http(s), since the api-client speaks nothing else and a `file:` URL would
 * otherwise be retried as a network failure. The value is echoed with any credentials removed.
 */
export function baseUrlFlag(flag = '--base-url') {
  return z.string().superRefine((value, context) => {
    let protocol: string;
    try {
      protocol = new URL(value).protocol;
    } catch {
      context.addIssue({ code: 'custom', message: `${flag} must be an http(s) URL such as http://127.0.0.1:4010, got ${shown(value)}` });
      return;
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      context.addIssue({ code: 'custom', message: `${flag} must be an http(s) URL, got a ${protocol} URL (${shown(value)})` });
    }
  });
}
