import type { ChurnModel, ChurnModelReport } from '../domain/churn-risk/churn-model';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Customer } from '../domain/customer';
import { assertPortalSetUp, checkMappedProperties, readCustomerPages, readPortalContext, type HubSpotGateway, type PortalContext } from '../hubspot';
import { customerResult } from './customer-result';
import { boundHeapGrowth } from './heap-growth';
import { saveChurnModel } from './model-store';
import { PortalTally } from './portal-tally';
import { countChanged, snapshotsOf, spooled, writeChanges, type PropertyChange } from './spool-writes';
import { SyncCheckpoint } from './sync-checkpoint';
import { saveModelVersion, writeSnapshots, type SyncStore } from './sync-records';

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
  /**
   * Where each page's customers go right after they are scored, awaited before the checkpoint
   * records the page (so a killed run hands the page over again when it resumes). By default, with
   * a store that has `companies`, the store's company records (not on a dry run); a company no page
   * read is then dropped from them once the run completes (deleted or merged in HubSpot).
   */
  pageSink?: (customers: readonly Customer[], asOf: Date) => Promise<void>;
  /** Owners, pipelines and goals: a caller that keeps them (the statements read them after the sync) shares them here. */
  portalContext?: () => Promise<PortalContext>;
}

export type { PropertyChange } from './spool-writes';

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

/**
 * The main job: read every company with what the engine needs, score it, fit the churn model on
 * the portal's history, and write back only the properties that changed.
 *
 * 1. read page by page (one list call + batch reads per 100 companies), appending a small result
 *    per company to the checkpoint's on-disk spool and checkpointing each page; what the fit and
 *    the deal targets need of the whole portal is added up as pages go ({@link PortalTally});
 * 2. fit the churn model on the tally's lessons (or fall back to rule weights);
 * 3. stream the spool: changed values written 100 companies per call and the deals' retention
 *    targets 100 deals per call, checkpointing each batch; then the day's snapshots, in chunks.
 * Memory holds one assembly of pages and the bounded tally, whatever the portal's size, and the
 * heap's growth between full collections is bounded ({@link boundHeapGrowth}).
 * A run killed at any point and started again continues where it stopped with the same `asOf`.
 */
export async function runFullSync(options: FullSyncOptions): Promise<SyncSummary> {
  const started = Date.now();
  const { gateway, config } = options;
  boundHeapGrowth();
  const checkpoint = SyncCheckpoint.open(options.checkpointPath, options.runKey, options.now(), options.now(), { dryRun: options.dryRun });
  const asOf = checkpoint.asOf;
  const progress: SyncProgress = { phase: 'reading', companiesRead: 0, written: 0, toWrite: 0 };
  const report = () => options.onProgress?.({ ...progress });

  // A portal without cs-health's properties would reject every write batch: say so once, up front.
  if (!options.dryRun) await assertPortalSetUp(gateway);
  const settingsVersion = options.settingsVersion ?? 0;
  const records = options.dryRun ? undefined : options.store?.companies;
  const pageSink = options.pageSink ?? (records && ((customers: readonly Customer[], readAt: Date) => records.write(customers.map((customer) => ({ customer, readAt })))));
  const run = options.store && !options.dryRun ? await options.store.syncRuns.start({ kind: 'full', asOf, startedAt: new Date(started), settingsVersion }) : undefined;
  try {
    const missingProperties = await checkMappedProperties(gateway, config.mapping);
    // A resumed run adds up the pages it already spooled again: the tally is the same as if it had not stopped.
    const tally = new PortalTally(config);
    await tally.absorbAll(spooled(checkpoint));
    progress.companiesRead = tally.companies;
    report();
    if (!checkpoint.readComplete) {
      const context = await (options.portalContext?.() ?? readPortalContext(gateway));
      for await (const page of readCustomerPages(gateway, context, config.mapping, { after: checkpoint.nextCursor, companiesPerAssembly: options.companiesPerAssembly })) {
        const scored = page.customers.map((customer) => customerResult(customer, config, asOf));
        await pageSink?.(page.customers, asOf);
        checkpoint.recordPage(page.after, scored);
        tally.absorb(scored);
        progress.companiesRead = tally.companies;
        report();
      }
    }

    progress.phase = 'fitting';
    report();
    const model = tally.fitModel(config, asOf);

    progress.phase = 'writing';
    progress.toWrite = await countChanged(checkpoint, config, model);
    report();
    const written = await writeChanges(options, checkpoint, model, tally, () => {
      progress.written += 1;
      if (progress.written % 100 === 0 || progress.written === progress.toWrite) report();
    });

    let versions: SyncSummary['versions'];
    if (!options.dryRun) {
      saveChurnModel(options.modelPath, model);
      if (options.store && run) {
        const modelVersion = await saveModelVersion(options.store, model, settingsVersion, asOf);
        await writeSnapshots(options.store, snapshotsOf(checkpoint, config, model, asOf, { settingsVersion, modelVersion }));
        if (records && !options.pageSink) await records.removeNotReadSince(asOf);
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
      companiesRead: tally.companies,
      companiesChanged: written.companiesChanged,
      dealsUpdated: written.dealsUpdated,
      propertiesChanged: written.propertiesChanged,
      failed: written.failed,
      apiCalls: gateway.callCounts(),
      apiCallsTotal: gateway.totalCalls(),
      warnings: gateway.warnings.toJSON(),
      missingProperties,
      churnModel: model.kind === 'fitted'
        ? { kind: 'fitted', note: `fitted on this portal's history: ${model.report?.reason ?? ''}`, auc: model.quality.auc, report: model.report as ChurnModelReport }
        : { kind: 'rules', note: model.reason, report: model.report as ChurnModelReport },
      nextSince: checkpoint.header.startedAt,
      durationMs: Date.now() - started,
      preview: options.dryRun ? written.preview : undefined,
      versions,
    };
    if (options.store && run) {
      await options.store.syncRuns.finish(run.id, {
        finishedAt: new Date(),
        outcome: written.failed.length ? 'partial' : 'ok',
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
