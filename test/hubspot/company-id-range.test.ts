import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import type { Customer } from '../../src/domain/customer';
import { companyIdBounds, readCustomerPages, readCustomerRange, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY } from '../../src/hubspot';
import { DEFAULT_SHAPE, seedPortal, withPortal } from './hubspot-test-portal';

const mapping = DEFAULT_ENGINE_CONFIG.mapping;

describe('reading the companies of one id range (CRM search on hs_object_id)', () => {
  it('finds the lowest and highest company ids in two searches', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      expect(await companyIdBounds(gateway)).toEqual({ lowest: '1', highest: String(DEFAULT_SHAPE.companies) });
      expect(gateway.callCounts()).toEqual({ search: 2 });
    });
  });

  it('reads the whole portal as the list-based read does, company 1’s 600 contacts included', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const listed: Customer[] = [];
      for await (const page of readCustomerPages(gateway, context, mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) listed.push(...page.customers);
      const ranged: Customer[] = [];
      for await (const customers of readCustomerRange(gateway, context, mapping, { from: '1', to: '151' }, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) ranged.push(...customers);
      expect(ranged).toEqual(listed);
      expect(ranged).toHaveLength(DEFAULT_SHAPE.companies);
    });
  });

  it('reads only the range [from, to), by id ascending, one fresh search per page and the linked records batched per assembly', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const before = gateway.callCounts();
      const assemblies: string[][] = [];
      for await (const customers of readCustomerRange(gateway, context, mapping, { from: '20', to: '95' }, { pageSize: 7, companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) assemblies.push(customers.map((c) => c.id));
      const ids = Array.from({ length: 75 }, (_, i) => String(20 + i));
      // Fewer than 1,000 companies: one assembly of the 11 search pages (10 of 7, one of 5).
      expect(assemblies).toEqual([ids]);
      const spent = (kind: string) => (gateway.callCounts()[kind] ?? 0) - (before[kind] ?? 0);
      expect(spent('search')).toBe(Math.ceil(75 / 7));
      expect(spent('companies.list')).toBe(0);
      expect(spent('deals.batchRead')).toBe(Math.ceil((75 * DEFAULT_SHAPE.dealsPerCompany) / 100));
      expect(spent('tickets.batchRead')).toBe(Math.ceil((75 * DEFAULT_SHAPE.ticketsPerCompany) / 100));
      // company -> contacts, deals, tickets; contact -> answers; ticket -> answers: one call each for the assembly.
      expect(spent('associations.batchRead')).toBe(5);
    });
  });

  it('reads nothing from a range without companies', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const read: Customer[][] = [];
      for await (const customers of readCustomerRange(gateway, context, mapping, { from: '151', to: '10000' })) read.push(customers);
      expect(read).toEqual([]);
    });
  });
});
