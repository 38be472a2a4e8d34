import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessCustomer } from '../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../src/domain/assessment/company-property-values';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, ensureCsProperties, readCustomerNaively, readPortalContext } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { runFullSync } from '../../src/sync/full-sync';
import { loadChurnModel } from '../../src/sync/model-store';
import { AS_OF, TOKEN, withPortal } from '../hubspot/hubspot-test-portal';

describe('the product sync and a naive per-company reader on the same demo portal', () => {
  it('produce identical properties, the sync at a fraction of the calls', async () => {
    await withPortal({ seed: (sink) => generateDemoPortal({ companies: 150, seed: 3, asOf: AS_OF }, sink) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-naive-'));
      const before = gateway.totalCalls();
      const summary = await runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'eq', now: () => AS_OF });
      const syncCalls = gateway.totalCalls() - before;
      expect(summary.companiesRead).toBe(150);

      const naive = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 100_000, searchPerSecond: 100 } });
      try {
        const context = await readPortalContext(naive);
        const model = loadChurnModel(join(dir, 'm.json'));
        for (let id = 1001; id <= 1150; id++) {
          const customer = await readCustomerNaively(naive, context, DEFAULT_ENGINE_CONFIG.mapping, String(id));
          const expected = companyPropertyValues(assessCustomer(customer, DEFAULT_ENGINE_CONFIG, AS_OF, model));
          const stored = sandbox.store.getObject('companies', String(id)).properties;
          for (const [name, value] of Object.entries(expected)) expect([id, name, stored[name] || null]).toEqual([id, name, value]);
        }
        const naiveCalls = naive.totalCalls() + 150; // plus one PATCH per company
        expect(syncCalls * 15).toBeLessThan(naiveCalls);
      } finally {
        await naive.close();
      }
    });
  });
});
