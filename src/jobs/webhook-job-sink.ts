import { changedObjects, type WebhookEvent } from '../server/webhook-events';
import type { WebhookSink } from '../server/create-backend';
import type { JobQueue } from './job-queue';

/** What one webhook batch became on the queue. */
export interface EnqueuedWebhooks {
  /** Jobs stored (one per changed company, deal, ticket or contact, or new survey answer). */
  enqueued: number;
  /** Changes absorbed by a job already waiting for the same record (a burst of edits to one company). */
  coalesced: number;
  /** Events about nothing we score (other object types, no id). */
  ignored: number;
}

/** Sends at a time: enough to keep a server busy without opening a connection per event. */
const PARALLEL_SENDS = 10;

/**
 * The backend's webhook sink on the durable queue: each changed company becomes a
 * `recompute-companies` job and each changed deal, ticket or contact, or new survey answer, a
 * `resolve-changed-records` job, keyed by the record, so the queue (not this process) coalesces a burst into one job and
 * nothing is lost at a restart.
 *
 * `add` resolves once every job is stored, and rejects with a `QueueError` (`UNAVAILABLE` while the
 * database is down, which the backend answers with 503 + Retry-After so HubSpot redelivers the
 * batch). A batch that failed half-way is safe to take again: the jobs already stored absorb their
 * redelivered copies.
 */
export class WebhookJobSink implements WebhookSink {
  constructor(
    private readonly queue: JobQueue,
    /** Told about every batch that could not be stored, for a caller that does not await `add`. */
    private readonly onError: (error: unknown, events: number) => void = () => undefined,
  ) {}

  add(events: readonly WebhookEvent[]): Promise<EnqueuedWebhooks> {
    const stored = this.enqueue(events);
    // A caller that does not await must not crash the process with an unhandled rejection; one that awaits still sees it.
    stored.catch((error: unknown) => this.onError(error, events.length));
    return stored;
  }

  private async enqueue(events: readonly WebhookEvent[]): Promise<EnqueuedWebhooks> {
    const result: EnqueuedWebhooks = { enqueued: 0, coalesced: 0, ignored: 0 };
    const sends: (() => Promise<string | null>)[] = [];
    const seen = new Set<string>();
    for (const event of events) {
      const changed = changedObjects(event);
      if (changed.length === 0) result.ignored += 1;
      for (const { type, id } of changed) {
        const key = `${type}:${id}`;
        if (seen.has(key)) {
          result.coalesced += 1;
          continue;
        }
        seen.add(key);
        sends.push(
          type === 'companies'
            ? () => this.queue.send('recompute-companies', { companyIds: [id], reason: 'webhook', changed: 'company' })
            : () => this.queue.send('resolve-changed-records', { objectType: type, ids: [id], reason: 'webhook' }),
        );
      }
    }
    for (let start = 0; start < sends.length; start += PARALLEL_SENDS) {
      for (const jobId of await Promise.all(sends.slice(start, start + PARALLEL_SENDS).map((send) => send()))) {
        if (jobId) result.enqueued += 1;
        else result.coalesced += 1;
      }
    }
    return result;
  }
}
