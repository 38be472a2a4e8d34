import { Client } from '@hubspot/api-client';
import { apiError, call, smallPortal, withSandbox } from './sandbox-test-kit';

const ENVELOPE = { status: 'error', correlationId: expect.any(String), message: expect.any(String), category: expect.any(String) };

describe('sandbox error answers in HubSpot shape', () => {
  it('answers 401 without the token and with a wrong one, and 200 with it', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      const without = await call(sandbox, 'GET', '/crm/v3/objects/companies', undefined, { authorization: '' });
      expect([without.status, without.json]).toEqual([401, { ...ENVELOPE, category: 'INVALID_AUTHENTICATION' }]);
      const wrong = await apiError(new Client({ accessToken: 'wrong', basePath: sandbox.url }).crm.companies.basicApi.getPage());
      expect(wrong.code).toBe(401);
      expect((await call(sandbox, 'GET', '/crm/v3/objects/companies')).status).toBe(200);
    });
  });

  it('answers 404 for unknown ids and unknown paths', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox, client) => {
      const unknownId = await apiError(client.crm.companies.basicApi.getById('424242'));
      expect([unknownId.code, unknownId.body]).toEqual([404, { ...ENVELOPE, category: 'OBJECT_NOT_FOUND' }]);
      const unknownPath = await call(sandbox, 'GET', '/crm/v3/nothing-here');
      expect([unknownPath.status, unknownPath.json.status]).toEqual([404, 'error']);
      const unknownType = await call(sandbox, 'GET', '/crm/v3/objects/spaceships');
      expect([unknownType.status, unknownType.json.errors[0].in]).toEqual([400, 'objectType']);
    });
  });

  it('answers 400 naming the field on wrong types and missing fields', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      const wrongType = await call(sandbox, 'POST', '/crm/v3/objects/companies/batch/read', { inputs: [{ id: '1' }, { id: { nested: true } }] });
      expect([wrongType.status, wrongType.json.errors[0].in]).toEqual([400, 'inputs[1].id']);
      expect(wrongType.json.message).toContain('inputs[1].id');
      const missing = await call(sandbox, 'PATCH', '/crm/v3/objects/companies/1', {});
      expect([missing.status, missing.json.errors[0].in]).toEqual([400, 'properties']);
    });
  });

  it('answers 400 to malformed JSON without a stack trace', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      for (const body of ['{"inputs": [', 'not json', '{"properties": {"name": "x"}}}']) {
        const answer = await call(sandbox, 'POST', '/crm/v3/objects/companies', body);
        expect(answer.status).toBe(400);
        expect(answer.json).toMatchObject({ ...ENVELOPE, category: 'VALIDATION_ERROR' });
        expect(answer.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
      }
      expect(sandbox.store.table('companies').size).toBe(1);
    });
  });

  it('answers 413 in the same envelope to a body over the size limit', async () => {
    await withSandbox({}, async (sandbox) => {
      const answer = await call(sandbox, 'POST', '/crm/v3/objects/companies', JSON.stringify({ properties: { name: 'x'.repeat(6 * 1024 * 1024) } }));
      expect([answer.status, answer.json.status]).toEqual([413, 'error']);
    });
  });
});

describe('sandbox hostile property names', () => {
  it('answers 400 to __proto__ and constructor as property names and returns no inherited values', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      const proto = await call(sandbox, 'PATCH', '/crm/v3/objects/companies/1', '{"properties": {"__proto__": {"polluted": "yes"}, "constructor": "x"}}');
      expect(proto.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      const read = await call(sandbox, 'GET', '/crm/v3/objects/companies/1?properties=constructor,toString');
      expect(read.json.properties).toMatchObject({ constructor: null, toString: null });
    });
  });
});
