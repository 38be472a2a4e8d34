import { DEFAULT_FULL_SYNC_CRON, type FullSyncPayload, type JobName, type RecomputeCompaniesPayload, type ResolveChangedRecordsPayload } from './job-definitions';
import type { JobHandler, JobQueue } from './job-queue';
import type { SyncRangePayload } from './range-sync-jobs';
import { QueueError } from './queue-error';

/** What the worker runs, injected (the CLI wires them to the sync; tests to recorders). */
/** Why a batch of companies is recomputed: the jobs behind it, and which companies changed only in their own fields. */
export interface RecomputeContext {
  reasons: RecomputeCompaniesPayload['reason'][];
  jobIds: string[];
  /** Companies whose own fields alone changed (every job naming them said `changed: company`). */
  companyOnly?: string[];
}

export interface JobHandlers {
  /** Recomputes and writes these companies (at most 100). Failed companies are returned so their jobs are retried. */
  recomputeCompanies(companyIds: string[], context: RecomputeContext): Promise<{ failed?: { id: string; message: string }[] } | void>;
  /** The companies linked to these deals, tickets or contacts (one association batch read). */
  companiesOf(objectType: ResolveChangedRecordsPayload['objectType'], ids: string[]): Promise<string[]>;
  fullSync(payload: FullSyncPayload, context: { jobId: string }): Promise<void>;
  /** One step of a range-split full sync; `send` queues the next step on this worker's queue. Absent: the worker takes no such jobs. */
  syncRange?(payload: SyncRangePayload, context: { jobId: string; send(next: Omit<SyncRangePayload, 'portalId'>): Promise<unknown> }): Promise<void>;
}

export interface WorkerLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface WorkerOptions {
  queue: JobQueue;
  handlers: JobHandlers;
  /** Batches of each queue run at once in this process. */
  concurrency?: number;
  /** Cron of the scheduled full sync (UTC); `null` leaves the schedule as it is. */
  fullSyncCron?: string | null;
  logger?: WorkerLogger;
  /** While the database is down at start: first wait, doubled up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** Aborting it while the worker waits for the database gives up the wait (SIGTERM before the database came back). */
  signal?: AbortSignal;
}

export interface WorkerStats {
  companiesRecomputed: number;
  recordsResolved: number;
  fullSyncs: number;
  /** Batches that threw (their jobs are retried, then dead-lettered). */
  failedBatches: number;
}

export interface RunningWorker {
  readonly stats: WorkerStats;
  /** Stops taking jobs and waits for the running ones (pg-boss's graceful stop). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const silent: WorkerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * Starts the jobs of cs-health in this process: recomputes after changes, the resolution of changed
 * deals, tickets and contacts into company recomputes, and the scheduled full sync. A database that
 * is down at start is waited for (with backoff) instead of failing; once running, pg-boss keeps
 * polling through an outage and picks jobs up again when the database is back.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { queue, handlers } = options;
  const logger = options.logger ?? silent;
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
  const stats: WorkerStats = { companiesRecomputed: 0, recordsResolved: 0, fullSyncs: 0, failedBatches: 0 };
  const { signal } = options;

  queue.onError((error) => logger.warn({ err: error.message }, 'job queue background error (retrying)'));
  let delay = options.retryDelayMs ?? 1_000;
  for (;;) {
    try {
      await queue.start();
      break;
    } catch (error) {
      if (!(error instanceof QueueError && error.code === 'UNAVAILABLE')) throw error;
      if (signal?.aborted) throw new QueueError('NOT_RUNNING', 'the worker was stopped before the database came back');
      logger.warn({ retryInMs: delay }, `${error.message}; waiting`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        }, { once: true });
      });
      delay = Math.min(delay * 2, options.maxRetryDelayMs ?? 30_000);
    }
  }

  /** Counts and logs a failed batch, then rethrows it: the queue retries it, then dead-letters it. */
  const logged =
    <Name extends JobName>(what: string, run: JobHandler<Name>): JobHandler<Name> =>
    async (jobs) => {
      try {
        await run(jobs);
      } catch (error) {
        stats.failedBatches += 1;
        logger.error({ err: error instanceof Error ? error.message : String(error), jobs: jobs.length }, `${what} failed; the queue retries it`);
        throw error;
      }
    };

  await queue.work(
    'recompute-companies',
    logged('recompute', async (jobs) => {
      const ids = [...new Set(jobs.flatMap((job) => job.payload.companyIds))];
      // A company named by any job for a linked change is read in full, whatever else named it.
      const linked = new Set(jobs.flatMap((job) => ((job.payload.changed ?? 'linked') === 'linked' ? job.payload.companyIds : [])));
      const context: RecomputeContext = { reasons: [...new Set(jobs.map((job) => job.payload.reason))], jobIds: jobs.map((job) => job.id), companyOnly: ids.filter((id) => !linked.has(id)) };
      // A batch holds up to 100 jobs of up to 100 companies each: keep HubSpot batches at 100.
      const failed: { id: string; message: string }[] = [];
      for (let start = 0; start < ids.length; start += 100) {
        const result = await handlers.recomputeCompanies(ids.slice(start, start + 100), context);
        failed.push(...(result?.failed ?? []));
      }
      if (failed.length > 0) throw new Error(`${failed.length} of ${ids.length} companies were not written (${failed.slice(0, 3).map((f) => `${f.id}: ${f.message}`).join('; ')})`);
      stats.companiesRecomputed += ids.length;
      logger.info({ companies: ids.length, jobs: jobs.length }, 'recomputed companies');
    }),
    { concurrency },
  );

  await queue.work(
    'resolve-changed-records',
    logged('resolving changed records', async (jobs) => {
      const byType = new Map<ResolveChangedRecordsPayload['objectType'], { ids: Set<string>; reason: ResolveChangedRecordsPayload['reason'] }>();
      for (const { payload } of jobs) {
        const entry = byType.get(payload.objectType) ?? { ids: new Set<string>(), reason: payload.reason };
        for (const id of payload.ids) entry.ids.add(id);
        byType.set(payload.objectType, entry);
      }
      for (const [type, { ids, reason }] of byType) {
        const companies = await handlers.companiesOf(type, [...ids]);
        // Each company's recompute is its own keyed job: it coalesces with the webhooks that named the company directly.
        for (const companyId of new Set(companies)) await queue.send('recompute-companies', { companyIds: [companyId], reason });
        stats.recordsResolved += ids.size;
      }
    }),
    { concurrency },
  );

  await queue.work(
    'full-sync',
    logged('full sync', async (jobs) => {
      for (const job of jobs) {
        await handlers.fullSync(job.payload, { jobId: job.id });
        stats.fullSyncs += 1;
      }
    }),
    { concurrency: 1 },
  );

  const { syncRange } = handlers;
  if (syncRange) {
    await queue.work(
      'sync-range',
      logged('range sync step', async (jobs) => {
        for (const job of jobs) await syncRange(job.payload, { jobId: job.id, send: (next) => queue.send('sync-range', next) });
      }),
      { concurrency },
    );
  }

  if (options.fullSyncCron !== null) await queue.schedule('full-sync', options.fullSyncCron ?? DEFAULT_FULL_SYNC_CRON, { reason: 'schedule' });

  return {
    stats,
    async stop(stopOptions = {}) {
      await queue.stop(stopOptions);
    },
  };
}
