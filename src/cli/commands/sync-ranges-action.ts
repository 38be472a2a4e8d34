import type { EngineConfig } from '../../domain/config/engine-config';
import type { HubSpotGateway } from '../../hubspot';
import { PgBossQueue } from '../../jobs/drivers/pg-boss-queue';
import type { Store } from '../../store/store';
import { startRangeSync } from '../../sync/ranges/range-sync';
import type { CommandResult } from '../command-runner';
import { withHubSpotAt } from '../hubspot-reach';

/**
 * `cs-health sync --ranges N`: plans a full sync split by company-id range and queues its read jobs
 * on the store's database, where `cs-health worker` processes (several, on PostgreSQL) take them;
 * the command returns once the jobs are queued, not when the run is done (`runs` shows it).
 */
export async function queueRangeSync(input: { gateway: HubSpotGateway; store: Store; config: EngineConfig; baseUrl: string; ranges: number; settingsVersion: number; asOf: () => Date }): Promise<CommandResult> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const queue = new PgBossQueue({ connection: input.store.engine === 'postgres' && databaseUrl ? { connectionString: databaseUrl } : { database: input.store.database, engine: 'pglite' }, runSchedules: false });
  await queue.start();
  try {
    const run = await withHubSpotAt(input.baseUrl, () => startRangeSync({ gateway: input.gateway, store: input.store, config: input.config, ranges: input.ranges, settingsVersion: input.settingsVersion, now: input.asOf, send: (step) => queue.send('sync-range', step) }));
    const figures = { mode: 'ranges', syncRun: run.syncRunId, asOf: run.asOf.toISOString(), ranges: run.ranges, missingProperties: run.missingProperties, apiCalls: input.gateway.callCounts(), apiCallsTotal: input.gateway.totalCalls() };
    const text = `Queued full sync ${run.syncRunId} as of ${figures.asOf} in ${run.ranges.length} company-id ranges (${run.ranges.map((r) => `[${r.from}, ${r.to})`).join(', ')}): workers (cs-health worker) read, fit, write and finish it.`;
    const missing = run.missingProperties.length ? `\nMissing properties (their component has no data): ${run.missingProperties.join(', ')}.` : '';
    return { figures, text: text + missing };
  } finally {
    await queue.stop({ timeoutMs: 5_000 });
  }
}
