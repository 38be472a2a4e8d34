import { apiError, smallPortal, withSandbox } from './sandbox-test-kit';

describe('sandbox properties and groups', () => {
  it('creates a group and a property once, then answers 409 to the same create, as HubSpot does', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (_sandbox, client) => {
      await client.crm.properties.groupsApi.create('companies', { name: 'customer_success', label: 'Customer success', displayOrder: 0 });
      const again = await apiError(client.crm.properties.groupsApi.create('companies', { name: 'customer_success', label: 'Customer success', displayOrder: 0 }));
      expect([again.code, again.body.category]).toEqual([409, 'CONFLICT']);
      const definition = { name: 'cs_health_score', label: 'Health score', type: 'number', fieldType: 'number', groupName: 'customer_success' } as never;
      const created = await client.crm.properties.coreApi.create('companies', definition);
      expect(created).toMatchObject({ name: 'cs_health_score', type: 'number', groupName: 'customer_success', hubspotDefined: false });
      const conflict = await apiError(client.crm.properties.coreApi.create('companies', definition));
      expect([conflict.code, conflict.body.category]).toEqual([409, 'CONFLICT']);
      const read = await client.crm.properties.coreApi.getByName('companies', 'cs_health_score');
      expect(read.label).toBe('Health score');
      const groups = await client.crm.properties.groupsApi.getAll('companies');
      expect(groups.results.map((group) => group.name)).toContain('customer_success');
    });
  });

  it('refuses a property in a group that does not exist, naming groupName', async () => {
    await withSandbox({}, async (_sandbox, client) => {
      const failure = await apiError(client.crm.properties.coreApi.create('deals', { name: 'x_y', label: 'X', type: 'string', fieldType: 'text', groupName: 'nope' } as never));
      expect([failure.code, failure.body.errors[0].in]).toEqual([400, 'groupName']);
    });
  });

  it('validates writes against a created enumeration and keeps each write in the history', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (_sandbox, client) => {
      await client.crm.properties.coreApi.create('companies', {
        name: 'cs_band', label: 'Band', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation',
        options: [{ label: 'Red', value: 'red', hidden: false, displayOrder: 0 }, { label: 'Green', value: 'green', hidden: false, displayOrder: 1 }],
      } as never);
      const bad = await apiError(client.crm.companies.basicApi.update('1', { properties: { cs_band: 'purple' } }));
      expect([bad.code, bad.body.errors[0].in, bad.body.errors[0].code]).toEqual([400, 'properties.cs_band', 'INVALID_OPTION']);
      await client.crm.companies.basicApi.update('1', { properties: { cs_band: 'red' } });
      await client.crm.companies.basicApi.update('1', { properties: { cs_band: 'red' } });
      await client.crm.companies.basicApi.update('1', { properties: { cs_band: 'green' } });
      const read = await client.crm.companies.basicApi.getById('1', ['cs_band'], ['cs_band']);
      expect(read.propertiesWithHistory?.cs_band?.map((entry) => entry.value)).toEqual(['green', 'red']);
    });
  });

  it('serves the default pipelines with stage probabilities and ticket states', async () => {
    await withSandbox({}, async (_sandbox, client) => {
      const deals = await client.crm.pipelines.pipelinesApi.getAll('deals');
      const closedWon = deals.results[0]?.stages.find((stage) => stage.id === 'closedwon');
      expect(closedWon?.metadata).toEqual({ probability: '1.0', isClosed: 'true' });
      const tickets = await client.crm.pipelines.pipelinesApi.getAll('tickets');
      expect(tickets.results[0]?.stages.map((stage) => stage.metadata?.ticketState)).toEqual(['OPEN', 'OPEN', 'OPEN', 'CLOSED']);
    });
  });

  it('pages owners and reads one by id', async () => {
    const seed = (sink: import('../../src/sandbox/seed-format').SeedSink) => {
      for (let index = 1; index <= 7; index += 1) {
        sink.owner({ id: String(index), email: `owner${index}@example.com`, firstName: 'Owner', lastName: String(index), userId: 100 + index, teams: [{ id: 't1', name: 'CS', primary: true }] });
      }
    };
    await withSandbox({ seed }, async (_sandbox, client) => {
      const first = await client.crm.owners.ownersApi.getPage(undefined, undefined, 5);
      expect(first.results).toHaveLength(5);
      const second = await client.crm.owners.ownersApi.getPage(undefined, first.paging?.next?.after, 5);
      expect(second.results.map((owner) => owner.id)).toEqual(['6', '7']);
      expect(second.paging).toBeUndefined();
      const one = await client.crm.owners.ownersApi.getById(3);
      expect(one).toMatchObject({ email: 'owner3@example.com', userId: 103, teams: [{ id: 't1', name: 'CS', primary: true }] });
    });
  });
});

describe('sandbox pipeline validation', () => {
  it('refuses a deal stage or ticket pipeline that does not exist, naming the property', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (_sandbox, client) => {
      const stage = await apiError(client.crm.deals.basicApi.update('10', { properties: { dealstage: 'nowhere' } }));
      expect([stage.code, stage.body.errors[0].in]).toEqual([400, 'properties.dealstage']);
      const pipeline = await apiError(client.crm.tickets.basicApi.create({ properties: { subject: 'x', hs_pipeline: '99' }, associations: [] }));
      expect([pipeline.code, pipeline.body.errors[0].in]).toEqual([400, 'properties.hs_pipeline']);
      const moved = await client.crm.deals.basicApi.update('10', { properties: { dealstage: 'closedlost' } });
      expect(moved.properties.dealstage).toBe('closedlost');
    });
  });
});
