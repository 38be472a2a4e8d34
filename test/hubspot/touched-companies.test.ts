import { companiesOfChanges, findTouchedCompanies, searchModifiedIds, type HubSpotGateway } from '../../src/hubspot';
import { DEFAULT_SHAPE, seedPortal, withPortal } from './hubspot-test-portal';

const update = (gateway: HubSpotGateway, objectType: string, id: string, properties: Record<string, string>) =>
  gateway.call('test.update', (client) => client.crm.objects.basicApi.update(objectType, id, { properties }));

describe('finding the companies touched since a time', () => {
  it('maps modified deals, tickets, contacts and companies to their companies through searches and association batch reads', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 30, bigCompanyContacts: 0 }) }, async (gateway) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Company 3's first deal is 200007 (3 deals per company); company 5's first ticket is 300009; company 9's first contact 100017.
      await update(gateway, 'deals', '200007', { dealname: 'renamed' });
      await update(gateway, 'tickets', '300009', { hs_ticket_priority: 'LOW' });
      await update(gateway, 'contacts', '100017', { email: 'new@c9.example' });
      await update(gateway, 'companies', '12', { name: 'Renamed Co' });
      const before = gateway.totalCalls();
      expect(await findTouchedCompanies(gateway, since)).toEqual(['3', '5', '9', '12']);
      expect(gateway.callCounts().search).toBe(5);
      expect(gateway.totalCalls() - before).toBeLessThanOrEqual(5 + 4);
    });
  });

  it('searches only the types it is told can have changed', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 30, bigCompanyContacts: 0 }) }, async (gateway) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await update(gateway, 'tickets', '300009', { hs_ticket_priority: 'LOW' });
      await update(gateway, 'deals', '200007', { dealname: 'renamed' });
      const before = gateway.totalCalls();
      // Only ticket events arrived: the deal change is some other run's business.
      expect(await findTouchedCompanies(gateway, since, { types: ['tickets'] })).toEqual(['5']);
      expect(gateway.totalCalls() - before).toBe(2);
    });
  });

  it('maps the objects webhook events name to their companies without searching', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 30, bigCompanyContacts: 0 }) }, async (gateway) => {
      expect(await companiesOfChanges(gateway, [{ objectType: 'companies', id: '12' }])).toEqual(['12']);
      expect(gateway.totalCalls()).toBe(0);
      expect(await companiesOfChanges(gateway, [{ objectType: 'deals', id: '200007' }])).toEqual(['3']);
      expect(gateway.totalCalls()).toBe(1);
      // Company 9's first contact is 100017; its answer is the 17th feedback submission.
      expect(await companiesOfChanges(gateway, [{ objectType: 'feedback_submissions', id: '400017' }, { objectType: 'tickets', id: '300009' }])).toEqual(['5', '9']);
      expect(gateway.callCounts().search).toBeUndefined();
    });
  });

  it('finds nothing when nothing changed', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 5, bigCompanyContacts: 0 }) }, async (gateway) => {
      expect(await findTouchedCompanies(gateway, new Date(Date.now() + 60_000))).toEqual([]);
    });
  });
});

describe('searching past the 10,000-result cap', () => {
  it('restarts from the last modification time seen and still finds every object once', async () => {
    const count = 10_150;
    const start = Date.parse('2026-10-01T00:00:00Z');
    await withPortal(
      {
        seed: (sink) => {
          for (let index = 0; index < count; index += 1) {
            sink.object('contacts', { id: String(index + 1), properties: { email: `c${index}@x.example` }, updatedAt: new Date(start + index * 1000).toISOString() });
          }
        },
      },
      async (gateway) => {
        const ids = await searchModifiedIds(gateway, 'contacts', new Date(start));
        expect(ids.size).toBe(count);
        // 50 pages reach the cap; the restart re-reads the boundary object and the rest.
        expect(gateway.callCounts().search).toBeLessThanOrEqual(Math.ceil(count / 200) + 2);
        expect(gateway.warnings.toJSON()).toEqual({});
      },
    );
  });
});
