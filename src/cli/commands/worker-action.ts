import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createHubSpotGateway } from '../../hubspot';
import { PgBossQueue } from '../../jobs/drivers/pg-boss-queue';
import { engineStateFrom } from '../../app/engine-state';
import { openStore } from '../../store/open-store';
import { DEFAULT_FULL_SYNC_CRON } from '../../jobs/job-definitions';
import { QueueError } from '../../jobs/queue-error';
import { syncJobHandlers } from '../../jobs/sync-job-handlers';
import { startWorker, type RunningWorker } from '../../jobs/worker';
import { createLogger } from '../../logging/logger';
import { loadConfigFile } from '../load-config-file';
import { parseFlags } from '../parse-flags';
import { usageError } from '../cli-error';

const workerFlags = z.object({
  json: z.boolean().default(false),
  concurrency: z.coerce.number({ message: '--concurrency must be a whole number from 1 to 32' }).int('--concurrency must be a whole number from 1 to 32').min(1, '--concurrency must be a whole number from 1 to 32').max(32, '--concurrency must be a whole number from 1 to 32'),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, '--database-url (or DATABASE_URL) must be a postgres:// connection string').optional(),
  dataDir: z.string().min(1, '--data-dir must be a directory'),
  fullSyncCron: z.string().min(1, '--full-sync-cron must be a cron expression such as "0 3 * * *", or "off"'),
  baseUrl: z.url({ message: '--base-url must be a URL such as http://127.0.0.1:4010' }),
  config: z.string().optional(),
  stateDir: z.string().min(1),
  deadLetters: z.boolean().default(false),
  replay: z.string().regex(/^[0-9a-f-]{36}$/i, '--replay takes the id of a dead letter, as --dead-letters lists it').optional(),
  portals: z.string().min(1, '--portals must be a file such as portals.json').optional(),
  maxFullSyncs: z.coerce.number({ message: '--max-full-syncs must be a whole number from 1 to 100' }).int('--max-full-syncs must be a whole number from 1 to 100').min(1, '--max-full-syncs must be a whole number from 1 to 100').max(100, '--max-full-syncs must be a whole number from 1 to 100').optional(),
});

/** Runs the worker until SIGTERM (or lists / replays dead letters, then returns). */
export async function runWorker(raw: Record<string, unknown>): Promise<void> {
  const flags = parseFlags(workerFlags, { ...raw, databaseUrl: raw.databaseUrl ?? (process.env.DATABASE_URL || undefined), dataDir: raw.dataDir ?? join(String(raw.stateDir ?? '.cs-health'), 'db') });
  const logger = createLogger({ destination: process.stderr });
  const config = loadConfigFile(flags.config);
  const say = (event: Record<string, unknown>, text: string) => console.log(flags.json ? JSON.stringify(event) : text);
  if (flags.portals) {
    if (flags.deadLetters || flags.replay) throw usageError('--dead-letters and --replay read one portal\'s queue: run them without --portals, with --database-url or --data-dir of that portal');
    const { runPortalsWorker } = require('./portals-worker-action') as typeof import('./portals-worker-action');
    await runPortalsWorker({ ...flags, portals: flags.portals }, config, say);
    return;
  }

  if (!flags.databaseUrl) mkdirSync(flags.dataDir, { recursive: true });
  // The store every surface reads: the jobs take its newest settings and model, the full sync records there.
  const store = await openStore(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : { dataDir: flags.dataDir });
  const database = { close: () => store.close() };
  const connection = flags.databaseUrl ? { connectionString: flags.databaseUrl } : { database: store.database, engine: 'pglite' as const };
  if (flags.deadLetters || flags.replay) {
    await administerDeadLetters(new PgBossQueue({ connection, runSchedules: false }), flags.replay, say).finally(() => database?.close());
    return;
  }
  const queue = new PgBossQueue({ connection });
  const gateway = createHubSpotGateway({ basePath: flags.baseUrl, accessToken: process.env.HUBSPOT_ACCESS_TOKEN });
  const handlers = syncJobHandlers({ gateway, config, stateDir: flags.stateDir, portalKey: flags.baseUrl, logger, engineState: engineStateFrom(store), store });

  const aborted = new AbortController();
  let worker: RunningWorker | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) =>
    (stopping ??= (async () => {
      aborted.abort();
      logger.info({ signal }, 'stopping: finishing the running jobs');
      await worker?.stop({ timeoutMs: 60_000 });
      await database?.close();
      await gateway.close();
      say({ event: 'stopped', signal, ...(worker?.stats ?? {}) }, `cs-health worker stopped (${signal}): ${worker?.stats.companiesRecomputed ?? 0} companies recomputed, ${worker?.stats.fullSyncs ?? 0} full syncs`);
    })());
  process.once('SIGTERM', () => void stop('SIGTERM').finally(() => process.exit(0)));
  process.once('SIGINT', () => void stop('SIGINT').finally(() => process.exit(0)));

  try {
    worker = await startWorker({
      queue,
      handlers,
      concurrency: flags.concurrency,
      fullSyncCron: flags.fullSyncCron === 'off' ? null : flags.fullSyncCron,
      logger,
      signal: aborted.signal,
    });
  } catch (error) {
    if (stopping) return;
    await database?.close();
    await gateway.close();
    if (error instanceof QueueError) throw new Error(error.message);
    throw error;
  }
  const schedule = flags.fullSyncCron === 'off' ? 'unchanged' : `"${flags.fullSyncCron}" UTC`;
  say(
    { event: 'started', engine: queue.engine, concurrency: flags.concurrency, fullSyncCron: flags.fullSyncCron === 'off' ? null : flags.fullSyncCron },
    `cs-health worker running on ${queue.engine === 'postgres' ? 'PostgreSQL' : `embedded PGlite (${flags.dataDir})`}, concurrency ${flags.concurrency}, full sync ${schedule}; SIGTERM stops it after the running jobs`,
  );
}

/** `--dead-letters` and `--replay ID`: what an admin needs when jobs keep failing, without running the worker. */
async function administerDeadLetters(queue: PgBossQueue, replayId: string | undefined, say: (event: Record<string, unknown>, text: string) => void): Promise<void> {
  try {
    await queue.start();
    if (replayId) {
      const replayed = await queue.replay(replayId);
      say({ event: 'replayed', ...replayed }, `replayed ${replayed.job} ${replayed.deadLetterId} as ${replayed.jobId ?? 'a job that was already waiting'}`);
      return;
    }
    const dead = await queue.deadLetters(undefined, 1_000);
    say(
      { event: 'dead-letters', deadLetters: dead.map((entry) => ({ ...entry, failedAt: entry.failedAt.toISOString() })) },
      dead.length === 0 ? 'no dead letters' : dead.map((entry) => `${entry.id}  ${entry.failedAt.toISOString()}  ${entry.job}  ${JSON.stringify(entry.payload)}  ${entry.error}`).join('\n'),
    );
  } catch (error) {
    throw new Error(error instanceof QueueError ? error.message : error instanceof Error ? error.message : String(error));
  } finally {
    await queue.stop();
  }
}
