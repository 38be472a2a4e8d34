import { join } from 'node:path';
import type { EngineConfig } from '../domain/config/engine-config';
import { PortalContextCache, SYNC_COMPANIES_PER_ASSEMBLY, type HubSpotGateway, type PortalContext } from '../hubspot';
import { companiesOfRecords } from '../hubspot/feedback-companies';
import { runFullSync } from '../sync/full-sync';
import { runRangeSyncStep } from '../sync/ranges/range-sync';
import { loadChurnModel } from '../sync/model-store';
import { recomputeCompanies } from '../sync/recompute-companies';
import type { EngineStateSource } from '../app/engine-state';
import { statementsAfterFullSync } from '../statements/after-full-sync';
import type { Store } from '../store/store';
import type { JobHandlers, WorkerLogger } from './worker';

export interface SyncJobHandlerOptions {
  gateway: HubSpotGateway;
  config: EngineConfig;
  /** Where the full sync keeps its checkpoint and fitted churn model (as `cs-health sync --state-dir`). */
  stateDir: string;
  /** Identifies the portal, so a checkpoint of another portal is not resumed. */
  portalKey: string;
  logger: WorkerLogger;
  now?: () => Date;
  /** The store's settings and model (newest versions, read per job); without it, `config` and the model file. */
  engineState?: EngineStateSource;
  /**
   * Where the full sync records its model version, snapshots, company readings and run, and then
   * every person's period statement; recomputes save their readings there too.
   */
  store?: Store;
  /** Owners, pipelines and goals, shared with the cards (the backend's cache); else a cache of the handlers' own. */
  portalContext?: () => Promise<PortalContext>;
}

/**
 * The worker's jobs on the existing sync: a recompute reads and writes its companies (the path of
 * webhooks and the workflow action), a resolution reads associations (a survey answer's through its contact or ticket), and the full sync is
 * `cs-health sync`. The churn model is re-read per job, so a model fitted by a full sync is used
 * by the next recompute. (When the store is wired, settings and model versions come from it.)
 */
export function syncJobHandlers(options: SyncJobHandlerOptions): JobHandlers {
  const now = options.now ?? (() => new Date());
  const modelPath = join(options.stateDir, 'churn-model.json');
  // Pipelines, owners and goals change rarely: each part expires on its own, a failed read is not kept.
  const contexts = options.portalContext ? undefined : new PortalContextCache(options.gateway);
  const portalContext = options.portalContext ?? (() => (contexts as PortalContextCache).get());
  const engine = async () => {
    const state = await options.engineState?.();
    return { config: state?.config ?? options.config, model: state ? state.model : loadChurnModel(modelPath), settingsVersion: state?.settingsVersion ?? 0 };
  };
  return {
    async recomputeCompanies(companyIds, job) {
      const { config, model } = await engine();
      const result = await recomputeCompanies(options.gateway, config, companyIds, now(), { model, context: await portalContext(), records: options.store?.companies, companyOnly: job?.companyOnly });
      options.logger.info({ companies: companyIds.length, fromStore: result.fromStore, written: result.written, unchanged: result.unchanged, failed: result.failed.length }, 'recompute job done');
      return { failed: result.failed };
    },
    companiesOf: (objectType, ids) => companiesOfRecords(options.gateway, objectType, ids, (unlinked) => options.logger.warn({ answers: unlinked.length, ids: unlinked.slice(0, 10) }, 'survey answers linked to no company: nothing to recompute for them')),
    async fullSync() {
      const { config, settingsVersion } = await engine();
      const summary = await runFullSync({
        gateway: options.gateway,
        config,
        checkpointPath: join(options.stateDir, 'sync-checkpoint.jsonl'),
        modelPath,
        runKey: `${options.portalKey}|${JSON.stringify(config)}`,
        now,
        store: options.store,
        settingsVersion,
        portalContext,
      });
      if (options.store) {
        const statements = await statementsAfterFullSync({ store: options.store, context: await portalContext(), asOf: new Date(summary.asOf) });
        options.logger.info({ periods: statements.periods.map((p) => p.periodKey), skipped: statements.skipped.length }, 'period statements computed');
      }
      options.logger.info({ companiesRead: summary.companiesRead, companiesChanged: summary.companiesChanged, failed: summary.failed.length, apiCalls: summary.apiCallsTotal }, 'full sync job done');
      if (summary.failed.length > 0) throw new Error(`full sync: HubSpot refused ${summary.failed.length} companies (${summary.failed.slice(0, 3).map((f) => `${f.id}: ${f.message}`).join('; ')})`);
    },
    // A range-split full sync shares its results through the store: without one, the worker takes none.
    syncRange: options.store ? rangeSyncStep(options.store) : undefined,
  };

  function rangeSyncStep(store: Store): JobHandlers['syncRange'] {
    return async (payload, job) => {
      const { config, settingsVersion } = await engine();
      const { portalId: _portal, ...step } = payload;
      await runRangeSyncStep({ gateway: options.gateway, config, settingsVersion, store, portalContext, modelPath, now, send: job.send, companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY }, step as Parameters<typeof runRangeSyncStep>[1]);
      options.logger.info({ syncRunId: payload.syncRunId, stage: payload.stage, range: payload.range }, 'range sync step done');
    };
  }
}
