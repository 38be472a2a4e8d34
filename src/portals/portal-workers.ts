import { join } from 'node:path';
import { engineStateFrom } from '../app/engine-state';
import type { EngineConfig } from '../domain/config/engine-config';
import { createHubSpotGateway, HubSpotErrorCode, type HubSpotGateway, type RetryPolicy } from '../hubspot';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import type { JobQueue } from '../jobs/job-queue';
import { syncJobHandlers } from '../jobs/sync-job-handlers';
import { startWorker, type JobHandlers, type RunningWorker, type WorkerLogger, type WorkerStats } from '../jobs/worker';
import { redactText } from '../logging/redact-secrets';
import type { Store } from '../store/store';
import { FairSlots } from './fair-slots';
import type { PortalId } from './portal-id';
import type { Portal } from './portal-registry';
import { openPortalStorage, type PortalStorage } from './portal-storage';

export interface PortalWorkersOptions {
  portals: Portal[];
  storage: PortalStorage;
  /** Each portal's checkpoint and model file go to `<stateDir>/portals/<id>`. */
  stateDir: string;
  config: EngineConfig;
  logger?: WorkerLogger;
  /** Full syncs running at once across all portals (memory: each holds its portal's results); every portal's at once by default. */
  maxConcurrentFullSyncs?: number;
  /** Cron of every portal's scheduled full sync (UTC); `null` leaves the schedules as they are. */
  fullSyncCron?: string | null;
  policies?: QueuePolicyOverrides;
  pollingIntervalSeconds?: number;
  /** The gateways' retry policy (tests shorten HubSpot's 10-second rolling window). */
  retry?: RetryPolicy;
  now?: () => Date;
  signal?: AbortSignal;
}

/** What one portal runs on in the worker: nothing of it is shared with another portal. */
export interface PortalWorker {
  portal: Portal;
  queue: JobQueue;
  store: Store;
  gateway: HubSpotGateway;
  worker: RunningWorker;
}

export interface RunningPortalWorkers {
  readonly portals: ReadonlyMap<PortalId, PortalWorker>;
  stats(): Record<PortalId, WorkerStats>;
  /** Stops taking jobs on every portal, waits for the running ones, then closes the gateways and stores. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const silent: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The worker's log lines, each tagged with its portal. */
const portalLogger = (logger: WorkerLogger, portal: PortalId): WorkerLogger => ({
  info: (details, message) => logger.info({ portal, ...details }, message),
  warn: (details, message) => logger.warn({ portal, ...details }, message),
  error: (details, message) => logger.error({ portal, ...details }, message),
});

/** An error as the portal's dead-letter list and log show it: the portal named, its token never. */
function portalError(portal: Portal, error: unknown): Error {
  if ((error as { code?: unknown } | null)?.code === HubSpotErrorCode.Unauthorized) {
    return new Error(`portal ${portal.id}: HubSpot rejected the access token (401); check the token in ${portal.tokenSource}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`portal ${portal.id}: ${redactText(message, [portal.token.reveal()])}`, { cause: error });
}

/** A portal's handlers with its errors named, and its full syncs taking a slot among all portals'. */
function portalHandlers(portal: Portal, inner: JobHandlers, fullSyncSlots: FairSlots): JobHandlers {
  const named = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw portalError(portal, error);
    }
  };
  const { syncRange } = inner;
  return {
    recomputeCompanies: (companyIds, context) => named(() => inner.recomputeCompanies(companyIds, context)),
    companiesOf: (objectType, ids) => named(() => inner.companiesOf(objectType, ids)),
    fullSync: (payload, context) => fullSyncSlots.run(() => named(() => inner.fullSync(payload, context))),
    // A range step is a part of one split sync, paced by the portal's own gateway like the rest.
    syncRange: syncRange && ((payload, context) => named(() => syncRange(payload, context))),
  };
}

/**
 * One process serving many portals' jobs. The fairness rule:
 *
 * 1. **Each portal has its own queues** (its own pg-boss schema), so one portal's backlog waits
 *    only behind itself: another portal's jobs are never in the same line.
 * 2. **Each portal has its own worker slots**: one full sync at a time (a second would read the
 *    same portal) and `recomputeConcurrency` recompute batches; a busy portal cannot take another's.
 * 3. **Each portal has its own gateway**: its own token, and its own budget and pauses from its
 *    tier. A 429 pauses that portal's calls only; a slow portal holds only its own calls in flight.
 * 4. **Across portals, at most `maxConcurrentFullSyncs` full syncs run at once**, handed out first
 *    come, first served; as each portal waits with at most one sync, a freed slot goes to the
 *    portal that has waited longest (round-robin), whatever the size of anyone's backlog.
 *
 * What is still shared is the process itself: its CPU (scoring) and memory.
 */
export async function startPortalWorkers(options: PortalWorkersOptions): Promise<RunningPortalWorkers> {
  const logger = options.logger ?? silent;
  const slots = new FairSlots(options.maxConcurrentFullSyncs ?? options.portals.length);
  const running = new Map<PortalId, PortalWorker>();
  const stopAll = async (stopOptions: { timeoutMs?: number } = {}) => {
    await Promise.allSettled([...running.values()].map((entry) => entry.worker.stop(stopOptions)));
    await Promise.allSettled([...running.values()].flatMap((entry) => [entry.gateway.close(), entry.store.close()]));
  };
  const startPortal = async (portal: Portal): Promise<PortalWorker> => {
    const { store, queue } = await openPortalStorage(portal.id, options.storage, { policies: options.policies, pollingIntervalSeconds: options.pollingIntervalSeconds });
    const gateway = createHubSpotGateway({ basePath: portal.baseUrl, accessToken: portal.token.reveal(), budget: portal.budget, retry: options.retry });
    const log = portalLogger(logger, portal.id);
    const handlers = syncJobHandlers({
      gateway,
      config: options.config,
      stateDir: join(options.stateDir, 'portals', portal.id),
      portalKey: `${portal.id}|${portal.baseUrl}`,
      logger: log,
      now: options.now,
      engineState: engineStateFrom(store),
      store,
    });
    try {
      const worker = await startWorker({ queue, handlers: portalHandlers(portal, handlers, slots), concurrency: portal.recomputeConcurrency, fullSyncCron: options.fullSyncCron, logger: log, signal: options.signal });
      log.info({ tier: portal.tier, perTenSeconds: portal.budget.perTenSeconds, engine: store.engine }, 'portal worker started');
      return { portal, queue, store, gateway, worker };
    } catch (error) {
      await gateway.close();
      await store.close();
      throw error;
    }
  };
  for (const portal of options.portals) {
    try {
      running.set(portal.id, await startPortal(portal));
    } catch (error) {
      // A worker half-started would serve some portals and not others without saying so: stop them all.
      await stopAll({ timeoutMs: 5_000 });
      throw portalError(portal, error);
    }
  }
  return {
    portals: running,
    stats: () => Object.fromEntries([...running].map(([id, entry]) => [id, { ...entry.worker.stats }])),
    stop: stopAll,
  };
}
