import type { HubSpotGateway } from './hubspot-gateway';
import { readGoalTargets, readOwners, readStages, type PortalContext } from './portal-context';

/** The parts of the portal context, each read, cached and invalidated on its own. */
export type ContextPart = 'owners' | 'dealStages' | 'ticketStages' | 'goalTargets';
const PARTS: readonly ContextPart[] = ['owners', 'dealStages', 'ticketStages', 'goalTargets'];

export interface PortalContextCacheOptions {
  /** How long a part is trusted without a sign that it changed. */
  ttlMs?: number;
  /** A part re-read because of an unknown id is not re-read again for this long (a stage deleted for good). */
  refreshGapMs?: number;
  now?: () => number;
}

/** Ids met in records that the context must know: an unknown one means a part is out of date. */
export interface ReferencedIds {
  dealStages?: Iterable<string>;
  ticketStages?: Iterable<string>;
  owners?: Iterable<string>;
}

type Cached = { [P in ContextPart]?: { at: number; value: Promise<PortalContext[P]> } };

/**
 * Keeps owners, pipelines and goal targets between incremental recomputes, so one changed object
 * costs only its own reads (a demo portal's context is 21 calls, 16 of them goal-target pages).
 *
 * Invalidation, since HubSpot sends no webhook for owners, pipelines or goals:
 * - each part expires after `ttlMs` and is then re-read alone;
 * - `invalidate(part)` drops one (an admin changed a pipeline, a goal was set);
 * - `get(referenced)` re-reads a part at once when a record names a stage or owner it does not
 *   know (a new stage would otherwise drop the deal as `deal.stage.unknown`), at most once per
 *   `refreshGapMs` per part.
 * A failed read is not cached.
 *
 * @example
 * const contexts = new PortalContextCache(gateway, { ttlMs: 10 * 60_000 });
 * const context = await contexts.get({ dealStages: ['closedwon'] }); // 0 calls when fresh
 */
export class PortalContextCache {
  private readonly cached: Cached = {};
  private readonly refreshedForUnknown: Partial<Record<ContextPart, number>> = {};
  private readonly ttlMs: number;
  private readonly refreshGapMs: number;
  private readonly now: () => number;

  constructor(
    private readonly gateway: HubSpotGateway,
    options: PortalContextCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 10 * 60_000;
    this.refreshGapMs = options.refreshGapMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The context, re-reading only the parts that expired, were invalidated or miss a referenced id. */
  async get(referenced: ReferencedIds = {}): Promise<PortalContext> {
    let context = await this.current();
    const stale = this.partsMissing(context, referenced).filter((part) => this.now() - (this.refreshedForUnknown[part] ?? -Infinity) >= this.refreshGapMs);
    if (stale.length > 0) {
      for (const part of stale) this.refreshedForUnknown[part] = this.now();
      this.invalidate(...stale);
      context = await this.current();
    }
    return context;
  }

  invalidate(...parts: ContextPart[]): void {
    for (const part of parts.length > 0 ? parts : PARTS) delete this.cached[part];
  }

  private async current(): Promise<PortalContext> {
    const [owners, dealStages, ticketStages, goalTargets] = await Promise.all([
      this.part('owners', () => readOwners(this.gateway)),
      this.part('dealStages', () => readStages(this.gateway, 'deals')),
      this.part('ticketStages', () => readStages(this.gateway, 'tickets')),
      this.part('goalTargets', () => readGoalTargets(this.gateway)),
    ]);
    return { owners, dealStages, ticketStages, goalTargets };
  }

  private part<P extends ContextPart>(part: P, read: () => Promise<PortalContext[P]>): Promise<PortalContext[P]> {
    const entry = this.cached[part];
    if (entry && this.now() - entry.at <= this.ttlMs) return entry.value;
    const value = read();
    (this.cached as Record<P, { at: number; value: Promise<PortalContext[P]> }>)[part] = { at: this.now(), value };
    value.catch(() => {
      if (this.cached[part]?.value === value) delete this.cached[part];
    });
    return value;
  }

  private partsMissing(context: PortalContext, referenced: ReferencedIds): ContextPart[] {
    const missing: ContextPart[] = [];
    const unknown = (ids: Iterable<string> | undefined, known: (id: string) => boolean) => [...(ids ?? [])].some((id) => !known(id));
    if (unknown(referenced.dealStages, (id) => context.dealStages.has(id))) missing.push('dealStages');
    if (unknown(referenced.ticketStages, (id) => context.ticketStages.has(id))) missing.push('ticketStages');
    const ownerIds = new Set(context.owners.map((owner) => owner.id));
    if (unknown(referenced.owners, (id) => ownerIds.has(id))) missing.push('owners');
    return missing;
  }
}
