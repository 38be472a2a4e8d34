import { z } from 'zod';
import { portalIdSchema } from '../portals/portal-id';

/**
 * One step of a full sync split by company-id range (`src/sync/ranges/`): `read` and `write` name
 * their range (by index in the run's plan, which the store keeps), `fit` and `finish` the whole run.
 * Each step sends the next when it completes its set, so workers need nothing but the queue and the store.
 */
export const syncRangePayload = z
  .object({
    portalId: portalIdSchema.optional(),
    syncRunId: z.number({ error: 'syncRunId must be the sync run id (a whole number)' }).int('syncRunId must be a whole number').positive('syncRunId must be positive'),
    stage: z.enum(['read', 'fit', 'write', 'finish'], { error: 'stage must be read, fit, write or finish' }),
    range: z.number({ error: 'range must be a range index (a whole number)' }).int('range must be a whole number').min(0, 'range must be 0 or more').optional(),
  })
  .refine((p) => (p.stage === 'read' || p.stage === 'write') === (p.range !== undefined), { message: 'range is required for read and write, and only for them', path: ['range'] });

export type SyncRangePayload = z.infer<typeof syncRangePayload>;

/**
 * Reads and writes of one range retry like the full sync (HubSpot outages), sooner since a range is
 * smaller; an attempt expires after 2 hours. Equal steps of one run collapse while waiting.
 */
export const SYNC_RANGE_POLICY = {
  policy: 'short',
  retryLimit: 3,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 2 * 60 * 60,
  debounceSeconds: 0,
  batchSize: 1,
} as const;

export const syncRangeKey = (p: SyncRangePayload) => `${p.syncRunId}:${p.stage}:${p.range ?? ''}`;
