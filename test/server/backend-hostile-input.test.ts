import fc from 'fast-check';
import { PORTAL, SECRET, startBackend, type Answer, type CallOptions, type RunningBackend } from './backend-harness';
import { reportCases } from './reliability-report';

/**
 * Hostile and broken input against the real backend (issue 7.3): every case must get a clear 4xx
 * in the one error shape, with no stack trace, no secret, and no handler call or queued change.
 */

const CARD = `/hubspot/cards/customer-health?userId=7&userEmail=ana%40example.com&portalId=${PORTAL}`;
const WORKFLOW = '/hubspot/workflow-actions/recompute-health';
const WEBHOOKS = '/hubspot/webhooks';

const validCard = () => ({ recordId: '101' });
const validWorkflow = (): Record<string, unknown> => ({ callbackId: 'cb-1', origin: { portalId: PORTAL }, object: { objectId: 101, objectType: 'COMPANY' }, inputFields: {} });
const validEvent = (): Record<string, unknown> => ({ eventId: 1, subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: 5, portalId: PORTAL });

const INJECTIONS = [
  "1; DROP TABLE companies;--",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '%00',
  '\r\nSet-Cookie: session=stolen',
  '$where: sleep(1000)',
  '__proto__',
  'constructor',
  '1e309',
  '0x1F',
  ' 101',
  '101 ',
  '-101',
  '1.5',
  '99999999999999999999999',
];

interface Tally {
  cases: number;
  fourXX: number;
  handlerCalls: number;
  stackTraces: number;
}
const tallies = new Map<string, Tally>();

let backend: RunningBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.close();
  for (const [name, tally] of tallies) reportCases(`hostile input: ${name}`, { cases: tally.cases, 'answered 4xx': tally.fourXX, 'handler calls': tally.handlerCalls, 'stack traces': tally.stackTraces });
});

/** Sends one hostile request and checks the refusal; counts it under `name`. */
async function refused(name: string, path: string, body: unknown, expected: number[], options: CallOptions = {}): Promise<Answer> {
  const callsBefore = backend.calls.length;
  const eventsBefore = backend.coalescer.stats.eventsReceived;
  const answer = await backend.call(path, body, options);
  const tally = tallies.get(name) ?? { cases: 0, fourXX: 0, handlerCalls: 0, stackTraces: 0 };
  tallies.set(name, tally);
  tally.cases += 1;
  const stack = /\bat [^\n]*:\d+:\d+|Error:|node_modules|\/work\//.test(answer.text);
  if (stack) tally.stackTraces += 1;
  if (answer.status >= 400 && answer.status < 500) tally.fourXX += 1;
  const handlerCalls = backend.calls.length - callsBefore + (backend.coalescer.stats.eventsReceived - eventsBefore);
  tally.handlerCalls += handlerCalls;

  expect(expected).toContain(answer.status);
  expect(answer.json).toEqual(
    expect.objectContaining({ status: 'error', code: expect.any(String), category: expect.any(String), message: expect.stringMatching(/\S/), correlationId: expect.any(String) }),
  );
  expect(stack).toBe(false);
  expect(answer.text).not.toContain(SECRET);
  expect(handlerCalls).toBe(0);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return answer;
}

const notJson = fc.string({ unit: 'grapheme', minLength: 1 }).filter((text) => {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
});

describe('the backend under hostile input', () => {
  it('answers malformed JSON with 400 on every route', async () => {
    const fixed = ['{', '[1,]', 'NaN', "{'recordId':1}", '{"recordId":1', '\u0000', '\uFEFF{}', '{"a":1}{"b":2}', 'undefined', '[' .repeat(5000)];
    for (const path of [CARD, WORKFLOW, WEBHOOKS]) {
      for (const raw of fixed) await refused('malformed JSON', path, undefined, [400], { raw });
      await fc.assert(fc.asyncProperty(notJson, async (raw) => void (await refused('malformed JSON', path, undefined, [400], { raw }))), { numRuns: 40 });
      await refused('malformed JSON', path, undefined, [400], { raw: '' });
    }
  });

  it('answers bodies over the limit with 413 before reading them', async () => {
    const small = await startBackend({ bodyLimit: '4kb' });
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 4 * 1024 + 1, max: 64 * 1024 }), fc.constantFrom(CARD, WORKFLOW, WEBHOOKS), async (size, path) => {
          const answer = await small.call(path, undefined, { raw: JSON.stringify({ recordId: '1', pad: 'x'.repeat(size) }) });
          const tally = tallies.get('bodies over the limit') ?? { cases: 0, fourXX: 0, handlerCalls: 0, stackTraces: 0 };
          tallies.set('bodies over the limit', tally);
          tally.cases += 1;
          if (answer.status === 413) tally.fourXX += 1;
          tally.handlerCalls += small.calls.length;
          expect(answer).toMatchObject({ status: 413, json: { code: 'PAYLOAD_TOO_LARGE' } });
          expect(small.calls).toHaveLength(0);
        }),
        { numRuns: 30 },
      );
    } finally {
      await small.close();
    }
    // The real 1 MB limit HubSpot also applies to hubspot.fetch.
    await refused('bodies over the limit', CARD, undefined, [413], { raw: JSON.stringify({ recordId: '1', pad: 'x'.repeat(1024 * 1024) }) });
  });

  it('answers wrong types in every required field with 400 naming the field', async () => {
    const wrong = fc.oneof(fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }), fc.double({ noInteger: true }), fc.integer({ max: 0 }), fc.string().filter((s) => !/^[1-9]\d{0,18}$/.test(s)));
    const cases: [string, () => Record<string, unknown>, (body: Record<string, unknown>, value: unknown) => unknown, string][] = [
      [CARD, validCard, (body, value) => ({ ...body, recordId: value }), 'recordId'],
      [WORKFLOW, validWorkflow, (body, value) => ({ ...body, object: { objectId: value, objectType: 'COMPANY' } }), 'object.objectId'],
      [WORKFLOW, validWorkflow, (body, value) => ({ ...body, origin: { portalId: value } }), 'origin.portalId'],
      [WEBHOOKS, validEvent, (body, value) => [{ ...body, objectId: value }], 'objectId'],
      [WEBHOOKS, validEvent, (body, value) => [{ ...body, portalId: value }], 'portalId'],
    ];
    for (const [path, valid, replace, field] of cases) {
      await fc.assert(
        fc.asyncProperty(wrong, async (value) => {
          const answer = await refused('wrong types', path, replace(valid(), value), [400]);
          expect(`${answer.json.message} ${(answer.json.issues ?? []).join(' ')}`).toContain(field);
        }),
        { numRuns: 30 },
      );
    }
    for (const body of [[], 'text', 42, null, true]) await refused('wrong types', CARD, body, [400]);
    for (const body of [{}, 'text', 42, null, [validEvent()]]) await refused('wrong types', WORKFLOW, body, [400]);
    for (const body of [{}, 'text', 42, null, [1, 2], [null]]) await refused('wrong types', WEBHOOKS, body, [400]);
  });

  it('answers injection strings in ids, names and the caller context with a 4xx', async () => {
    for (const text of INJECTIONS) {
      await refused('injection strings', CARD, { recordId: text }, [400]);
      await refused('injection strings', WORKFLOW, { ...validWorkflow(), object: { objectId: text, objectType: 'COMPANY' } }, [400]);
      await refused('injection strings', WORKFLOW, { ...validWorkflow(), object: { objectId: 101, objectType: text } }, [400]);
      await refused('injection strings', WEBHOOKS, [{ ...validEvent(), objectId: text }], [400]);
      await refused('injection strings', `/hubspot/cards/${encodeURIComponent(text)}?userId=7&portalId=${PORTAL}`, validCard(), [404]);
      await refused('injection strings', `/hubspot/cards/customer-health?userId=7&portalId=${PORTAL}&userEmail=${encodeURIComponent(text)}`, validCard(), [400]);
      await refused('injection strings', `/hubspot/cards/customer-health?userId=${encodeURIComponent(text)}&portalId=${PORTAL}`, validCard(), [400]);
    }
    await refused('injection strings', CARD, JSON.parse('{"__proto__":{"polluted":true},"recordId":"x"}'), [400]);
    await refused('injection strings', CARD, undefined, [400], { raw: '{"__proto__":{"polluted":true}}' });
    await refused('injection strings', WORKFLOW, undefined, [400], { raw: '{"constructor":{"prototype":{"polluted":true}}}' });
    await refused('injection strings', `/hubspot/cards/customer-health?userId=7&userId=8&userEmail=ana%40example.com&portalId=${PORTAL}`, validCard(), [403]);
  });

  it('answers unicode in ids with 400 and reads unicode in free text as data', async () => {
    const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => !/^[1-9]\d{0,18}$/.test(s));
    await fc.assert(
      fc.asyncProperty(unicode, fc.constantFrom('card', 'workflow', 'webhook'), async (text, route) => {
        if (route === 'card') await refused('unicode', CARD, { recordId: text }, [400]);
        else if (route === 'workflow') await refused('unicode', WORKFLOW, { ...validWorkflow(), callbackId: 'cb', object: { objectId: text, objectType: 'COMPANY' } }, [400]);
        else await refused('unicode', WEBHOOKS, [{ ...validEvent(), eventId: 3, objectId: text }], [400]);
      }),
      { numRuns: 90 },
    );
    for (const digits of ['１０１', '١٠١', '101\u200b']) await refused('unicode', CARD, { recordId: digits }, [400]);
    // Unicode where free text belongs is data, not an attack: accepted, the signature still holds.
    const accepted = await backend.call(WORKFLOW, { ...validWorkflow(), inputFields: { note: 'Très déçu — 服务 🙁 \u202e' } });
    expect(accepted.status).toBe(200);
    backend.calls.length = 0;
  });

  it('answers missing required fields with 400 naming one of them', async () => {
    const required: [string, () => Record<string, unknown>, string[], (body: Record<string, unknown>) => unknown][] = [
      [CARD, validCard, ['recordId'], (body) => body],
      [WORKFLOW, validWorkflow, ['callbackId', 'origin', 'object'], (body) => body],
      [WEBHOOKS, validEvent, ['eventId', 'subscriptionType'], (body) => [body]],
    ];
    for (const [path, valid, keys, wrap] of required) {
      await fc.assert(
        fc.asyncProperty(fc.subarray(keys, { minLength: 1 }), async (omitted) => {
          const body = valid();
          for (const key of omitted) delete body[key];
          const answer = await refused('missing fields', path, wrap(body), [400]);
          expect(omitted.some((key) => answer.json.message.includes(key))).toBe(true);
        }),
        { numRuns: 10 },
      );
    }
    const nested: [string, Record<string, unknown>, string][] = [
      [WORKFLOW, { ...validWorkflow(), object: { objectType: 'COMPANY' } }, 'object.objectId'],
      [WORKFLOW, { ...validWorkflow(), object: { objectId: 101 } }, 'object.objectType'],
      [WORKFLOW, { ...validWorkflow(), origin: {} }, 'origin.portalId'],
    ];
    for (const [path, body, field] of nested) expect((await refused('missing fields', path, body, [400])).json.message).toContain(field);
  });

  it("answers other portals' ids with 403 wherever a portal is named", async () => {
    const otherPortal = fc.integer({ min: 1, max: 2_000_000_000 }).filter((id) => id !== PORTAL);
    await fc.assert(
      fc.asyncProperty(otherPortal, fc.constantFrom('card', 'workflow', 'webhook'), async (portal, route) => {
        if (route === 'card') await refused("other portals' ids", `/hubspot/cards/customer-health?userId=7&portalId=${portal}`, validCard(), [403]);
        else if (route === 'workflow') await refused("other portals' ids", WORKFLOW, { ...validWorkflow(), origin: { portalId: portal } }, [403]);
        else await refused("other portals' ids", WEBHOOKS, [validEvent(), { ...validEvent(), eventId: 2, portalId: portal }], [403]);
      }),
      { numRuns: 60 },
    );
  });

  it('answers any hostile body sent without a valid signature with 401, before parsing it', async () => {
    const anyBody = fc.oneof(fc.json(), notJson, fc.string({ unit: 'grapheme' }));
    await fc.assert(
      fc.asyncProperty(anyBody, fc.constantFrom(CARD, WORKFLOW, WEBHOOKS), fc.boolean(), async (raw, path, wrongSecret) => {
        await refused('unsigned or badly signed', path, undefined, [401], wrongSecret ? { raw, signWith: { secret: 'guessed-secret' } } : { raw, sign: false });
      }),
      { numRuns: 90 },
    );
  });

  it('keeps answering normal requests after all of the above', async () => {
    expect((await backend.call(CARD, validCard())).status).toBe(200);
    expect(tallies.size).toBeGreaterThan(0);
  });
});
