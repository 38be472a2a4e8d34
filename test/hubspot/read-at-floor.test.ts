import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { readCustomerPages, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { readFloor } from '../../src/bench/portal-floor';
import { AS_OF, withPortal } from './hubspot-test-portal';

jest.setTimeout(180_000);

describe('reading a demo portal at the floor', () => {
  it('reads 3,000 companies and everything they link to within 1.05x of one call per 100 objects and one per 1,000 answer links', async () => {
    await withPortal({ seed: (sink) => generateDemoPortal({ companies: 3_000, seed: 42, asOf: AS_OF }, sink) }, async (gateway, sandbox) => {
      const context = await readPortalContext(gateway);
      const before = gateway.totalCalls();
      let companies = 0;
      let deals = 0;
      for await (const page of readCustomerPages(gateway, context, config.mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
        companies += page.customers.length;
        deals += page.customers.reduce((sum, customer) => sum + customer.deals.length, 0);
      }
      const reads = gateway.totalCalls() - before;
      const table = (type: Parameters<typeof sandbox.store.table>[0]) => sandbox.store.table(type).size;
      const floor = readFloor({ companies: table('companies'), deals: table('deals'), tickets: table('tickets'), contacts: table('contacts'), answers: table('feedback_submissions') });
      expect(companies).toBe(3_000);
      expect(deals).toBe(table('deals'));
      expect(reads).toBeGreaterThanOrEqual(floor);
      // The answers tied to contacts and to tickets are found through association reads (1,000 per
      // call): the ticket side counts CSAT given on a ticket only (issue 12). They are part of what the
      // engine must read, so they join the floor here; the floor left them out (issue 15 open).
      const associationReads = Math.ceil(table('contacts') / 1_000) + Math.ceil(table('tickets') / 1_000);
      expect(reads).toBeLessThanOrEqual(1.05 * (floor + associationReads));
    });
  });
});
