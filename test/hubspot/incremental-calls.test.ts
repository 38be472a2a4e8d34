import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { companiesOfChanges, ensureCsProperties, PortalContextCache, readCustomerPages } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { recomputeCompanies } from '../../src/sync/recompute-companies';
import { AS_OF, callsOf, withPortal } from './hubspot-test-portal';

jest.setTimeout(120_000);
const seed = (sink: Parameters<typeof generateDemoPortal>[1]) => generateDemoPortal({ companies: 400, seed: 11, asOf: AS_OF }, sink);

describe('what one change costs once the portal context is cached', () => {
  it('reflects a new ticket on its company in at most 8 calls in all: its company, the read and the write', async () => {
    await withPortal({ seed }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const contexts = new PortalContextCache(gateway);
      // A first recompute settles the companies' values, so the next write is the ticket's effect alone;
      // the change goes to an active customer, the only kind whose health is scored.
      const candidates = Array.from({ length: 20 }, (_, i) => String(1001 + i));
      await recomputeCompanies(gateway, config, candidates, AS_OF, { context: await contexts.get() });
      const companyId = candidates.find((id) => sandbox.store.getObject('companies', id).properties.cs_customer_status === 'active' && Number(sandbox.store.getObject('companies', id).properties.cs_health_score) > 60) as string;
      expect(companyId).toBeDefined();
      const before = sandbox.store.getObject('companies', companyId).properties.cs_health_score;
      for (let i = 0; i < 3; i++) {
        const ticket = sandbox.store.createObject('tickets', { subject: 'Outage', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'URGENT', createdate: new Date(AS_OF.getTime() - 86_400_000).toISOString() });
        sandbox.store.associate('tickets', ticket.id, 'companies', companyId);
        if (i === 2) {
          // The webhook event names the ticket; everything else follows from it.
          let written = 0;
          const calls = await callsOf(gateway, async () => {
            const companies = await companiesOfChanges(gateway, [{ objectType: 'tickets', id: ticket.id }]);
            expect(companies).toEqual([companyId]);
            written = (await recomputeCompanies(gateway, config, companies, AS_OF, { context: await contexts.get() })).written;
          });
          expect(written).toBe(1);
          // Issue 15's target: the ticket's company (1), the company with its links (1), deals, tickets, the
          // contacts' and tickets' answer links, the answers (5) and the write (1); no contact is read
          // because none of the company's answers is a detractor's.
          expect(calls).toBeLessThanOrEqual(8);
        }
      }
      expect(Number(sandbox.store.getObject('companies', companyId).properties.cs_health_score)).toBeLessThan(Number(before));
    });
  });

  it('recomputes 100 changed companies in a fraction of a call each, and no more than a full read of them costs', async () => {
    await withPortal({ seed }, async (gateway) => {
      await ensureCsProperties(gateway);
      const contexts = new PortalContextCache(gateway);
      const context = await contexts.get();
      // What the same companies cost in a full read, assembled at once (the floor for reading them).
      const ids: string[] = [];
      let fullRead = 0;
      fullRead = await callsOf(gateway, async () => {
        for await (const page of readCustomerPages(gateway, context, config.mapping, { pageSize: 100 })) {
          ids.push(...page.customers.map((customer) => customer.id));
          break;
        }
      });
      const changes = ids.map((id) => ({ objectType: 'companies' as const, id }));
      let written = 0;
      const calls = await callsOf(gateway, async () => {
        written = (await recomputeCompanies(gateway, config, await companiesOfChanges(gateway, changes), AS_OF, { context: await contexts.get() })).written;
      });
      expect(written).toBeGreaterThan(0);
      // By id: one companies batch read and three association reads replace the list call; plus one write.
      expect(calls).toBeLessThanOrEqual(fullRead + 3 + 1);
    });
  });
});
