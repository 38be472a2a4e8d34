import { changedObjects, type ChangedObjectType, type WebhookEvent } from './webhook-events';

export { webhookEventSchema, type ChangedObjectType, type WebhookEvent } from './webhook-events';

/** The timer functions the coalescer uses; tests inject their own or use jest's fake timers. */
export interface CoalescerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CoalescerOptions {
  /** Companies linked to changed deals, tickets or contacts (one association batch read per type), or to new survey answers. */
  companiesOf: (objectType: Exclude<ChangedObjectType, 'companies'>, ids: string[]) => Promise<string[]>;
  /**
   * Recomputes and writes these companies; a rejection keeps them all pending for a retry. It may
   * name the companies whose writes HubSpot refused: those are retried too, up to `maxAttempts`,
   * then listed in {@link ChangeCoalescer.failedCompanies}.
   */
  recompute: (companyIds: string[]) => Promise<void | { failed: readonly { id: string; message: string }[] }>;
  /** Attempts per company whose write HubSpot refuses before it is listed as failed (default 5). */
  maxAttempts?: number;
  /**
   * Consecutive failed passes (HubSpot down, association reads failing) before whatever is still
   * pending is listed as failed instead of retried forever (default 40: about 20 minutes at the
   * 30 s cap between passes).
   */
  maxFailedPasses?: number;
  /** Quiet time after the last event before recomputing, so a burst collapses into one recompute. */
  debounceMs?: number;
  /** Longest wait after the first pending change, so a steady stream still lands within a minute. */
  maxWaitMs?: number;
  /** Companies per `recompute` call (HubSpot batch reads and writes take 100). */
  batchSize?: number;
  /** First retry delay after a failure; doubles per consecutive failure, capped at `maxWaitMs`. */
  retryDelayMs?: number;
  /** How many event ids are remembered to drop HubSpot's redeliveries. */
  rememberEvents?: number;
  now?: () => number;
  timers?: CoalescerTimers;
  onError?: (error: unknown, context: { stage: 'resolve' | 'recompute'; ids: string[] }) => void;
  /** Called once per company given up on after `maxAttempts` refused writes. */
  onGiveUp?: (failure: FailedCompany) => void;
}

/** A company whose write HubSpot kept refusing: kept in a list until a later change succeeds. */
export interface FailedCompany {
  id: string;
  message: string;
  attempts: number;
}

export interface CoalescerStats {
  eventsReceived: number;
  /** Redelivered event ids, dropped. */
  duplicates: number;
  /** Events about nothing we score (other object types, no id). */
  ignored: number;
  /** Successful `recompute` calls. */
  recomputes: number;
  companiesRecomputed: number;
  /** Failed association look-ups or recomputes; their records stay pending. */
  failures: number;
  /** Flushes scheduled because an earlier one failed. */
  retries: number;
  /** Company writes HubSpot refused (each attempt counted). */
  refusedWrites: number;
  /** Companies given up on after `maxAttempts` refused writes (listed in failedCompanies). */
  gaveUp: number;
}

const defaultTimers: CoalescerTimers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending recompute must not keep a finished process alive; shutdown calls flush() itself.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Collects webhook events and recomputes each touched company once per burst: a thousand changes
 * to one company cost one recompute. Redelivered events are dropped by id. A failed association
 * look-up or recompute keeps its records pending and retries with backoff, so no change is lost.
 */
export class ChangeCoalescer {
  readonly stats: CoalescerStats = { eventsReceived: 0, duplicates: 0, ignored: 0, recomputes: 0, companiesRecomputed: 0, failures: 0, retries: 0, refusedWrites: 0, gaveUp: 0 };
  private readonly attempts = new Map<string, number>();
  private readonly failed = new Map<string, FailedCompany>();
  private readonly seen = new Set<string>();
  private pendingObjects = new Map<Exclude<ChangedObjectType, 'companies'>, Set<string>>();
  private readonly pendingCompanies = new Set<string>();
  private firstPendingAt: number | undefined;
  private timer: unknown;
  private consecutiveFailures = 0;
  private running: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly rememberEvents: number;
  private readonly maxAttempts: number;
  private readonly maxFailedPasses: number;
  private lastError = '';
  private readonly now: () => number;
  private readonly timers: CoalescerTimers;

  constructor(private readonly options: CoalescerOptions) {
    this.debounceMs = options.debounceMs ?? 5_000;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.batchSize = Math.max(1, options.batchSize ?? 100);
    this.retryDelayMs = options.retryDelayMs ?? this.debounceMs;
    this.rememberEvents = options.rememberEvents ?? 50_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.maxFailedPasses = Math.max(1, options.maxFailedPasses ?? 40);
    this.now = options.now ?? Date.now;
    this.timers = options.timers ?? defaultTimers;
  }

  /** Takes a webhook batch; returns at once (HubSpot expects a fast answer), the recompute comes later. */
  add(events: readonly WebhookEvent[]): void {
    for (const event of events) {
      this.stats.eventsReceived += 1;
      if (this.seen.has(event.eventId)) {
        this.stats.duplicates += 1;
        continue;
      }
      this.remember(event.eventId);
      const changed = changedObjects(event);
      if (changed.length === 0) this.stats.ignored += 1;
      for (const { type, id } of changed) {
        if (type === 'companies') this.pendingCompanies.add(id);
        else this.pendingObjects.set(type, (this.pendingObjects.get(type) ?? new Set()).add(id));
      }
    }
    this.schedule(this.debounceMs);
  }

  /** Recomputes everything pending now (shutdown calls it); resolves when that pass is done. */
  flush(): Promise<void> {
    this.cancelTimer();
    this.running = this.running.then(() => this.process());
    return this.running;
  }

  /** Records (companies, or deals/tickets/contacts not yet resolved to companies) waiting for a recompute. */
  get pending(): number {
    let count = this.pendingCompanies.size;
    for (const ids of this.pendingObjects.values()) count += ids.size;
    return count;
  }

  /** Companies whose writes were refused `maxAttempts` times: reported, never silently dropped. */
  get failedCompanies(): FailedCompany[] {
    return [...this.failed.values()];
  }

  private remember(eventId: string): void {
    this.seen.add(eventId);
    // A Set iterates in insertion order: dropping the first entry forgets the oldest id.
    if (this.seen.size > this.rememberEvents) this.seen.delete(this.seen.values().next().value as string);
  }

  private schedule(delayMs: number): void {
    if (this.pending === 0) return;
    const now = this.now();
    this.firstPendingAt ??= now;
    const due = Math.min(now + delayMs, this.firstPendingAt + this.maxWaitMs);
    this.cancelTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, Math.max(0, due - now));
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async process(): Promise<void> {
    const objects = this.pendingObjects;
    this.pendingObjects = new Map();
    this.firstPendingAt = undefined;
    let failed = false;

    const companies = new Set(this.pendingCompanies);
    this.pendingCompanies.clear();
    for (const [type, ids] of objects) {
      try {
        for (const company of await this.options.companiesOf(type, [...ids])) companies.add(company);
      } catch (error) {
        failed = true;
        this.fail(error, 'resolve', [...ids]);
        for (const id of ids) this.pendingObjects.set(type, (this.pendingObjects.get(type) ?? new Set()).add(id));
      }
    }

    const ids = [...companies];
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const batch = ids.slice(start, start + this.batchSize);
      try {
        const result = await this.options.recompute(batch);
        this.stats.recomputes += 1;
        this.stats.companiesRecomputed += batch.length;
        const refused = new Map((result?.failed ?? []).map((f) => [f.id, f.message]));
        for (const id of batch) {
          const message = refused.get(id);
          if (message === undefined) {
            this.attempts.delete(id);
            this.failed.delete(id);
          } else if (this.refusedAgain(id, message)) failed = true;
        }
      } catch (error) {
        failed = true;
        this.fail(error, 'recompute', batch);
        for (const id of batch) this.pendingCompanies.add(id);
      }
    }

    if (!failed) {
      this.consecutiveFailures = 0;
      return;
    }
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.maxFailedPasses) {
      this.giveUpOnPending(`still failing after ${this.consecutiveFailures} passes: ${this.lastError}`);
      this.consecutiveFailures = 0;
      return;
    }
    this.stats.retries += 1;
    this.schedule(Math.min(this.maxWaitMs, this.retryDelayMs * 2 ** (this.consecutiveFailures - 1)));
  }

  /** Counts a refused write; true when the company goes back to pending for another try. */
  private refusedAgain(id: string, message: string): boolean {
    this.stats.refusedWrites += 1;
    const attempts = (this.attempts.get(id) ?? 0) + 1;
    if (attempts < this.maxAttempts) {
      this.attempts.set(id, attempts);
      this.pendingCompanies.add(id);
      return true;
    }
    this.attempts.delete(id);
    const failure = { id, message, attempts };
    this.failed.set(id, failure);
    this.stats.gaveUp += 1;
    try {
      this.options.onGiveUp?.(failure);
    } catch {
      // A failing reporter must not stop the coalescer.
    }
    return false;
  }

  /** Lists everything pending as failed (deals, tickets and contacts as `type/id`): a bounded retry, never a silent drop. */
  private giveUpOnPending(message: string): void {
    const ids = [...this.pendingCompanies];
    for (const [type, objectIds] of this.pendingObjects) for (const id of objectIds) ids.push(`${type}/${id}`);
    this.pendingCompanies.clear();
    this.pendingObjects = new Map();
    for (const id of ids) {
      const failure = { id, message, attempts: this.maxFailedPasses };
      this.failed.set(id, failure);
      this.stats.gaveUp += 1;
      try {
        this.options.onGiveUp?.(failure);
      } catch {
        // A failing reporter must not stop the coalescer.
      }
    }
  }

  private fail(error: unknown, stage: 'resolve' | 'recompute', ids: string[]): void {
    this.stats.failures += 1;
    this.lastError = error instanceof Error ? error.message : String(error);
    try {
      this.options.onError?.(error, { stage, ids });
    } catch {
      // A failing error reporter must not stop the coalescer.
    }
  }
}
