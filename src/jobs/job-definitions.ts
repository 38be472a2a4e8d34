import { z } from 'zod';
import { portalIdSchema } from '../portals/portal-id';
import { SYNC_RANGE_POLICY, syncRangeKey, syncRangePayload } from './range-sync-jobs';

/** A HubSpot record id as the jobs carry it: digits only. */
const recordId = z.string().regex(/^[1-9]\d{0,18}$/, 'must be a numeric HubSpot id');

/** Why a recompute was asked for, for logs and the dead-letter list. */
export const recomputeReasonSchema = z.enum(['webhook', 'workflow-action', 'manual', 'replay'], { error: 'reason must be webhook, workflow-action, manual or replay' });

/** The portal a job belongs to, on a worker serving several (`src/portals/`); absent on a single-portal worker. */
const portalId = portalIdSchema.optional();

export const recomputeCompaniesPayload = z.object({
  portalId,
  companyIds: z.array(recordId, { error: 'companyIds must be an array of HubSpot company ids' }).min(1, 'companyIds must name at least one company').max(100, 'companyIds takes at most 100 companies (one HubSpot batch)'),
  reason: recomputeReasonSchema,
  /**
   * What changed: `company` = only the companies' own fields (a company webhook), so a worker with
   * the store's latest reading reads those fields alone; `linked` (the default) = a deal, ticket,
   * contact or answer of theirs, read again in full.
   */
  changed: z.enum(['company', 'linked'], { error: 'changed must be company or linked' }).optional(),
});

export const changedRecordTypeSchema = z.enum(['deals', 'tickets', 'contacts', 'feedback_submissions'], { error: 'objectType must be deals, tickets, contacts or feedback_submissions' });

/**
 * A deal, ticket or contact changed, or a survey answer arrived: the worker finds their companies
 * (association reads; an answer through its contact or ticket) and enqueues their recomputes.
 */
export const resolveChangedRecordsPayload = z.object({
  portalId,
  objectType: changedRecordTypeSchema,
  ids: z.array(recordId, { error: 'ids must be an array of HubSpot record ids' }).min(1, 'ids must name at least one record').max(100, 'ids takes at most 100 records (one HubSpot batch)'),
  reason: recomputeReasonSchema,
});

export const fullSyncPayload = z.object({
  portalId,
  reason: z.enum(['schedule', 'manual', 'replay'], { error: 'reason must be schedule, manual or replay' }),
});

/**
 * How a queue treats its jobs. `short` keeps at most one *waiting* job per singleton key, so a burst
 * of changes to one company collapses into one job, while a change arriving during a running
 * recompute still queues one more (nothing is lost). pg-boss 10's `stately` would also cap running
 * jobs per key, but its fetch then fails a whole batch on the unique index while one key is
 * running, which stalls a second worker; `short` does not.
 */
export interface QueuePolicy {
  policy: 'standard' | 'short';
  /** Attempts after the first. */
  retryLimit: number;
  /** Seconds before the first retry; with `retryBackoff` each retry waits about twice as long (with jitter). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A job still running after this long is failed (and retried): a crashed worker cannot hold it forever. */
  expireInSeconds: number;
  /** Seconds a job waits before it can run, so a burst of webhooks for one company lands in one job. */
  debounceSeconds: number;
  /** Jobs a worker takes per fetch (a recompute reads and writes 100 companies per HubSpot batch). */
  batchSize: number;
}

export interface JobDefinition<Payload> {
  name: string;
  payload: z.ZodType<Payload>;
  queue: QueuePolicy;
  /** Where a job lands after its last failed attempt; listed and replayed from there. */
  deadLetter: string;
  /** Equal keys collapse while waiting (a `short` queue keeps one waiting job per key, keyless ones included). */
  singletonKey(payload: Payload): string;
}

const defineJob = <Payload>(name: string, payload: z.ZodType<Payload>, queue: QueuePolicy, singletonKey: (payload: Payload) => string): JobDefinition<Payload> => ({
  name,
  payload,
  queue,
  deadLetter: `${name}-dead-letters`,
  singletonKey,
});

const sortedIds = (ids: readonly string[]) => [...new Set(ids)].sort().join(',');

/**
 * Recomputes after changes: coalesced while waiting (3 s), five retries from 30 s with backoff, an
 * attempt expires after 15 minutes, 100 jobs per fetch. The waits add up along a change's path
 * (resolution, then recompute, each plus a poll), and HubSpot's own webhook delivery comes on top:
 * 3 s collapses a burst of edits to one company while keeping webhook-to-property under 10 s.
 */
const RECOMPUTE_POLICY = {
  policy: 'short',
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 15 * 60,
  debounceSeconds: 3,
  batchSize: 100,
} as const;

/** Finding a change's companies is one association read per batch: waiting longer would collapse little. */
const RESOLUTION_POLICY = { ...RECOMPUTE_POLICY, debounceSeconds: 1 } as const;

/** The jobs cs-health runs, by name. Payloads are `unknown` until their schema accepts them. */
export const JOBS = {
  'recompute-companies': defineJob('recompute-companies', recomputeCompaniesPayload, RECOMPUTE_POLICY, (payload) => `${payload.changed ?? 'linked'}:${sortedIds(payload.companyIds)}`),
  'resolve-changed-records': defineJob('resolve-changed-records', resolveChangedRecordsPayload, RESOLUTION_POLICY, (payload) => `${payload.objectType}:${sortedIds(payload.ids)}`),
  'full-sync': defineJob('full-sync', fullSyncPayload, {
    // One waiting full sync is enough: a second one queued behind it would read the same portal.
    policy: 'short',
    retryLimit: 2,
    retryDelaySeconds: 300,
    retryBackoff: true,
    expireInSeconds: 6 * 60 * 60,
    debounceSeconds: 0,
    batchSize: 1,
  }, () => 'full-sync'),
  'sync-range': defineJob('sync-range', syncRangePayload, SYNC_RANGE_POLICY, syncRangeKey),
} as const;

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export type JobPayloads = { [Name in JobName]: (typeof JOBS)[Name] extends JobDefinition<infer Payload> ? Payload : never };
export type RecomputeCompaniesPayload = z.infer<typeof recomputeCompaniesPayload>;
export type ResolveChangedRecordsPayload = z.infer<typeof resolveChangedRecordsPayload>;
export type FullSyncPayload = z.infer<typeof fullSyncPayload>;

/** The nightly full sync: 03:00 UTC, when HubSpot portals are quietest for most of our customers. */
export const DEFAULT_FULL_SYNC_CRON = '0 3 * * *';

/** Per-queue overrides (tests shorten delays; operators tune retries). */
export type QueuePolicyOverrides = Partial<Record<JobName, Partial<QueuePolicy>>>;

export function policyOf(name: JobName, overrides: QueuePolicyOverrides = {}): QueuePolicy {
  return { ...JOBS[name].queue, ...overrides[name] };
}

/** `path: message` per problem, as every edge of this project reports them. */
export function payloadIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
