import { z } from 'zod';
import { DEFAULT_ENGINE_CONFIG as config } from '../../domain/config/engine-config';
import { resolvePortals } from '../../portals/portal-registry';
import { startPortalWorkers } from '../../portals/portal-workers';
import { answer, fail, memoryNow, probeArgs } from './probe-output';

/**
 * One worker process serving every portal of the registry (as `cs-health worker --portals` runs):
 * sends each portal its full sync at once and answers with each one's finish time and calls, and
 * the process's peak RSS (the sandboxes are other processes).
 */
const args = probeArgs(
  z.object({
    registry: z.unknown(),
    storage: z.object({ databaseUrl: z.string().optional(), dataDir: z.string().optional() }),
    stateDir: z.string(),
    asOf: z.string(),
    maxFullSyncs: z.number().optional(),
  }).parse,
);

async function main() {
  const before = memoryNow();
  const asOf = new Date(args.asOf);
  const workers = await startPortalWorkers({ portals: resolvePortals(args.registry), storage: args.storage, stateDir: args.stateDir, config, fullSyncCron: null, maxConcurrentFullSyncs: args.maxFullSyncs, pollingIntervalSeconds: 0.5, now: () => asOf });
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const finishedMs: Record<string, number> = {};
  try {
    for (const { queue } of workers.portals.values()) await queue.send('full-sync', { reason: 'manual' });
    while (Object.keys(finishedMs).length < workers.portals.size) {
      for (const [id, stats] of Object.entries(workers.stats())) {
        if (stats.failedBatches > 0) throw new Error(`portal ${id}: its full sync failed (see the log)`);
        if (stats.fullSyncs > 0) finishedMs[id] ??= Date.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await workers.stop();
  }
  const calls = Object.fromEntries([...workers.portals].map(([id, entry]) => [id, entry.gateway.totalCalls()]));
  const cpu = process.cpuUsage(cpuBefore);
  answer({ finishedMs, calls, totalMs: Date.now() - started, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssBeforeMb: before.rssMb, ...memoryNow() });
}

main().catch(fail);
