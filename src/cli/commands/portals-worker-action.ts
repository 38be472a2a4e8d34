import type { EngineConfig } from '../../domain/config/engine-config';
import { createLogger } from '../../logging/logger';
import { PortalRegistryError, loadPortalRegistry } from '../../portals/portal-registry';
import { startPortalWorkers, type RunningPortalWorkers } from '../../portals/portal-workers';
import { usageError } from '../cli-error';

export interface PortalsWorkerFlags {
  portals: string;
  maxFullSyncs?: number;
  databaseUrl?: string;
  dataDir: string;
  stateDir: string;
  fullSyncCron: string;
  json: boolean;
}

/**
 * `cs-health worker --portals portals.json`: one process serving every portal the file lists, each
 * with its own token, budget, store and queues (see `src/portals/portal-workers.ts` for the
 * fairness rule). Runs until SIGTERM, then finishes the running jobs.
 */
export async function runPortalsWorker(flags: PortalsWorkerFlags, config: EngineConfig, say: (event: Record<string, unknown>, text: string) => void): Promise<void> {
  let portals;
  try {
    portals = loadPortalRegistry(flags.portals);
  } catch (error) {
    if (error instanceof PortalRegistryError) throw usageError(`--portals: ${error.message}`);
    throw error;
  }
  // Every portal's token is a known secret of this process: removed from any log line that quotes it.
  const logger = createLogger({ destination: process.stderr, secrets: portals.map((portal) => portal.token.reveal()) });
  const aborted = new AbortController();
  let workers: RunningPortalWorkers | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      aborted.abort();
      logger.info({ signal }, 'stopping: finishing the running jobs of every portal');
      await workers?.stop({ timeoutMs: 60_000 });
      const stats = workers?.stats() ?? {};
      say({ event: 'stopped', signal, portals: stats }, `cs-health worker stopped (${signal}): ${Object.entries(stats).map(([id, s]) => `${id} ${s.fullSyncs} full syncs, ${s.companiesRecomputed} companies recomputed`).join('; ')}`);
    })());
  process.once('SIGTERM', () => void stop('SIGTERM').finally(() => process.exit(0)));
  process.once('SIGINT', () => void stop('SIGINT').finally(() => process.exit(0)));

  try {
    workers = await startPortalWorkers({
      portals,
      storage: flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : { dataDir: flags.dataDir },
      stateDir: flags.stateDir,
      config,
      logger,
      maxConcurrentFullSyncs: flags.maxFullSyncs,
      fullSyncCron: flags.fullSyncCron === 'off' ? null : flags.fullSyncCron,
      signal: aborted.signal,
    });
  } catch (error) {
    if (stopping) return;
    throw error instanceof Error ? new Error(error.message) : error;
  }
  say(
    { event: 'started', portals: portals.map((portal) => ({ id: portal.id, tier: portal.tier, perTenSeconds: portal.budget.perTenSeconds })), maxFullSyncs: flags.maxFullSyncs ?? portals.length },
    `cs-health worker serving ${portals.length} portals (${portals.map((portal) => `${portal.id}: ${portal.tier}, ${portal.budget.perTenSeconds} / 10 s`).join('; ')}) on ${flags.databaseUrl ? 'PostgreSQL, a schema each' : `embedded PGlite, a folder each under ${flags.dataDir}`}; SIGTERM stops it after the running jobs`,
  );
}
