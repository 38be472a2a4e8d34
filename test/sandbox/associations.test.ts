import { call, smallPortal, withSandbox } from './sandbox-test-kit';

describe('sandbox associations v4', () => {
  it('batch reads associations with the default HubSpot type ids', async () => {
    await withSandbox({ seed: smallPortal(3, 2) }, async (_sandbox, client) => {
      const result = await client.crm.associations.v4.batchApi.getPage('companies', 'deals', { inputs: [{ id: '1' }, { id: '2' }] });
      const byCompany = Object.fromEntries(result.results.map((row) => [row._from.id, row.to.map((to) => Number(to.toObjectId)).sort()]));
      expect(byCompany).toEqual({ '1': [10, 11], '2': [20, 21] });
      expect(result.results[0]?.to[0]?.associationTypes).toEqual([expect.objectContaining({ category: 'HUBSPOT_DEFINED', typeId: 342 })]);
      const reverse = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: '10' }] });
      expect(reverse.results[0]?.to[0]?.associationTypes[0]?.typeId).toBe(341);
      const contacts = await client.crm.associations.v4.batchApi.getPage('contacts', 'companies', { inputs: [{ id: '10001' }] });
      expect(contacts.results[0]?.to[0]?.associationTypes[0]?.typeId).toBe(279);
    });
  });

  it('pages the associations of one input past 500 and accepts 1,000 inputs but not 1,001', async () => {
    await withSandbox({ seed: smallPortal(1, 1_203) }, async (sandbox, client) => {
      const collected: number[] = [];
      let after: string | undefined;
      let calls = 0;
      do {
        const page = await client.crm.associations.v4.batchApi.getPage('companies', 'contacts', { inputs: [{ id: '1', after: after as string }] });
        const row = page.results[0];
        collected.push(...(row?.to ?? []).map((to) => Number(to.toObjectId)));
        after = row?.paging?.next?.after;
        calls += 1;
      } while (after);
      expect(calls).toBe(3);
      expect(new Set(collected).size).toBe(1_203);
      const thousand = await call(sandbox, 'POST', '/crm/v4/associations/companies/contacts/batch/read', { inputs: Array.from({ length: 1_000 }, (_, index) => ({ id: String(index + 1) })) });
      expect(thousand.status).toBe(207);
      const tooMany = await call(sandbox, 'POST', '/crm/v4/associations/companies/contacts/batch/read', { inputs: Array.from({ length: 1_001 }, (_, index) => ({ id: String(index + 1) })) });
      expect([tooMany.status, tooMany.json.errors[0].in]).toEqual([400, 'inputs']);
    });
  });

  it('creates default associations one by one and in bulk, both ways, and 404s on unknown objects', async () => {
    await withSandbox({ seed: smallPortal(2) }, async (sandbox, client) => {
      const ticket = await client.crm.tickets.basicApi.create({ properties: { subject: 'Help' }, associations: [] });
      await client.crm.associations.v4.basicApi.createDefault('tickets', ticket.id, 'companies', '1');
      await client.crm.associations.v4.batchApi.createDefault('companies', 'contacts', { inputs: [{ _from: { id: '2' }, to: { id: '10001' } }] });
      const fromCompany = await client.crm.associations.v4.batchApi.getPage('companies', 'tickets', { inputs: [{ id: '1' }] });
      expect(fromCompany.results[0]?.to.map((to) => String(to.toObjectId))).toEqual([ticket.id]);
      expect(fromCompany.results[0]?.to[0]?.associationTypes[0]?.typeId).toBe(340);
      const contacts = await client.crm.associations.v4.basicApi.getPage('companies', '2', 'contacts');
      expect(contacts.results.map((to) => Number(to.toObjectId))).toEqual([10002, 10001]);
      const missing = await call(sandbox, 'PUT', '/crm/v4/objects/tickets/999/associations/default/companies/1');
      expect([missing.status, missing.json.category]).toEqual([404, 'OBJECT_NOT_FOUND']);
    });
  });

  it('keeps a labelled association type created in bulk beside the default one', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (_sandbox, client) => {
      await client.crm.associations.v4.batchApi.create('deals', 'companies', {
        inputs: [{ _from: { id: '10' }, to: { id: '1' }, types: [{ associationCategory: 'USER_DEFINED' as never, associationTypeId: 7 }] }],
      });
      const read = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', { inputs: [{ id: '10' }] });
      expect(read.results[0]?.to[0]?.associationTypes.map((type) => type.typeId)).toEqual([341, 7]);
    });
  });
});
