import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Plans } from '../domain/objectives/plan-schema';
import { HubSpotError, HubSpotErrorCode, PortalContextCache, type HubSpotGateway, type PortalContext } from '../hubspot';
import type { SnapshotRepository, StatementRepository } from '../store/store';
import type { CardErrorCode, CardResponse } from '../views/card-response';

/** What a card handler needs; the adapters (app functions, express backend) build it. */
export interface CardDependencies {
  gateway: HubSpotGateway;
  config: EngineConfig;
  now: () => Date;
  model?: ChurnModel;
  /** Incentive plans; the brief's defaults for the current quarter when absent. */
  plans?: Plans;
  /** Owners, pipelines and goals change rarely: read once and shared across renders. */
  portalContext: () => Promise<PortalContext>;
  /**
   * The store's daily snapshots (the backend passes `store.snapshots`). Absent (app functions, the
   * preview) or empty for a company, the health card falls back to HubSpot's property history.
   */
  snapshots?: Pick<SnapshotRepository, 'history'>;
  /** The sync's period statements (the backend passes `store.statements`): My objectives' department and company levels. */
  statements?: Pick<StatementRepository, 'latest'>;
}

/**
 * The portal context for card renders, from the data layer's one cache ({@link PortalContextCache}):
 * each part (owners, stages, goal targets) expires after `ttlMs` on its own and a failed read is not
 * cached, so a render costs only its own record's reads.
 */
export function cachedPortalContext(gateway: HubSpotGateway, now: () => number = Date.now, ttlMs = 10 * 60_000): () => Promise<PortalContext> {
  const cache = new PortalContextCache(gateway, { ttlMs, now });
  return () => cache.get();
}

const MESSAGES: Partial<Record<HubSpotErrorCode, [CardErrorCode, string]>> = {
  [HubSpotErrorCode.NotFound]: ['NOT_FOUND', 'This record was not found in HubSpot.'],
  [HubSpotErrorCode.Unauthorized]: ['FORBIDDEN', 'cs-health is not authorised on this portal: ask an admin to check the app token.'],
  [HubSpotErrorCode.Forbidden]: ['FORBIDDEN', 'cs-health lacks a permission it needs: ask an admin to check the app scopes.'],
  [HubSpotErrorCode.RateLimited]: ['UNAVAILABLE', 'HubSpot is busy right now: try again in a few seconds.'],
  [HubSpotErrorCode.DailyLimit]: ['UNAVAILABLE', "The portal's daily API limit is reached: figures refresh tomorrow."],
  [HubSpotErrorCode.ServerError]: ['UNAVAILABLE', 'HubSpot did not answer: try again in a moment.'],
  [HubSpotErrorCode.Network]: ['UNAVAILABLE', 'HubSpot could not be reached: try again in a moment.'],
};

/** Any failure as an error a CSM can read; unknown failures say so without details. */
export function cardError<T>(error: unknown): CardResponse<T> {
  if (error instanceof HubSpotError) {
    const [code, message] = MESSAGES[error.code] ?? ['INTERNAL', 'Something went wrong while reading HubSpot.'];
    return { status: 'error', code, message };
  }
  return { status: 'error', code: 'INTERNAL', message: 'Something went wrong while computing this card.' };
}
