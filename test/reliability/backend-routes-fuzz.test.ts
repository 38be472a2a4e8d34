import fc from 'fast-check';
import { wireBackend } from '../../src/app/backend-handlers';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway } from '../../src/hubspot';
import { createLogger } from '../../src/logging/logger';
import { PORTAL, startBackend, type RunningBackend } from '../server/backend-harness';
import { reportCases } from '../server/reliability-report';

const BUILT_IN_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const VIEWER = `userId=7&userEmail=ana%40example.com&portalId=${PORTAL}`;

const name = fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string({ maxLength: 10 }));
const leaf = fc.oneof(name, fc.integer(), fc.constantFrom(101, '101', 0, -1, 1e20, null, true, PORTAL, 'COMPANY', '0-2', '0-3'));
const anyValue = fc.oneof(leaf, fc.dictionary(name, leaf, { maxKeys: 3 }), fc.array(leaf, { maxLength: 3 }));

/** A valid body of each route with one field (at any depth we know of) replaced by a generated value or key. */
const fields = {
  card: ['recordId', 'objectType', 'action', 'override', 'subjectOwnerId'],
  workflow: ['callbackId', 'origin', 'origin.portalId', 'object', 'object.objectId', 'object.objectType', 'context', 'inputFields'],
  webhook: ['eventId', 'subscriptionType', 'portalId', 'objectId', 'objectTypeId', 'propertyName', 'fromObjectId', 'toObjectId', 'fromObjectTypeId', 'toObjectTypeId', 'associationType'],
};
const valid = {
  card: () => ({ recordId: '101' }) as Record<string, unknown>,
  workflow: () => ({ callbackId: 'cb', origin: { portalId: PORTAL }, object: { objectId: 101, objectType: 'COMPANY' }, inputFields: {} }) as Record<string, unknown>,
  webhook: () => ({ eventId: 1, subscriptionType: 'object.propertyChange', portalId: PORTAL, objectId: 5, objectTypeId: '0-3' }) as Record<string, unknown>,
};

function setPath(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (rest.length === 0) return { ...body, [head]: value };
  const inner = typeof body[head] === 'object' && body[head] !== null ? (body[head] as Record<string, unknown>) : {};
  return { ...body, [head]: setPath(inner, rest.join('.'), value) };
}

type Route = keyof typeof fields;
const mutation = fc.constantFrom<Route>('card', 'workflow', 'webhook').chain((route) =>
  fc.record({
    route: fc.constant(route),
    field: fc.constantFrom(...fields[route]),
    value: anyValue,
    extraKey: fc.option(fc.tuple(fc.constantFrom(...BUILT_IN_NAMES), anyValue), { nil: undefined }),
    card: fc.oneof(fc.constantFrom('customer-health', 'my-objectives'), fc.constantFrom(...BUILT_IN_NAMES), name.map(encodeURIComponent)),
    query: fc.oneof(fc.constant(VIEWER), fc.array(fc.tuple(fc.constantFrom(...BUILT_IN_NAMES, 'userId', 'userEmail', 'portalId'), name), { maxLength: 3 }).map((pairs) => `${VIEWER}&${new URLSearchParams(pairs)}`)),
  }),
);

const RUNS = 1_500;

describe('every backend route under generated input (built-in names as keys and values of every field)', () => {
  let backend: RunningBackend;
  beforeAll(async () => {
    backend = await startBackend({ cards: undefined });
  });
  afterAll(() => backend.close());

  it('answers 2xx or 4xx, never a 500 or a stack, and leaves nothing pending that can never clear', async () => {
    const tally = { cases: 0, ok: 0, refused: 0, serverErrors: 0 };
    await fc.assert(
      fc.asyncProperty(mutation, async ({ route, field, value, extraKey, card, query }) => {
        let body = setPath(valid[route](), field, value);
        if (extraKey) body = setPath(body, field.includes('.') ? `${field.split('.')[0]}.${extraKey[0]}` : extraKey[0], extraKey[1]);
        const path = route === 'card' ? `/hubspot/cards/${card}?${query}` : route === 'workflow' ? '/hubspot/workflow-actions/recompute-health' : '/hubspot/webhooks';
        const answer = await backend.call(path, route === 'webhook' ? [body] : body);
        tally.cases += 1;
        if (answer.status >= 500) tally.serverErrors += 1;
        else if (answer.status >= 400) tally.refused += 1;
        else tally.ok += 1;
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toMatch(/\bat [^\n]*:\d+:\d+/);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, seed: 14_10 },
    );
    // Whatever was accepted resolves: the harness maps every deal/ticket/contact to a company and recomputes it.
    await backend.coalescer.flush();
    expect(backend.coalescer.pending).toBe(0);
    expect(tally.serverErrors).toBe(0);
    reportCases('backend routes: built-in names (constructor, __proto__, toString...) as card names, query keys, and keys and values of every body field', {
      cases: tally.cases,
      'answered 2xx': tally.ok,
      'answered 4xx': tally.refused,
      '5xx': tally.serverErrors,
      outcome: 'no 500, no stack, nothing left pending',
    });
  });

  it('finds no card handler under a built-in name (the real card table, not the harness)', async () => {
    const gateway = createHubSpotGateway({ accessToken: 'unused', basePath: 'http://127.0.0.1:9' });
    const { handlers } = wireBackend(gateway, DEFAULT_ENGINE_CONFIG, createLogger({ level: 'silent' }));
    try {
      for (const card of BUILT_IN_NAMES) {
        expect(await handlers.card(card, { recordId: '1' }, { ownerId: '1' })).toEqual({ status: 'error', code: 'NOT_FOUND', message: `unknown card ${card}` });
      }
    } finally {
      await gateway.close();
    }
  });
});
