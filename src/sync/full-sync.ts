import { fitChurnModel, type ChurnModel, type ChurnModelReport } from '../domain/churn-risk/churn-model';
import { riskBacktest } from '../domain/churn-risk/risk-backtest';
import { DAY_MS } from '../domain/time/days';
import type { EngineConfig } from '../domain/config/engine-config';
import { assertPortalSetUp, checkMappedProperties, readCustomerPages, readPortalContext, writeCompanyProperties, writeDealProperties, changedValues, type HubSpotGateway } from '../hubspot';
import { dealRetentionUpdates, repRecords } from './deal-retention-values';
import { customerResult, finalValues, type CustomerResult } from './customer-result';
import { saveChurnModel } from './model-store';
import { SyncCheckpoint } from './sync-checkpoint';
import { saveModelVersion, snapshotOf, writeSnapshots, type SyncStore } from './sync-records';

export interface SyncProgress {
  phase: 'reading' | 'fitting' | 'writing' | 'done';
  companiesRead: number;
  written: number;
  toWrite: number;
}

export interface FullSyncOptions {
  gateway: HubSpotGateway;
  config: EngineConfig;
  /** Where progress is recorded; a run killed mid-way resumes from it. */
  checkpointPath: string;
  modelPath: string;
  /** Identifies the portal and config: a checkpoint of another run key is not resumed. */
  runKey: string;
  now: () => Date;
  dryRun?: boolean;
  onProgress?: (progress: SyncProgress) => void;
  /**
   * The store every surface reads: the fitted model becomes its newest version, each company's
   * day a snapshot, the run a sync-run row. Without one (tests, one-off runs) the model goes to
   * `modelPath` only.
   */
  store?: SyncStore;
  /** The settings version `config` came from (0 = defaults), recorded with the model, snapshots and run. */
  settingsVersion?: number;
  /**
   * Companies assembled at once: batch reads are rounded up once per assembly, so 1,000 (the
   * CLI's choice, SYNC_COMPANIES_PER_ASSEMBLY) keeps a full sync near the call floor; the default,
   * one list page, checkpoints every 100 companies.
   */
  companiesPerAssembly?: number;
}

export interface PropertyChange {
  companyId: string;
  changes: Record<string, { from: string | null; to: string }>;
}

export interface SyncSummary {
  asOf: string;
  resumed: boolean;
  dryRun: boolean;
  companiesRead: number;
  companiesChanged: number;
  /** Deals whose retention-target properties changed. */
  dealsUpdated: number;
  propertiesChanged: number;
  failed: { id: string; message: string }[];
  apiCalls: Record<string, number>;
  apiCallsTotal: number;
  warnings: Record<string, number>;
  missingProperties: string[];
  /** The honest model report: what the model was judged on, and whether the portal gets it or the rule weights. */
  churnModel: { kind: ChurnModel['kind']; note: string; auc?: number; report: ChurnModelReport };
  /** The store's versions this run computed with and produced (absent without a store). */
  versions?: { settings: number; model: number | null; syncRun: number };
  /** The `--since` of the next incremental run: this run's start, so changes made during it are not missed. */
  nextSince: string;
  durationMs: number;
  /** With --dry-run: what would change (first 20 companies). */
  preview?: PropertyChange[];
}

const WRITE_BATCH = 100;
/** Deal write batches are recorded in the checkpoint after the company ones, from this number. */
const DEAL_BATCH_OFFSET = 1_000_000;

/**
 * The main job: read every company with what the engine needs, score it, fit the churn model on
 * the portal's history, and write back only the properties that changed.
 *
 * 1. read page by page (one list call + batch reads per 100 companies), keeping a small result per
 *    company and checkpointing each page;
 * 2. fit the churn model on the results' training samples (or fall back to rule weights);
 * 3. write changed values 100 companies per call, checkpointing each batch.
 * A run killed at any point and started again continues where it stopped with the same `asOf`.
 */
export async function runFullSync(options: FullSyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const { gateway, config } = options;
  const checkpoint = SyncCheckpoint.open(options.checkpointPath, options.runKey, options.now(), options.now(), { dryRun: options.dryRun });
  const asOf = checkpoint.asOf;
  const progress: SyncProgress = { phase: 'reading', companiesRead: 0, written: 0, toWrite: 0 };
  const report = () => options.onProgress?.({ ...progress });

  // A portal without cs-health's properties would reject every write batch: say so once, up front.
  if (!options.dryRun) await assertPortalSetUp(gateway);
  const settingsVersion = options.settingsVersion ?? 0;
  const run = options.store && !options.dryRun ? await options.store.syncRuns.start({ kind: 'full', asOf, startedAt: new Date(started), settingsVersion }) : undefined;
  try {
    const missingProperties = await checkMappedProperties(gateway, config.mapping);
    const results: CustomerResult[] = checkpoint.pages.flatMap((page) => page.records as CustomerResult[]);
    progress.companiesRead = results.length;
    report();
    if (!checkpoint.readComplete) {
      const context = await readPortalContext(gateway);
      for await (const page of readCustomerPages(gateway, context, config.mapping, { after: checkpoint.nextCursor, companiesPerAssembly: options.companiesPerAssembly })) {
        const scored = page.customers.map((customer) => customerResult(customer, config, asOf));
        checkpoint.recordPage(page.after, scored);
        results.push(...scored);
        progress.companiesRead = results.length;
        report();
      }
    }

    progress.phase = 'fitting';
    report();
    const model = withBacktest(fitChurnModel(results.flatMap((r) => r.samples ?? []), config), results, config, asOf);

    const updates = results.map((r) => ({ id: r.id, properties: finalValues(r, config, model), current: r.current }));
    const changed = updates.filter((u) => Object.keys(changedValues(u.properties, u.current)).length > 0);
    progress.phase = 'writing';
    progress.toWrite = changed.length;
    report();

    const failed: SyncSummary['failed'] = [];
    let propertiesChanged = 0;
    for (let batch = 0; batch * WRITE_BATCH < changed.length; batch++) {
      const slice = changed.slice(batch * WRITE_BATCH, (batch + 1) * WRITE_BATCH);
      propertiesChanged += slice.reduce((sum, u) => sum + Object.keys(changedValues(u.properties, u.current)).length, 0);
      if (!options.dryRun && !checkpoint.writtenBatches.has(batch)) {
        const result = await writeCompanyProperties(gateway, slice, new Map(slice.map((u) => [u.id, u.current])));
        failed.push(...result.failed);
        checkpoint.recordWrittenBatch(batch);
      }
      progress.written += slice.length;
      report();
    }

    // Deals: the retention target of open deals and of new business won in the last 90 days.
    const records = repRecords(results);
    const dealUpdates = results.flatMap((r) => dealRetentionUpdates(r, finalValues(r, config, model), records, (id) => r.dealOwners?.[id]));
    let dealsWritten = 0;
    for (let batch = 0; batch * WRITE_BATCH < dealUpdates.length; batch++) {
      const marker = DEAL_BATCH_OFFSET + batch;
      if (options.dryRun || checkpoint.writtenBatches.has(marker)) continue;
      const result = await writeDealProperties(gateway, dealUpdates.slice(batch * WRITE_BATCH, (batch + 1) * WRITE_BATCH));
      dealsWritten += result.written;
      failed.push(...result.failed);
      checkpoint.recordWrittenBatch(marker);
    }

    let versions: SyncSummary['versions'];
    if (!options.dryRun) {
      saveChurnModel(options.modelPath, model);
      if (options.store && run) {
        const modelVersion = await saveModelVersion(options.store, model, settingsVersion, asOf);
        await writeSnapshots(options.store, updates.map((u, i) => snapshotOf(results[i], u.properties, asOf, { settingsVersion, modelVersion })));
        versions = { settings: settingsVersion, model: modelVersion, syncRun: run.id };
      }
      checkpoint.finish(options.now());
    }
    progress.phase = 'done';
    report();
    const summary: SyncSummary = {
      asOf: asOf.toISOString(),
      resumed: checkpoint.resumed,
      dryRun: Boolean(options.dryRun),
      companiesRead: results.length,
      companiesChanged: changed.length,
      dealsUpdated: dealsWritten,
      propertiesChanged,
      failed,
      apiCalls: gateway.callCounts(),
      apiCallsTotal: gateway.totalCalls(),
      warnings: gateway.warnings.toJSON(),
      missingProperties,
      churnModel: model.kind === 'fitted'
        ? { kind: 'fitted', note: `fitted on this portal's history: ${model.report?.reason ?? ''}`, auc: model.quality.auc, report: model.report as ChurnModelReport }
        : { kind: 'rules', note: model.reason, report: model.report as ChurnModelReport },
      nextSince: checkpoint.header.startedAt,
      durationMs: Date.now() - started,
      preview: options.dryRun ? changed.slice(0, 20).map((u) => describeChange(u.id, u.properties, u.current)) : undefined,
      versions,
    };
    if (options.store && run) {
      await options.store.syncRuns.finish(run.id, {
        finishedAt: new Date(),
        outcome: failed.length ? 'partial' : 'ok',
        apiCalls: summary.apiCallsTotal,
        companiesChanged: summary.companiesChanged,
        modelVersion: versions?.model ?? null,
        summary: { ...summary, preview: undefined } as unknown as Record<string, unknown>,
      });
    }
    return summary;
  } catch (error) {
    // A run that stops half-way is recorded as failed, never left 'running' in the store.
    if (options.store && run) await options.store.syncRuns.finish(run.id, { finishedAt: new Date(), outcome: 'failed', apiCalls: gateway.totalCalls(), companiesChanged: 0, modelVersion: null, summary: { error: error instanceof Error ? error.message : String(error) } }).catch(() => undefined);
    throw error;
  }
}

/** The model with the backtest by level added to its report (kept with it, printed by `--json`). */
function withBacktest(model: ChurnModel, results: readonly CustomerResult[], config: EngineConfig, asOf: Date): ChurnModel {
  const levelsAsOf = new Date(asOf.getTime() - config.churnRisk.model.backtestDays * DAY_MS);
  const backtest = riskBacktest(results.flatMap((r) => (r.backtest ? [r.backtest] : [])), levelsAsOf);
  return model.report ? { ...model, report: { ...model.report, backtest } } : model;
}

function describeChange(companyId: string, next: Record<string, string | null>, current: Record<string, string | null>): PropertyChange {
  const changes: PropertyChange['changes'] = {};
  for (const [name, to] of Object.entries(changedValues(next, current))) changes[name] = { from: current[name] ?? null, to };
  return { companyId, changes };
}
