import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { readCustomerPages, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { readFloor } from '../../src/bench/portal-floor';
import { AS_OF, withPortal } from './hubspot-test-portal';

jest.setTimeout(180_000);

describe('reading a demo portal at the floor', () => {
  it('reads 3,000 companies and everything they link to within 1.05x of one call per 100 objects, answer links included', async () => {
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
      // Every company, deal, ticket and answer is read; of the contacts only those with a detractor
      // answer (the engine reads nothing else of a contact), so the contacts' share of the floor may go.
      expect(reads).toBeGreaterThanOrEqual(floor - Math.ceil(table('contacts') / 100));
      expect(reads).toBeLessThanOrEqual(1.05 * floor);
    });
  });
});
