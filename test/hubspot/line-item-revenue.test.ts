import { portalMappingSchema } from '../../src/domain/config/portal-mapping';
import { readCustomers, readPortalContext } from '../../src/hubspot';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { withPortal } from './hubspot-test-portal';

function portal(sink: SeedSink) {
  sink.property({ objectType: 'line_items', name: 'hs_term_in_months', label: 'term', type: 'number', fieldType: 'number', groupName: 'lineiteminformation' });
  sink.object('companies', { id: '1', properties: { name: 'Lines Co' } });
  sink.object('deals', { id: '10', properties: { dealstage: 'closedwon', pipeline: 'default', amount: '3600', hs_mrr: '999' } });
  sink.associate('deals', '10', 'companies', '1');
  const items = [
    { hs_mrr: '100', hs_recurring_billing_start_date: '2026-01-01', hs_term_in_months: '12' },
    { hs_mrr: '200', hs_recurring_billing_start_date: '2026-02-01', hs_term_in_months: '24' },
    { hs_mrr: 'lots', hs_recurring_billing_start_date: '2026-01-01', hs_term_in_months: '12' },
  ];
  items.forEach((properties, index) => {
    sink.object('line_items', { id: String(20 + index), properties });
    sink.associate('deals', '10', 'line_items', String(20 + index));
  });
}

describe('revenue from line items', () => {
  it('sums the recurring line items of a deal when the mapping says so, and reads none otherwise', async () => {
    await withPortal({ seed: portal }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const [fromLines] = await readCustomers(gateway, context, portalMappingSchema.parse({ revenue: { source: 'line_items' } }), ['1']);
      expect(fromLines.deals[0]).toMatchObject({ mrr: 300, contractStart: new Date('2026-01-01T00:00:00Z'), contractEnd: new Date('2028-02-01T00:00:00Z') });
      expect(gateway.warnings.get('line_item.mrr.invalid')).toBe(1);
      expect(gateway.callCounts()['line_items.batchRead']).toBe(1);

      const [fromDeal] = await readCustomers(gateway, context, portalMappingSchema.parse({}), ['1']);
      expect(fromDeal.deals[0].mrr).toBe(999);
      expect(gateway.callCounts()['line_items.batchRead']).toBe(1);
    });
  });
});
