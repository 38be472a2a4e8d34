import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerSamples, firstTrainPeriod, type TrainingSample } from '../../src/domain/churn-risk/churn-model';
import { fitLogistic } from '../../src/domain/churn-risk/logistic-regression';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { ensureCsProperties, readCustomerPages, readPortalContext } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { runFullSync } from '../../src/sync/full-sync';
import { loadChurnModel } from '../../src/sync/model-store';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

const demo = { companies: 800, seed: 42 };

describe('a full sync streaming its results', () => {
  it('fits the demo portal’s churn model with exactly the coefficients of a fit on every lesson in reading order', async () => {
    await withPortal({ seed: (sink) => void generateDemoPortal({ ...demo, asOf: AS_OF }, sink) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-sync-model-'));
      const summary = await runFullSync({ gateway, config, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'demo', now: () => AS_OF });
      const model = loadChurnModel(join(dir, 'm.json'));
      if (model?.kind !== 'fitted') throw new Error(`expected a fitted model on the demo portal, got: ${model?.kind === 'rules' ? model.reason : 'none'}`);

      // The fit as it was before the reservoir: every customer's lessons, in reading order, trained on the earlier periods.
      const samples: TrainingSample[] = [];
      for await (const page of readCustomerPages(gateway, await readPortalContext(gateway), config.mapping)) for (const customer of page.customers) samples.push(...customerSamples(customer, config, AS_OF));
      const train = samples.filter((s) => (s.period ?? 0) >= firstTrainPeriod(config));
      expect(model.model).toEqual(fitLogistic(train.map((s) => s.features), train.map((s) => s.churned), { l2: config.churnRisk.model.l2 }));
      expect(summary.churnModel.report.sampling).toBe('every lesson the portal had was used');
      expect(summary.churnModel.report.sample.train).toBe(train.length);
    });
  }, 120_000);

  it('hands each page’s customers to the page sink before the checkpoint records the page', async () => {
    await withPortal({ seed: (sink) => void generateDemoPortal({ companies: 250, seed: 3, asOf: AS_OF }, sink) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-sync-sink-'));
      const checkpointPath = join(dir, 'c.jsonl');
      const seen: { ids: string[]; recordedPages: number; asOf: string }[] = [];
      const summary = await runFullSync({
        gateway, config, checkpointPath, modelPath: join(dir, 'm.json'), runKey: 'sink', now: () => AS_OF,
        pageSink: async (customers, asOf) => {
          seen.push({ ids: customers.map((c) => c.id), recordedPages: (JSON.parse(readFileSync(checkpointPath, 'utf8')) as { pages: unknown[] }).pages.length, asOf: asOf.toISOString() });
        },
      });
      expect(seen.map((s) => s.recordedPages)).toEqual([0, 1, 2]);
      expect(seen.every((s) => s.asOf === AS_OF.toISOString())).toBe(true);
      expect(new Set(seen.flatMap((s) => s.ids)).size).toBe(summary.companiesRead);
      expect(summary.companiesRead).toBe(250);
    });
  });
});
