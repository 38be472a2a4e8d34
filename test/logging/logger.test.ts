import { Writable } from 'node:stream';
import { createLogger, redactObject, redactText } from '../../src/logging/logger';
import { signRequest } from '../../src/server/hubspot-signature-v3';
import { PORTAL, PUBLIC_BASE, SECRET, startBackend } from '../server/backend-harness';
import { reportCases } from '../server/reliability-report';

const TOKEN = 'pat-na1-3f2a9c1e-7b4d-4e21-9a8f-0c5d6e7f8a9b';

function captured(secrets?: string[]) {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets, destination: new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) }) });
  return { logger, text: () => lines.join('') };
}

describe('the logger', () => {
  it('censors secret keys at any depth, whatever their case', () => {
    const { logger, text } = captured();
    logger.info({ req: { headers: { Authorization: `Bearer ${TOKEN}`, 'X-HubSpot-Signature-v3': 'c2lnbmF0dXJl', 'x-hubspot-signature': 'abc123' } }, config: { hubspot: { accessToken: 'tok-1', clientSecret: 'sec-1', PRIVATE_APP_ACCESS_TOKEN: 'tok-2' } }, token: 'tok-3' }, 'calling');
    const written = text();
    for (const secret of [TOKEN, 'c2lnbmF0dXJl', 'abc123', 'tok-1', 'sec-1', 'tok-2', 'tok-3']) expect(written).not.toContain(secret);
    expect(JSON.parse(written).config.hubspot.accessToken).toBe('[redacted]');
  });

  it('removes pat- tokens and bearer values from messages, error messages and stacks', () => {
    const { logger, text } = captured();
    logger.warn(`HubSpot refused ${TOKEN}`);
    logger.error({ err: new Error(`401 for Authorization: Bearer ${TOKEN}`) }, 'request failed');
    logger.info({ url: `https://api.hubapi.com/crm/v3?hapikey=abcdef123456&limit=1` }, 'url');
    const written = text();
    expect(written).not.toContain('3f2a9c1e');
    expect(written).not.toContain('abcdef123456');
    expect(written).toContain('HubSpot refused [redacted]');
    expect(written).toContain('limit=1');
  });

  it('removes the secrets it was given even where nothing gives them away', () => {
    const { logger, text } = captured(['plain-looking-secret-value']);
    logger.info({ note: 'the value plain-looking-secret-value leaked into a note' }, 'and into plain-looking-secret-value a message');
    expect(text()).not.toContain('plain-looking-secret-value');
  });

  it('removes the credentials of any URL, keeping the rest of it', () => {
    expect(redactText('sync failed for http://ana:s3cret@crm.example.com:8080/x?y=1')).toBe('sync failed for http://[redacted]@crm.example.com:8080/x?y=1');
    expect(redactText('https://token-only@host and ftp://u:p@h/')).toBe('https://[redacted]@host and ftp://[redacted]@h/');
    expect(redactObject({ baseUrl: 'http://user:pass@127.0.0.1:4010' })).toEqual({ baseUrl: 'http://[redacted]@127.0.0.1:4010' });
    expect(redactText('write to ana@example.com at http://127.0.0.1:4010/a@b')).toBe('write to ana@example.com at http://127.0.0.1:4010/a@b');
  });

  it('keeps what is not secret, and survives cycles and buffers', () => {
    const looped: Record<string, unknown> = { companyId: '101', score: 82 };
    looped.self = looped;
    expect(redactObject({ looped, body: Buffer.from('secret bytes') })).toEqual({ looped: { companyId: '101', score: 82, self: '[circular]' }, body: '[12 bytes]' });
    expect(redactText('timestamp=1700000000000 portalId=42')).toBe('timestamp=1700000000000 portalId=42');
  });
});

describe('the backend logs', () => {
  it('hold neither the token nor the signature of the requests it served or refused', async () => {
    const { logger, text } = captured();
    const backend = await startBackend({ logger });
    try {
      const cardPath = `/hubspot/cards/customer-health?userId=7&userEmail=ana%40example.com&portalId=${PORTAL}`;
      const realSignature = signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC_BASE}${cardPath}`, body: '{"recordId":"101"}' });
      const requests = [
        backend.call(cardPath, undefined, { raw: '{"recordId":"101"}', sign: false, headers: { ...realSignature, authorization: `Bearer ${TOKEN}` } }),
        backend.call('/hubspot/webhooks', [], { sign: false, headers: { authorization: `Bearer ${TOKEN}`, 'x-hubspot-signature-v3': 'Zm9yZ2VkLXNpZ25hdHVyZQ==', 'x-hubspot-request-timestamp': String(Date.now()) } }),
        backend.call('/hubspot/workflow-actions/recompute-health', { callbackId: TOKEN }, { headers: { cookie: `hubspotutk=${TOKEN}` } }),
        backend.call(`/hubspot/cards/customer-health?userId=7&userEmail=ana%40example.com&portalId=${PORTAL}&token=${TOKEN}`, { recordId: TOKEN }),
      ];
      const answers = await Promise.all(requests);
      expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 400]);
      const written = text();
      expect(written).toContain('request answered');
      expect(written).toContain('UNAUTHORIZED');
      expect(written).not.toContain('3f2a9c1e');
      expect(written).not.toContain('Zm9yZ2VkLXNpZ25hdHVyZQ==');
      expect(written).not.toContain(SECRET);
      expect(written).not.toContain(realSignature['x-hubspot-signature-v3']);
      // Nor any other signature the harness computed for the signed requests.
      expect(written.match(/"x-hubspot-signature-v3":"(?!\[redacted\])/g)).toBeNull();
      for (const answer of answers) expect(answer.text).not.toContain('3f2a9c1e');
      reportCases('tokens and signatures in logs and answers', { requests: answers.length, 'secrets found': 0 });
    } finally {
      await backend.close();
    }
  });
});
