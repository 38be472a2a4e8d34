import { withSandbox, smallPortal, call, apiError } from './sandbox-test-kit';

describe('sandbox objects through the real api-client', () => {
  it('pages through more than one page with every object exactly once', async () => {
    await withSandbox({ seed: smallPortal(237) }, async (sandbox, client) => {
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await client.crm.companies.basicApi.getPage(100, after, ['name']);
        seen.push(...page.results.map((company) => company.id));
        after = page.paging?.next?.after;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(237);
      expect(sandbox.store.stats.count('objects.list')).toBe(3);
    });
  });

  it('answers 400 naming limit when a list page asks for more than 100', async () => {
    await withSandbox({ seed: smallPortal(3) }, async (sandbox) => {
      const response = await call(sandbox, 'GET', '/crm/v3/objects/companies?limit=101');
      expect(response.status).toBe(400);
      expect(response.json.errors[0].in).toBe('limit');
    });
  });

  it('returns requested properties, null for missing ones, and inline associations', async () => {
    await withSandbox({ seed: smallPortal(2, 3) }, async (_sandbox, client) => {
      const company = await client.crm.companies.basicApi.getById('2', ['name', 'annualrevenue'], undefined, ['contacts', 'deals']);
      expect(company.properties.name).toBe('Company 2');
      expect(company.properties.annualrevenue).toBeNull();
      expect(company.associations?.contacts?.results.map((associated) => associated.type)).toEqual(['company_to_contact', 'company_to_contact', 'company_to_contact']);
      expect(company.associations?.deals?.results.map((associated) => associated.id).sort()).toEqual(['20', '21']);
    });
  });

  it('creates, updates and keeps every written value in the property history, newest first', async () => {
    await withSandbox({}, async (sandbox, client) => {
      await call(sandbox, 'POST', '/_sandbox/clock', { now: '2026-01-01T00:00:00Z' });
      const created = await client.crm.deals.basicApi.create({ properties: { dealname: 'First', amount: '100' }, associations: [] });
      await call(sandbox, 'POST', '/_sandbox/clock', { now: '2026-02-01T00:00:00Z' });
      await client.crm.deals.basicApi.update(created.id, { properties: { amount: '250' } });
      const read = await client.crm.deals.basicApi.getById(created.id, ['amount'], ['amount']);
      expect(read.properties.amount).toBe('250');
      expect(read.properties.hs_lastmodifieddate).toBe('2026-02-01T00:00:00.000Z');
      expect(read.propertiesWithHistory?.amount?.map((entry) => [entry.value, entry.timestamp.toISOString(), entry.sourceType])).toEqual([
        ['250', '2026-02-01T00:00:00.000Z', 'API'],
        ['100', '2026-01-01T00:00:00.000Z', 'API'],
      ]);
    });
  });

  it('reads, creates and updates in batches of at most 100 and answers 400 above', async () => {
    await withSandbox({ seed: smallPortal(150) }, async (sandbox, client) => {
      const ids = Array.from({ length: 100 }, (_, index) => ({ id: String(index + 1) }));
      const read = await client.crm.companies.batchApi.read({ inputs: ids, properties: ['name'], propertiesWithHistory: [] });
      expect(read.results).toHaveLength(100);
      const tooMany = await call(sandbox, 'POST', '/crm/v3/objects/companies/batch/read', { inputs: [...ids, { id: '101' }], properties: [] });
      expect(tooMany.status).toBe(400);
      expect(tooMany.json.errors[0].in).toBe('inputs');
      const created = await client.crm.contacts.batchApi.create({ inputs: [{ properties: { email: 'a@x.example' }, associations: [] }, { properties: { email: 'b@x.example' }, associations: [] }] });
      expect(created.results.map((contact) => contact.properties.email).sort()).toEqual(['a@x.example', 'b@x.example']);
      const updated = await client.crm.companies.batchApi.update({ inputs: [{ id: '1', properties: { name: 'Renamed' } }] });
      expect(updated.results[0]?.properties.name).toBe('Renamed');
      const tooManyUpdates = await call(sandbox, 'POST', '/crm/v3/objects/companies/batch/update', {
        inputs: Array.from({ length: 101 }, (_, index) => ({ id: String(index + 1), properties: { name: 'x' } })),
      });
      expect(tooManyUpdates.status).toBe(400);
      expect((await client.crm.companies.basicApi.getById('2')).properties.name).toBe('Company 2');
    });
  });

  it('answers 207 listing the unknown ids of a batch read and still returns the known ones', async () => {
    await withSandbox({ seed: smallPortal(2) }, async (sandbox) => {
      const response = await call(sandbox, 'POST', '/crm/v3/objects/companies/batch/read', { inputs: [{ id: '1' }, { id: '404' }], properties: [] });
      expect(response.status).toBe(207);
      expect(response.json.results.map((result: { id: string }) => result.id)).toEqual(['1']);
      expect(response.json.errors[0].context.ids).toEqual(['404']);
    });
  });

  it('rejects a whole batch update naming the input and property when one value has the wrong type', async () => {
    await withSandbox({ seed: smallPortal(2) }, async (_sandbox, client) => {
      const failure = await apiError(
        client.crm.companies.batchApi.update({ inputs: [{ id: '1', properties: { name: 'ok' } }, { id: '2', properties: { numberofemployees: 'many' } }] }),
      );
      expect(failure.code).toBe(400);
      expect(failure.body.errors[0].in).toBe('inputs[1].properties.numberofemployees');
      expect((await client.crm.companies.basicApi.getById('1')).properties.name).toBe('Company 1');
    });
  });

  it('refuses unknown and read-only properties but lets seeding write the calculated deal MRR', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (_sandbox, client) => {
      const unknown = await apiError(client.crm.companies.basicApi.update('1', { properties: { not_a_property: 'x' } }));
      expect(unknown.body.errors[0]).toMatchObject({ in: 'properties.not_a_property', code: 'PROPERTY_DOESNT_EXIST' });
      const readOnly = await apiError(client.crm.companies.basicApi.update('1', { properties: { hs_object_id: '5' } }));
      expect(readOnly.body.errors[0].code).toBe('READ_ONLY_VALUE');
      const deal = await client.crm.deals.basicApi.update('10', { properties: { hs_mrr: '450' } });
      expect(deal.properties.hs_mrr).toBe('450');
    });
  });
});

describe('sandbox control namespace', () => {
  it('resets to the seeded portal and reports counts in stats, outside the token and the counters', async () => {
    await withSandbox({ seed: smallPortal(3) }, async (sandbox, client) => {
      await client.crm.companies.basicApi.create({ properties: { name: 'Extra' }, associations: [] });
      const before = await call(sandbox, 'GET', '/_sandbox/stats', undefined, { authorization: '' });
      expect(before.json.objects.companies).toBe(4);
      expect(before.json.requests.endpoints['objects.create'].requests).toBe(1);
      await call(sandbox, 'POST', '/_sandbox/reset', undefined, { authorization: '' });
      const after = await call(sandbox, 'GET', '/_sandbox/stats');
      expect(after.json.objects.companies).toBe(3);
      expect(after.json.requests.total).toBe(0);
      const endpoints = await call(sandbox, 'GET', '/_sandbox/endpoints');
      expect(endpoints.json.results.length).toBeGreaterThan(20);
    });
  });
});

describe('sandbox batch create with associations', () => {
  it('creates nothing when one input points at an object that does not exist', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox, client) => {
      const association = (id: string) => [{ to: { id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 339 }] }];
      const failure = await apiError(
        client.crm.tickets.batchApi.create({ inputs: [{ properties: { subject: 'ok' }, associations: association('1') }, { properties: { subject: 'orphan' }, associations: association('999') }] }),
      );
      expect(failure.code).toBe(404);
      expect(sandbox.store.table('tickets').size).toBe(0);
      const created = await client.crm.tickets.batchApi.create({ inputs: [{ properties: { subject: 'ok' }, associations: association('1') }] });
      expect(sandbox.store.associations('tickets', created.results[0]?.id ?? '', 'companies')).toEqual(['1']);
    });
  });
});

describe('sandbox inline association keys', () => {
  it('keys line items as "line items", with a space, as HubSpot does', async () => {
    const seed = (sink: import('../../src/sandbox/seed-format').SeedSink) => {
      sink.object('deals', { id: '1', properties: { dealname: 'Renewal' } });
      sink.object('line_items', { id: '7', properties: { name: 'Seats' } });
      sink.associate('deals', '1', 'line_items', '7');
    };
    await withSandbox({ seed }, async (_sandbox, client) => {
      const deal = await client.crm.deals.basicApi.getById('1', undefined, undefined, ['line_items']);
      expect(Object.keys(deal.associations ?? {})).toEqual(['line items']);
      expect(deal.associations?.['line items']?.results[0]).toEqual(expect.objectContaining({ id: '7', type: 'deal_to_line_item' }));
    });
  });
});

describe('sandbox reads by idProperty', () => {
  it('reads contacts by email, one by one and in a batch', async () => {
    await withSandbox({ seed: smallPortal(2) }, async (_sandbox, client) => {
      const one = await client.crm.contacts.basicApi.getById('person10002@company2.example', ['email'], undefined, undefined, false, 'email');
      expect(one.id).toBe('10002');
      const batch = await client.crm.contacts.batchApi.read({ inputs: [{ id: 'person10001@company1.example' }], idProperty: 'email', properties: ['email'], propertiesWithHistory: [] });
      expect(batch.results.map((contact) => contact.id)).toEqual(['10001']);
    });
  });
});
