import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties, findTouchedCompanies, readPortalContext } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { runFullSync } from '../../src/sync/full-sync';
import { recomputeCompanies } from '../../src/sync/recompute-companies';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

describe('an incremental recompute after a change', () => {
  it('finds only the touched company, recomputes it in a few calls and writes its new values', async () => {
    await withPortal({ seed: (sink) => generateDemoPortal({ companies: 150, seed: 8, asOf: AS_OF }, sink) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-incr-'));
      await runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'incr', now: () => AS_OF });
      const before = sandbox.store.getObject('companies', '1005').properties.cs_health_score;

      // `--since` is the end of the last sync: its own writes are before it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // Three urgent tickets land on company 1005 (as HubSpot would record them).
      for (let i = 0; i < 3; i++) {
        const ticket = sandbox.store.createObject('tickets', { subject: 'Outage', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'URGENT', createdate: new Date(AS_OF.getTime() - 86_400_000).toISOString() });
        sandbox.store.associate('tickets', ticket.id, 'companies', '1005');
      }

      const context = await readPortalContext(gateway);
      const touched = await findTouchedCompanies(gateway, since);
      expect(touched).toEqual(['1005']);
      const callsBefore = gateway.totalCalls();
      const result = await recomputeCompanies(gateway, DEFAULT_ENGINE_CONFIG, touched, AS_OF, { context });
      expect(gateway.totalCalls() - callsBefore).toBeLessThanOrEqual(8);
      expect(result.written).toBe(1);
      expect(Number(sandbox.store.getObject('companies', '1005').properties.cs_health_score)).toBeLessThan(Number(before));
      expect(sandbox.store.getObject('companies', '1005').properties.cs_churn_risk_reasons).toBeTruthy();
    });
  });
});
