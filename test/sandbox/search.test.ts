import type { SeedSink } from '../../src/sandbox/seed-format';
import { apiError, call, smallPortal, withSandbox } from './sandbox-test-kit';

/** Five tickets with varied values; ticket 5 has no priority. */
function tickets(sink: SeedSink) {
  const rows: [string, string, string, string, string][] = [
    ['1', 'HIGH', '2026-01-05T00:00:00Z', '30', 'Login broken after update'],
    ['2', 'LOW', '2026-01-10T00:00:00Z', '5', 'Invoice question'],
    ['3', 'MEDIUM', '2026-02-01T00:00:00Z', '120', 'Export to CSV is slow'],
    ['4', 'HIGH', '2026-03-01T00:00:00Z', '9', 'Cannot login with SSO'],
    ['5', '', '2026-03-15T00:00:00Z', '', 'Feature request: dark mode'],
  ];
  for (const [id, priority, closed, time, subject] of rows) {
    const properties: Record<string, string> = { subject, closed_date: closed };
    if (priority) properties.hs_ticket_priority = priority;
    if (time) properties.time_to_close = time;
    sink.object('tickets', { id, properties });
  }
  sink.object('companies', { id: '100', properties: { name: 'Acme' } });
  sink.associate('tickets', '1', 'companies', '100');
  sink.associate('tickets', '3', 'companies', '100');
}

type Filter = { propertyName: string; operator: string; value?: string; highValue?: string; values?: string[] };

describe('sandbox search', () => {
  const cases: [string, Filter, string[]][] = [
    ['EQ (case-insensitive text)', { propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'high' }, ['1', '4']],
    ['NEQ (includes objects without a value)', { propertyName: 'hs_ticket_priority', operator: 'NEQ', value: 'HIGH' }, ['2', '3', '5']],
    ['LT on numbers, not strings', { propertyName: 'time_to_close', operator: 'LT', value: '10' }, ['2', '4']],
    ['LTE', { propertyName: 'time_to_close', operator: 'LTE', value: '30' }, ['1', '2', '4']],
    ['GT on a datetime given as ms epoch', { propertyName: 'closed_date', operator: 'GT', value: String(Date.UTC(2026, 1, 1)) }, ['4', '5']],
    ['GTE on a datetime given as ISO', { propertyName: 'closed_date', operator: 'GTE', value: '2026-02-01T00:00:00Z' }, ['3', '4', '5']],
    ['BETWEEN', { propertyName: 'time_to_close', operator: 'BETWEEN', value: '9', highValue: '30' }, ['1', '4']],
    ['IN', { propertyName: 'hs_ticket_priority', operator: 'IN', values: ['LOW', 'MEDIUM'] }, ['2', '3']],
    ['NOT_IN', { propertyName: 'hs_ticket_priority', operator: 'NOT_IN', values: ['HIGH', 'LOW'] }, ['3', '5']],
    ['HAS_PROPERTY', { propertyName: 'hs_ticket_priority', operator: 'HAS_PROPERTY' }, ['1', '2', '3', '4']],
    ['NOT_HAS_PROPERTY', { propertyName: 'hs_ticket_priority', operator: 'NOT_HAS_PROPERTY' }, ['5']],
    ['CONTAINS_TOKEN', { propertyName: 'subject', operator: 'CONTAINS_TOKEN', value: 'login' }, ['1', '4']],
    ['CONTAINS_TOKEN with a wildcard', { propertyName: 'subject', operator: 'CONTAINS_TOKEN', value: 'exp*' }, ['3']],
    ['associations.company EQ', { propertyName: 'associations.company', operator: 'EQ', value: '100' }, ['1', '3']],
  ];

  it.each(cases)('filters with %s', async (_name, filter, expected) => {
    await withSandbox({ seed: tickets }, async (_sandbox, client) => {
      const result = await client.crm.tickets.searchApi.doSearch({ filterGroups: [{ filters: [filter as never] }], limit: 100 } as never);
      expect(result.results.map((ticket) => ticket.id).sort()).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });
  });

  it('ORs filter groups, ANDs filters within a group, and sorts descending', async () => {
    await withSandbox({ seed: tickets }, async (_sandbox, client) => {
      const result = await client.crm.tickets.searchApi.doSearch({
        filterGroups: [
          { filters: [{ propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'HIGH' }, { propertyName: 'time_to_close', operator: 'GT', value: '10' }] },
          { filters: [{ propertyName: 'hs_ticket_priority', operator: 'EQ', value: 'LOW' }] },
        ],
        sorts: [{ propertyName: 'time_to_close', direction: 'DESCENDING' }],
        limit: 10,
      } as never);
      expect(result.results.map((ticket) => ticket.id)).toEqual(['1', '2']);
    });
  });

  it('pages with after and reports the total of all matches', async () => {
    await withSandbox({ seed: smallPortal(450) }, async (_sandbox, client) => {
      const ids: string[] = [];
      let after: string | undefined;
      let total = 0;
      do {
        const page = await client.crm.companies.searchApi.doSearch({
          filterGroups: [{ filters: [{ propertyName: 'industry', operator: 'EQ', value: 'SOFTWARE' }] }],
          sorts: ['numberofemployees'],
          limit: 200,
          after,
        } as never);
        total = page.total;
        ids.push(...page.results.map((company) => company.id));
        after = page.paging?.next?.after;
      } while (after);
      expect(total).toBe(225);
      expect(ids).toHaveLength(225);
      expect(ids.slice(0, 3)).toEqual(['2', '4', '6']);
    });
  });

  it('enforces HubSpot limits: 200 per page, 5 groups, 10 filters per group, 25 filters in all, 10,000 results', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox) => {
      const filter = { propertyName: 'name', operator: 'HAS_PROPERTY' };
      const search = (body: unknown) => call(sandbox, 'POST', '/crm/v3/objects/companies/search', body);
      const tooLarge = await search({ limit: 201 });
      expect([tooLarge.status, tooLarge.json.errors[0].in]).toEqual([400, 'limit']);
      const sixGroups = await search({ filterGroups: Array.from({ length: 6 }, () => ({ filters: [filter] })) });
      expect([sixGroups.status, sixGroups.json.errors[0].in]).toEqual([400, 'filterGroups']);
      const elevenFilters = await search({ filterGroups: [{ filters: Array.from({ length: 11 }, () => filter) }] });
      expect([elevenFilters.status, elevenFilters.json.errors[0].in]).toEqual([400, 'filterGroups[0].filters']);
      const twentySix = await search({ filterGroups: [...Array.from({ length: 2 }, () => ({ filters: Array.from({ length: 10 }, () => filter) })), { filters: Array.from({ length: 6 }, () => filter) }] });
      expect([twentySix.status, twentySix.json.errors[0].code]).toEqual([400, 'TOO_MANY_FILTERS']);
      const twentyFive = await search({ filterGroups: [...Array.from({ length: 2 }, () => ({ filters: Array.from({ length: 10 }, () => filter) })), { filters: Array.from({ length: 5 }, () => filter) }] });
      expect(twentyFive.status).toBe(200);
      const pastTenThousand = await search({ after: '10000', limit: 10 });
      expect([pastTenThousand.status, pastTenThousand.json.errors[0].in]).toEqual([400, 'after']);
      const unknownOperator = await search({ filterGroups: [{ filters: [{ propertyName: 'name', operator: 'LIKE', value: 'x' }] }] });
      expect([unknownOperator.status, unknownOperator.json.errors[0].in]).toEqual([400, 'filterGroups[0].filters[0].operator']);
    });
  });

  it('counts searches separately from lists', async () => {
    await withSandbox({ seed: smallPortal(1) }, async (sandbox, client) => {
      await client.crm.companies.searchApi.doSearch({ limit: 1 } as never);
      expect(sandbox.store.stats.count('objects.search')).toBe(1);
      expect(sandbox.store.stats.count('objects.list')).toBe(0);
      await expect(apiError(client.crm.companies.searchApi.doSearch({ limit: 500 } as never))).resolves.toMatchObject({ code: 400 });
    });
  });
});

describe('sandbox search on garbage values', () => {
  it('never matches a non-numeric value with a numeric comparison, and does not fail', async () => {
    const seed = (sink: SeedSink) => {
      sink.object('deals', { id: '1', properties: { amount: 'abc' } });
      sink.object('deals', { id: '2', properties: { amount: '50' } });
    };
    await withSandbox({ seed }, async (_sandbox, client) => {
      for (const operator of ['LT', 'GT', 'EQ']) {
        const result = await client.crm.deals.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'amount', operator, value: '60' }] }] } as never);
        expect(result.results.map((deal) => deal.id)).toEqual(operator === 'LT' ? ['2'] : []);
      }
    });
  });
});
