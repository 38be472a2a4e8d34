/**
 * Credentials written into a URL (`http://user:pass@host`) must never reach a log line, an error
 * message, a checkpoint or a `--json` answer. The CLI and the sync share this helper so every
 * place that shows or stores a URL removes them the same way.
 */
export const REDACTED_USERINFO = '[redacted]';

/** Any `scheme://userinfo@` inside free text; greedy up to the last `@` before the path, as URL parsers read it. */
const USERINFO_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;

/**
 * The text with the user name and password of every URL in it replaced (a bare URL, or an error
 * message quoting one). Text without such a URL is returned unchanged.
 *
 * @example
 * redactUrlCredentials('http://user:secret@127.0.0.1:4010/crm') // 'http://[redacted]@127.0.0.1:4010/crm'
 * redactUrlCredentials('cannot reach https://a:b@x.test/ (ECONNREFUSED)') // 'cannot reach https://[redacted]@x.test/ (ECONNREFUSED)'
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(USERINFO_IN_TEXT, (_match, scheme: string) => `${scheme}${REDACTED_USERINFO}@`);
}
