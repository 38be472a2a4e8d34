import { ensureCsProperties, writeCompanyProperties, writeDealProperties } from '../../src/hubspot';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { withPortal } from './hubspot-test-portal';

function companies(count: number) {
  return (sink: SeedSink) => {
    for (let index = 1; index <= count; index += 1) sink.object('companies', { id: String(index), properties: { name: `C${index}` } });
    sink.object('deals', { id: '900', properties: { dealname: 'D', dealstage: 'closedwon', pipeline: 'default' } });
  };
}

const scores = (count: number, score: (index: number) => string | null) =>
  Array.from({ length: count }, (_, index) => ({ id: String(index + 1), properties: { cs_health_score: score(index + 1), cs_health_band: 'healthy' } }));

describe('writing computed properties', () => {
  it('batches 100 per call and makes no update call when nothing changed', async () => {
    await withPortal({ seed: companies(150) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const first = await writeCompanyProperties(gateway, scores(150, (index) => String(index % 100)));
      expect(first).toEqual({ written: 150, unchanged: 0, failed: [] });
      expect(gateway.callCounts()['companies.batchUpdate']).toBe(2);

      const second = await writeCompanyProperties(gateway, scores(150, (index) => String(index % 100)));
      expect(second).toEqual({ written: 0, unchanged: 150, failed: [] });
      expect(gateway.callCounts()['companies.batchUpdate']).toBe(2);
    });
  });

  it('sends only the changed values and clears a value that became absent', async () => {
    await withPortal({ seed: companies(3) }, async (gateway) => {
      await ensureCsProperties(gateway);
      await writeCompanyProperties(gateway, scores(3, () => '50'));
      const current = new Map([
        ['1', { cs_health_score: '50', cs_health_band: 'healthy' }],
        ['2', { cs_health_score: '50', cs_health_band: 'healthy' }],
        ['3', { cs_health_score: '50', cs_health_band: 'healthy' }],
      ]);
      const result = await writeCompanyProperties(gateway, scores(3, (index) => (index === 2 ? null : index === 3 ? '70' : '50')), current);
      expect(result).toEqual({ written: 2, unchanged: 1, failed: [] });
      const read = await gateway.call('check', (client) =>
        client.crm.objects.batchApi.read('companies', { inputs: [{ id: '2' }, { id: '3' }], properties: ['cs_health_score', 'cs_health_band'], propertiesWithHistory: [] }),
      );
      const byId = Object.fromEntries(read.results.map((object) => [object.id, object.properties]));
      expect(byId['2'].cs_health_score ?? '').toBe('');
      expect(byId['3'].cs_health_score).toBe('70');
    });
  });

  it('reports exactly the ids HubSpot rejected in a partial batch failure and writes the others', async () => {
    await withPortal({ seed: companies(5) }, async (gateway) => {
      await ensureCsProperties(gateway);
      // 777 does not exist (HubSpot answers 207); company 3's score is not a number (HubSpot rejects the whole batch with 400).
      const updates = [...scores(5, (index) => (index === 3 ? 'not-a-number' : '60')), { id: '777', properties: { cs_health_score: '60', cs_health_band: 'healthy' } }];
      const result = await writeCompanyProperties(gateway, updates, new Map());
      expect(result.written).toBe(4);
      expect(result.failed.map((failure) => failure.id).sort()).toEqual(['3', '777']);
      expect(result.failed.every((failure) => failure.message.length > 0)).toBe(true);
    });
  });

  it('writes deal properties the same way', async () => {
    await withPortal({ seed: companies(1) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const update = [{ id: '900', properties: { cs_early_churn_risk: 'low', cs_customer_health_score: '81' } }];
      expect(await writeDealProperties(gateway, update)).toEqual({ written: 1, unchanged: 0, failed: [] });
      expect(await writeDealProperties(gateway, update)).toEqual({ written: 0, unchanged: 1, failed: [] });
      expect(gateway.callCounts()['deals.batchUpdate']).toBe(1);
    });
  });

  it('reads nothing for the updates that carry their current values, and only the others', async () => {
    await withPortal({ seed: companies(3) }, async (gateway) => {
      await ensureCsProperties(gateway);
      await writeCompanyProperties(gateway, scores(3, () => '50'));
      const reads = () => gateway.callCounts()['companies.batchRead'] ?? 0;
      const before = reads();
      // Company 1's carried value is stale on purpose: the writer trusts it and sends 60 (the caller's read wins).
      const carried = [
        { id: '1', properties: { cs_health_score: '60' }, current: { cs_health_score: '40' } },
        { id: '2', properties: { cs_health_score: '50' }, current: { cs_health_score: '50' } },
      ];
      expect(await writeCompanyProperties(gateway, carried)).toEqual({ written: 1, unchanged: 1, failed: [] });
      expect(reads()).toBe(before);
      // Company 3 carries nothing: its value is read (one call) and found unchanged.
      expect(await writeCompanyProperties(gateway, [...carried, { id: '3', properties: { cs_health_score: '50' } }])).toEqual({ written: 1, unchanged: 2, failed: [] });
      expect(reads()).toBe(before + 1);
    });
  });

  it('loses no write when batch updates meet 5xx, resets and truncated answers', async () => {
    const faults = { seed: 1, endpoints: { 'objects.batchUpdate': { status503: 0.2, reset: 0.1, truncate: 0.1 } } };
    await withPortal({ seed: companies(250), faults }, async (gateway) => {
      await ensureCsProperties(gateway);
      const result = await writeCompanyProperties(gateway, scores(250, (index) => String(index % 101)), new Map());
      expect(result).toEqual({ written: 250, unchanged: 0, failed: [] });
      // More attempts than batches: the faults did happen and were retried.
      expect(gateway.callCounts()['companies.batchUpdate']).toBeGreaterThan(3);
      const again = await writeCompanyProperties(gateway, scores(250, (index) => String(index % 101)));
      expect(again).toEqual({ written: 0, unchanged: 250, failed: [] });
    }, { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 10 } });
  });
});
