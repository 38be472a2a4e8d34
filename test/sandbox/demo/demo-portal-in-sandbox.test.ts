import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal';
import { withSandbox } from '../sandbox-test-kit';
import { AS_OF, recordPortal } from './recorded-portal';

const OPTIONS = { companies: 120, seed: 5 };

describe('the demo portal served by the sandbox, read with @hubspot/api-client', () => {
  // The generator is deterministic: the recorded copy says what the sandbox must serve.
  const expected = recordPortal(OPTIONS);

  it('serves every company page by page, the pipelines, the owners and the demo properties', async () => {
    await withSandbox({ seed: (sink) => void generateDemoPortal({ ...OPTIONS, asOf: AS_OF }, sink) }, async (_sandbox, client) => {
      const ids: string[] = [];
      let after: string | undefined;
      do {
        const page = await client.crm.companies.basicApi.getPage(100, after, ['name', 'cs_segment']);
        ids.push(...page.results.map((c) => c.id));
        after = page.paging?.next?.after;
      } while (after);
      expect(ids.sort()).toEqual([...expected.objects.companies.keys()].sort());

      const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
      expect(pipelines.results.map((p) => p.id).sort()).toEqual(['default', 'renewals']);
      const owners = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100);
      expect(owners.results.map((o) => o.id).sort()).toEqual(expected.owners.map((o) => o.id).sort());
      const usage = await client.crm.properties.coreApi.getByName('companies', 'cs_usage_score');
      expect(usage.type).toBe('number');
    });
  });

  it('answers searches and associations with the seeded figures, and keeps non-ASCII verbatims intact', async () => {
    await withSandbox({ seed: (sink) => void generateDemoPortal({ ...OPTIONS, asOf: AS_OF }, sink) }, async (_sandbox, client) => {
      const lost = [...expected.objects.deals.values()].filter((d) => d.properties.dealstage === 'renewallost');
      const search = await client.crm.deals.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'dealstage', operator: 'EQ' as never, value: 'renewallost' }] }], limit: 1 } as never);
      expect(search.total).toBe(lost.length);

      const company = await client.crm.companies.basicApi.getById('1001', ['notes_last_contacted'], undefined, ['deals', 'tickets', 'contacts']);
      const count = (type: string) => company.associations?.[type]?.results.length;
      expect([count('deals'), count('tickets'), count('contacts')]).toEqual([
        expected.associated('companies', '1001', 'deals').length,
        expected.associated('companies', '1001', 'tickets').length,
        expected.associated('companies', '1001', 'contacts').length,
      ]);
      expect(company.properties.notes_last_contacted).toBe(expected.objects.companies.get('1001')?.properties.notes_last_contacted);

      const accented = [...expected.objects.feedback_submissions.values()].find((f) => /[^\x00-\x7F]/.test(f.properties.hs_content ?? ''));
      const read = await client.crm.objects.basicApi.getById('feedback_submissions', accented?.id ?? '', ['hs_content']);
      expect(read.properties.hs_content).toBe(accented?.properties.hs_content);
    });
  });
});
