import fc from 'fast-check';
import { redactUrlCredentials, REDACTED_USERINFO } from '../../src/redaction/redact-url-credentials';

const userinfoPart = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=%:@'.split('')) });

describe('redactUrlCredentials', () => {
  it('removes the user name and password of any http(s) URL, keeping scheme, host, port and path', () => {
    fc.assert(
      fc.property(fc.constantFrom('http', 'https', 'HTTP', 'ftp'), userinfoPart, fc.constantFrom('127.0.0.1:4010', 'api.hubapi.com', '[::1]:8080'), fc.constantFrom('', '/', '/crm/v3?x=a@b'), (scheme, userinfo, host, path) => {
        const url = `${scheme}://${userinfo}@${host}${path}`;
        expect(redactUrlCredentials(url)).toBe(`${scheme}://${REDACTED_USERINFO}@${host}${path}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds URLs inside a message, however many', () => {
    expect(redactUrlCredentials('cannot reach http://a:b@x.test:1/ (ECONNREFUSED); also https://tok@y.test')).toBe(
      `cannot reach http://${REDACTED_USERINFO}@x.test:1/ (ECONNREFUSED); also https://${REDACTED_USERINFO}@y.test`,
    );
  });

  it('leaves text without credentials alone, including an @ after the host', () => {
    for (const text of ['http://127.0.0.1:4010', 'https://api.hubapi.com/crm/v3/objects?email=a@b.c', 'mail me at ops@example.com', 'no url here']) {
      expect(redactUrlCredentials(text)).toBe(text);
    }
  });
});
