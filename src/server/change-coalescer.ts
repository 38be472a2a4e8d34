import { z } from 'zod';

/** One HubSpot webhook event, as the platform sends them (only what routing needs is kept). */
export const webhookEventSchema = z
  .object({
    eventId: z.union([z.number(), z.string()]).transform(String),
    subscriptionType: z.string().min(1),
    objectId: z.union([z.number(), z.string()]).transform(String).refine((id) => /^\d{1,19}$/.test(id), { message: 'objectId must be a numeric id' }),
    portalId: z.union([z.number(), z.string()]).transform(Number).optional(),
    objectTypeId: z.string().optional(),
    occurredAt: z.number().optional(),
    propertyName: z.string().optional(),
  })
  .loose();

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type ChangedObjectType = 'companies' | 'deals' | 'tickets' | 'contacts';

const TYPE_IDS: Record<string, ChangedObjectType> = { '0-1': 'contacts', '0-2': 'companies', '0-3': 'deals', '0-5': 'tickets' };
const PREFIXES: Record<string, ChangedObjectType> = { contact: 'contacts', company: 'companies', deal: 'deals', ticket: 'tickets' };

/** The object type an event is about: from `objectTypeId` (object.* events) or the subscription prefix (deal.*). */
export function changedObjectType(event: WebhookEvent): ChangedObjectType | undefined {
  if (event.objectTypeId && TYPE_IDS[event.objectTypeId]) return TYPE_IDS[event.objectTypeId];
  return PREFIXES[event.subscriptionType.split('.')[0]];
}

export interface CoalescerOptions {
  /** Companies linked to changed deals, tickets or contacts (one association batch read per type). */
  companiesOf: (objectType: Exclude<ChangedObjectType, 'companies'>, ids: string[]) => Promise<string[]>;
  recompute: (companyIds: string[]) => Promise<void>;
  /** Quiet time after the last event before recomputing (bursts collapse into one recompute). */
  debounceMs?: number;
  /** Longest wait after the first pending event, so a steady stream still lands within a minute. */
  maxWaitMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

export interface CoalescerStats {
  eventsReceived: number;
  duplicates: number;
  ignored: number;
  recomputes: number;
  companiesRecomputed: number;
  failures: number;
}

/**
 * Collects webhook events and recomputes each touched company once per burst: a thousand changes
 * to one company cost one recompute. A failed recompute keeps its companies pending and retries at
 * the next flush, so no change is lost.
 */
export class ChangeCoalescer {
  readonly stats: CoalescerStats = { eventsReceived: 0, duplicates: 0, ignored: 0, recomputes: 0, companiesRecomputed: 0, failures: 0 };
  private readonly seen = new Set<string>();
  private pendingObjects = new Map<ChangedObjectType, Set<string>>();
  private readonly pendingCompanies = new Set<string>();
  private firstPendingAt: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly now: () => number;

  constructor(private readonly options: CoalescerOptions) {
    this.debounceMs = options.debounceMs ?? 5_000;
    this.maxWaitMs = options.maxWaitMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  add(events: readonly WebhookEvent[]): void {
    for (const event of events) {
      this.stats.eventsReceived += 1;
      if (this.seen.has(event.eventId)) {
        this.stats.duplicates += 1;
        continue;
      }
      this.seen.add(event.eventId);
      if (this.seen.size > 100_000) this.seen.clear();
      const type = changedObjectType(event);
      if (!type) {
        this.stats.ignored += 1;
        continue;
      }
      const ids = this.pendingObjects.get(type) ?? new Set<string>();
      ids.add(event.objectId);
      this.pendingObjects.set(type, ids);
    }
    this.schedule();
  }

  /** Recomputes everything pending now (also used on shutdown). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running = this.running.then(() => this.process());
    return this.running;
  }

  get pending(): number {
    let count = this.pendingCompanies.size;
    for (const ids of this.pendingObjects.values()) count += ids.size;
    return count;
  }

  private schedule(): void {
    if (this.pending === 0) return;
    const now = this.now();
    this.firstPendingAt ??= now;
    const due = Math.min(now + this.debounceMs, this.firstPendingAt + this.maxWaitMs);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), Math.max(0, due - now));
    this.timer.unref?.();
  }

  private async process(): Promise<void> {
    const objects = this.pendingObjects;
    this.pendingObjects = new Map();
    this.firstPendingAt = undefined;
    try {
      for (const id of objects.get('companies') ?? []) this.pendingCompanies.add(id);
      for (const type of ['deals', 'tickets', 'contacts'] as const) {
        const ids = [...(objects.get(type) ?? [])];
        if (ids.length) for (const company of await this.options.companiesOf(type, ids)) this.pendingCompanies.add(company);
      }
      const companies = [...this.pendingCompanies];
      if (companies.length === 0) return;
      await this.options.recompute(companies);
      for (const id of companies) this.pendingCompanies.delete(id);
      this.stats.recomputes += 1;
      this.stats.companiesRecomputed += companies.length;
    } catch (error) {
      // Keep what was not resolved or recomputed; it is retried on the next flush.
      for (const [type, ids] of objects) if (type !== 'companies') for (const id of ids) this.pendingObjects.set(type, (this.pendingObjects.get(type) ?? new Set()).add(id));
      this.stats.failures += 1;
      this.options.onError?.(error);
      this.schedule();
    }
  }
}
