import { companyPropertyValues } from '../../src/domain/assessment/company-property-values';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { ensureCsProperties, PortalContextCache, readCustomerPages } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { openStore } from '../../src/store/open-store';
import { recomputeCompanies } from '../../src/sync/recompute-companies';
import { AS_OF, callsOf, withPortal } from '../hubspot/hubspot-test-portal';

jest.setTimeout(120_000);
const seed = (sink: Parameters<typeof generateDemoPortal>[1]) => generateDemoPortal({ companies: 300, seed: 5, asOf: AS_OF }, sink);

describe('a change to companies\' own fields, with the store holding their latest reading', () => {
  it('recomputes 100 companies in at most 0.2 calls each, to the very values a full read gives', async () => {
    const store = await openStore({ memory: true });
    try {
      await withPortal({ seed }, async (gateway, sandbox) => {
        await ensureCsProperties(gateway);
        const contexts = new PortalContextCache(gateway);
        const context = await contexts.get();
        // The full sync's reading of the first 100 companies, as it lands in the store.
        const ids: string[] = [];
        for await (const page of readCustomerPages(gateway, context, config.mapping, { pageSize: 100 })) {
          await store.companies.write(page.customers.map((customer) => ({ customer, readAt: AS_OF })));
          ids.push(...page.customers.map((c) => c.id));
          break;
        }
        await recomputeCompanies(gateway, config, ids, AS_OF, { context });

        // Product usage collapses at all 100 (a company property: nothing linked to them moved).
        for (const id of ids) sandbox.store.updateObject('companies', id, { cs_usage_score: '3' });
        let result: Awaited<ReturnType<typeof recomputeCompanies>> | undefined;
        const calls = await callsOf(gateway, async () => {
          result = await recomputeCompanies(gateway, config, ids, AS_OF, { context: await contexts.get(), records: store.companies, companyOnly: ids });
        });
        expect(result!.fromStore).toBe(100);
        expect(result!.written).toBeGreaterThan(0);
        expect(calls / ids.length).toBeLessThanOrEqual(0.2);

        // The same companies read in full now give the same values as the ones just written.
        const full = await recomputeCompanies(gateway, config, ids, AS_OF, { context, dryRun: true });
        const values = (r: NonNullable<typeof result>) => new Map(r.assessments.map((a) => [a.customerId, companyPropertyValues(a)]));
        expect(values(result!)).toEqual(values(full));
        expect(result!.assessments.some((a) => a.health?.components.some((c) => c.key === 'usage'))).toBe(true);
      });
    } finally {
      await store.close();
    }
  });

  it('reads a company in full when the store has no reading of it, and saves the reading it made', async () => {
    const store = await openStore({ memory: true });
    try {
      await withPortal({ seed }, async (gateway) => {
        await ensureCsProperties(gateway);
        const context = await new PortalContextCache(gateway).get();
        const result = await recomputeCompanies(gateway, config, ['1001', '1002'], AS_OF, { context, records: store.companies, companyOnly: ['1001', '1002'] });
        expect(result.fromStore).toBe(0);
        expect(result.assessments).toHaveLength(2);
        const saved = await store.companies.getMany(['1001', '1002']);
        expect([...saved.keys()].sort()).toEqual(['1001', '1002']);
        expect(saved.get('1001')!.customer.deals.length).toBeGreaterThan(0);
      });
    } finally {
      await store.close();
    }
  });
});
