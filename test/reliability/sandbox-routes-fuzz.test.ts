import fc from 'fast-check';
import { CONTROL_ROUTES, HUBSPOT_ROUTES } from '../../src/sandbox/routes/route-table';
import { gzipSync } from 'node:zlib';
import { call, smallPortal, TOKEN, withSandbox } from '../sandbox/sandbox-test-kit';
import { reportCases } from '../server/reliability-report';

/** Names every JavaScript object inherits: a lookup keyed by input in a plain object finds them. */
export const BUILT_IN_NAMES = ['constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

const segment = fc.oneof(
  fc.constantFrom(...BUILT_IN_NAMES),
  fc.constantFrom('companies', 'deals', 'contacts', '0-2', 'company', '1', '11', '999999', 'default', 'cs_health_score', 'name'),
  fc.string({ minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

const builtInKeyed = (value: fc.Arbitrary<unknown>) => fc.dictionary(fc.constantFrom(...BUILT_IN_NAMES, 'properties', 'inputs', 'id', 'name', 'now'), value, { maxKeys: 4 });

const leaf = fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(1e20));

/** Bodies shaped like the sandbox's own (inputs, properties, filters) with built-in names in every key and value. */
const body = fc.oneof(
  leaf,
  builtInKeyed(leaf),
  fc.record({ inputs: fc.array(fc.oneof(builtInKeyed(leaf), fc.record({ id: leaf, properties: builtInKeyed(leaf) })), { maxLength: 3 }) }),
  fc.record({ properties: builtInKeyed(leaf) }),
  fc.record({ now: leaf }),
  fc.record({ filterGroups: fc.array(fc.record({ filters: fc.array(fc.record({ propertyName: leaf, operator: leaf, value: leaf }), { maxLength: 2 }) }), { maxLength: 2 }), properties: fc.array(leaf, { maxLength: 3 }) }),
  fc.record({ name: leaf, label: leaf, type: leaf, fieldType: leaf, groupName: leaf }),
);

const routes = [...HUBSPOT_ROUTES, ...CONTROL_ROUTES.filter((route) => route.kind !== 'control.reset')];

const request = fc.record({
  route: fc.constantFrom(...routes),
  params: fc.array(segment, { minLength: 6, maxLength: 6 }),
  query: fc.array(fc.tuple(fc.constantFrom(...BUILT_IN_NAMES, 'properties', 'associations', 'limit', 'after', 'archived'), fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.string({ maxLength: 6 }))), { maxLength: 3 }),
  body,
});

const RUNS = 1_200;

describe('every sandbox route under generated input (built-in names in paths, queries and bodies)', () => {
  it('answers 4xx or 2xx in HubSpot’s envelope, never a 500, and keeps serving ordinary writes', async () => {
    await withSandbox({ seed: smallPortal(3) }, async (sandbox) => {
      const tally = { cases: 0, ok: 0, refused: 0, serverErrors: 0 };
      const failures: string[] = [];
      await fc.assert(
        fc.asyncProperty(request, async ({ route, params, query, body: payload }) => {
          let index = 0;
          const path = route.path.replace(/:(\w+)/g, () => params[index++]);
          const search = new URLSearchParams(query).toString();
          const answer = await call(sandbox, route.method.toUpperCase(), `${path}${search ? `?${search}` : ''}`, route.method === 'get' ? undefined : payload);
          tally.cases += 1;
          if (answer.status >= 500) {
            tally.serverErrors += 1;
            failures.push(`${route.method.toUpperCase()} ${path} ${JSON.stringify(payload)?.slice(0, 200)} -> ${answer.status}`);
          } else if (answer.status >= 400) tally.refused += 1;
          else tally.ok += 1;
          expect(answer.status).toBeLessThan(500);
          expect(answer.text).not.toMatch(/\n\s+at /);
          expect(answer.json).toBeDefined();
        }),
        { numRuns: RUNS, seed: 14_2026 },
      );
      // Whatever the generated requests did to the clock, the portal still takes ordinary writes.
      const write = await call(sandbox, 'PATCH', '/crm/v3/objects/companies/1', { properties: { name: 'Still writable' } });
      expect(write.status).toBe(200);
      expect(failures).toEqual([]);
      reportCases('sandbox routes: built-in names (constructor, __proto__, toString...) in paths, queries and every body field; clock values out of range', {
        cases: tally.cases,
        'answered 2xx': tally.ok,
        'answered 4xx': tally.refused,
        '5xx': tally.serverErrors,
        outcome: 'no 500, no stack, later writes unaffected',
      });
    });
  });

  it('refuses a clock outside 1970..9999 with 400 naming the field, and keeps writing', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      for (const now of [1e20, -1, 8.64e15 + 1, '+275760-09-13T00:00:00.001Z']) {
        const answer = await call(sandbox, 'POST', '/_sandbox/clock', { now });
        expect(answer.status).toBe(400);
        expect(answer.json.errors[0].in).toBe('now');
      }
      expect((await call(sandbox, 'POST', '/_sandbox/clock', { now: '2026-11-29T00:00:00Z' })).status).toBe(200);
      expect((await call(sandbox, 'PATCH', '/crm/v3/objects/companies/1', { properties: { name: 'After the clock' } })).status).toBe(200);
    });
  });

  it('answers 404 in HubSpot’s envelope for built-in names as object types and properties', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      for (const path of ['/crm/v3/objects/constructor/1', '/crm/v3/objects/__proto__', '/crm/v3/properties/constructor', '/crm/v3/properties/companies/constructor', '/crm/v3/pipelines/toString']) {
        const answer = await call(sandbox, 'GET', path);
        expect([400, 404]).toContain(answer.status);
        expect(answer.json.status).toBe('error');
      }
    });
  });

  it('answers a body it cannot decode with 4xx (415 for an unknown encoding), never a 500, and still inflates valid gzip', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      for (const encoding of ['br', 'gzip', 'deflate', 'x-bogus']) {
        const answer = await call(sandbox, 'PATCH', '/crm/v3/objects/companies/1', 'not compressed at all', { 'content-encoding': encoding });
        expect(answer.status).toBe(encoding === 'x-bogus' ? 415 : 400);
        expect(answer.json).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', errors: [{ in: 'body' }] });
      }
      const zipped = gzipSync(JSON.stringify({ properties: { name: 'Zipped' } }));
      const response = await fetch(`${sandbox.url}/crm/v3/objects/companies/1`, { method: 'PATCH', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: new Uint8Array(zipped) });
      expect(response.status).toBe(200);
      expect(sandbox.store.getObject('companies', '1').properties.name).toBe('Zipped');
    });
  });
});
