import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPANY_PROPERTIES } from '../../src/domain/computed-properties';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties, type HubSpotGateway } from '../../src/hubspot';
import { runFullSync } from '../../src/sync/full-sync';
import type { RunningSandbox } from '../../src/sandbox/server';
import { AS_OF, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';

const shape = { companies: 250, contactsPerCompany: 2, dealsPerCompany: 3, ticketsPerCompany: 2, bigCompanyContacts: 0 };
const stateDir = () => mkdtempSync(join(tmpdir(), 'cs-sync-'));

const sync = (gateway: HubSpotGateway, dir: string, dryRun = false) =>
  runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'checkpoint.jsonl'), modelPath: join(dir, 'model.json'), runKey: 'test', now: () => AS_OF, dryRun });

/** Every company's computed properties as the sandbox holds them. */
function storedValues(sandbox: RunningSandbox): Record<string, Record<string, string | undefined>> {
  const names = COMPANY_PROPERTIES.map((p) => p.name);
  const out: Record<string, Record<string, string | undefined>> = {};
  for (let i = 1; i <= shape.companies; i++) {
    const company = sandbox.store.getObject('companies', String(i));
    out[i] = Object.fromEntries(names.map((n) => [n, company?.properties[n] || undefined]));
  }
  return out;
}

describe('runFullSync', () => {
  it('reads the portal in a handful of calls per 100 companies and writes only what changed', async () => {
    await withPortal({ seed: seedPortal(shape) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const before = gateway.totalCalls();
      const first = await sync(gateway, stateDir());
      const calls = gateway.totalCalls() - before;
      expect(first.companiesRead).toBe(250);
      expect(first.companiesChanged).toBe(250);
      expect(first.failed).toEqual([]);
      // 3 pages x (list + deals + tickets + contacts + feedback links + feedback) + owners, pipelines, goals, mapping check + 3 write batches
      expect(calls).toBeLessThanOrEqual(0.3 * 250);
      expect(first.apiCalls['companies.batchUpdate']).toBe(3);
      const values = storedValues(sandbox);
      expect(values['7'].cs_health_score).toMatch(/^\d+$/);
      expect(values['7'].cs_health_computed_at).toBe(AS_OF.toISOString());

      // Open deals carry the retention target: the customer's score, early churn risk and status.
      const openDeal = sandbox.store.getObject('deals', '200003').properties;
      expect(openDeal.cs_customer_health_score).toBe(values['1'].cs_health_score);
      expect(openDeal.cs_early_churn_risk).toMatch(/^(low|medium|high)$/);
      expect(openDeal.cs_retention_target_status).toMatch(/^(on_track|at_risk|missed)$/);
      expect(sandbox.store.getObject('deals', '200001').properties.cs_retention_target_status).toBeUndefined();

      const again = await sync(gateway, stateDir());
      expect(again.companiesChanged).toBe(0);
      expect(again.dealsUpdated).toBe(0);
      expect(again.apiCalls['companies.batchUpdate'] ?? 0).toBe(first.apiCalls['companies.batchUpdate']);
    });
  });

  it('shows what would change on a dry run and writes nothing', async () => {
    await withPortal({ seed: seedPortal(shape) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const summary = await sync(gateway, stateDir(), true);
      expect(summary.dryRun).toBe(true);
      expect(summary.companiesChanged).toBe(250);
      expect(summary.preview?.[0].changes.cs_health_band?.to).toMatch(/^(healthy|neutral|at_risk)$/);
      expect(gateway.callCounts()['companies.batchUpdate']).toBeUndefined();
      expect(storedValues(sandbox)['1'].cs_health_score).toBeUndefined();
    });
  });
});
