import type { Logger } from 'pino';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Plans } from '../domain/objectives/plan-schema';
import { canViewAttainment } from '../domain/objectives/visibility';
import { HubSpotError, HubSpotErrorCode, PortalContextCache, type HubSpotGateway } from '../hubspot';
import { companiesOfRecords } from '../hubspot/feedback-companies';
import { ChangeCoalescer } from '../server/change-coalescer';
import type { BackendHandlers, CardAnswer, RecomputeOutcome } from '../server/create-backend';
import { recomputeCompanies } from '../sync/recompute-companies';
import type { RetentionTargetView } from '../views/retention-target-view';
import type { CardDependencies } from './card-dependencies';
import { matchViewer, type CardViewer } from './card-request';
import { customerHealthCard } from './cards/customer-health-handler';
import { myObjectivesCard } from './cards/my-objectives-handler';
import { retentionTargetCard } from './cards/retention-target-handler';
import type { CardHandler } from './app-function-adapter';
import type { EngineStateSource } from './engine-state';

/** Which settings and model version an answer was computed with (0 / null = defaults, rule weights). */
export interface EngineVersions {
  settings: number;
  model: number | null;
}

/**
 * The cards the backend serves through hubspot.fetch, by the name the card asks for. A
 * null-prototype object (so `Object.keys` still lists them) read through {@link cardHandler}: a
 * card named `constructor` or `toString` finds nothing instead of Object.prototype's function.
 */
export const CARD_HANDLERS: Readonly<Record<string, CardHandler<unknown>>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, CardHandler<unknown>>, {
    'customer-health': customerHealthCard as CardHandler<unknown>,
    'retention-target': retentionTargetCard as CardHandler<unknown>,
    'my-objectives': myObjectivesCard as CardHandler<unknown>,
  }),
);

/** The handler of a card by name, own keys only. */
export const cardHandler = (name: string): CardHandler<unknown> | undefined => (Object.hasOwn(CARD_HANDLERS, name) ? CARD_HANDLERS[name] : undefined);

export interface BackendWiring {
  handlers: BackendHandlers;
  /** The in-memory webhook coalescer, for a backend run without the job queue (built on first use). */
  readonly coalescer: ChangeCoalescer;
  deps: CardDependencies;
}

/** Shortest time between two fresh owner reads caused by an unknown viewer. */
const OWNERS_REFRESH_MS = 60_000;

/** Why a recompute for the workflow action failed, in words an admin reading the workflow history can act on. */
function recomputeFailure(error: unknown): RecomputeOutcome {
  if (error instanceof HubSpotError) {
    if (error.code === HubSpotErrorCode.Unauthorized) return { status: 'failed', retryable: false, message: "HubSpot refused cs-health's access token: ask an admin to check the app token" };
    if (error.code === HubSpotErrorCode.Forbidden) return { status: 'failed', retryable: false, message: 'HubSpot refused access: the app lacks a scope it needs' };
    if (error.code === HubSpotErrorCode.DailyLimit) return { status: 'failed', retryable: true, message: "the portal's daily API limit is reached" };
    if (error.retryable) return { status: 'failed', retryable: true, message: 'HubSpot is busy or unreachable' };
    return { status: 'failed', retryable: false, message: `HubSpot refused the request (${error.code})` };
  }
  throw error;
}

/** Connects the express backend to the data layer and the engine. */
export function wireBackend(
  gateway: HubSpotGateway,
  config: EngineConfig,
  logger: Logger,
  options: { model?: ChurnModel; plans?: Plans; now?: () => Date; debounceMs?: number; maxWaitMs?: number; maxAttempts?: number; engineState?: EngineStateSource } = {},
): BackendWiring {
  const now = options.now ?? (() => new Date());
  // One cache for cards, recomputes and the viewer check: a stranger re-reads the owners alone.
  const contexts = new PortalContextCache(gateway);
  const deps: CardDependencies = { gateway, config, now, model: options.model, plans: options.plans, portalContext: () => contexts.get() };
  let versions: EngineVersions | undefined;
  // With a store, every card and recompute takes the newest settings and model first: the card a
  // CSM opens and the property the sync wrote are computed with the same versions.
  const refresh = async () => {
    if (!options.engineState) return;
    const state = await options.engineState();
    Object.assign(deps, { config: state.config, model: state.model, plans: state.plans ?? options.plans });
    versions = { settings: state.settingsVersion, model: state.modelVersion };
  };
  const recompute = async (ids: string[]) => {
    await refresh();
    const result = await recomputeCompanies(gateway, deps.config, ids, now(), { model: deps.model, context: await deps.portalContext() });
    const log = result.failed.length ? logger.warn.bind(logger) : logger.info.bind(logger);
    log({ companies: ids.length, written: result.written, failed: result.failed.length, refused: result.failed.slice(0, 5) }, 'recomputed companies after changes');
    return result;
  };
  // Built on first use: `serve` and `start` hand webhooks to the durable job queue and never touch it.
  let coalescer: ChangeCoalescer | undefined;
  const buildCoalescer = () => new ChangeCoalescer({
    companiesOf: (type, ids) => companiesOfRecords(gateway, type, ids, (unlinked) => logger.warn({ answers: unlinked.length, ids: unlinked.slice(0, 10) }, 'survey answers linked to no company: nothing to recompute for them')),
    recompute: async (ids) => ({ failed: (await recompute(ids)).failed }),
    debounceMs: options.debounceMs,
    maxWaitMs: options.maxWaitMs,
    maxAttempts: options.maxAttempts,
    onError: (error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'recompute after webhook failed; will retry'),
    onGiveUp: (failure) => logger.error({ companyId: failure.id, attempts: failure.attempts, reason: failure.message }, 'HubSpot kept refusing this company\'s write; listed in failedCompanies'),
  });
  let lastOwnersRefresh = now().getTime();
  const handlers: BackendHandlers = {
    identify: async (claim) => {
      try {
        const verdict = matchViewer((await deps.portalContext()).owners, claim);
        if (verdict.ok || verdict.status !== 403) return verdict;
        // An owner added since the owners were cached is found by a fresh read, at most once a
        // minute, so a stream of strangers cannot turn into a stream of HubSpot calls.
        if (now().getTime() - lastOwnersRefresh < OWNERS_REFRESH_MS) return verdict;
        lastOwnersRefresh = now().getTime();
        contexts.invalidate('owners');
        return matchViewer((await contexts.get()).owners, claim);
      } catch (error) {
        if (error instanceof HubSpotError) return { ok: false, status: 503, reason: 'the portal\'s owners could not be read from HubSpot to check who is looking; try again in a moment' };
        throw error;
      }
    },
    card: async (name, input, viewer) => {
      const handler = cardHandler(name);
      if (!handler) return { status: 'error', code: 'NOT_FOUND', message: `unknown card ${name}` };
      await refresh();
      const answer = await handler(deps, input, viewer);
      const checked = name === 'retention-target' ? await repRecordFor(deps, viewer, answer) : answer;
      return checked.status === 'ok' && versions ? { ...checked, versions } : checked;
    },
    recomputeHealth: async (companyId) => {
      let result: Awaited<ReturnType<typeof recompute>>;
      try {
        result = await recompute([companyId]);
      } catch (error) {
        return recomputeFailure(error);
      }
      const assessment = result.assessments[0];
      if (!assessment) return { status: 'not_found' };
      const refused = result.failed.find((f) => f.id === companyId);
      if (refused) return { status: 'failed', retryable: false, message: `HubSpot refused the write of company ${companyId}: ${refused.message}` };
      // Not scored (churned, prospect, no data): workflows get no number rather than a made-up one.
      if (!assessment.health || !assessment.churnRisk) return { status: 'failed', retryable: false, message: `company ${companyId} has no score: ${assessment.status.status === 'active' ? 'no component has data' : `it is ${assessment.status.status === 'churned' ? 'a churned customer' : 'a prospect'}, and only active customers are scored`}` };
      return { status: 'ok', fields: { score: Math.round(assessment.health.finalScore), band: assessment.health.band, churn_risk: assessment.churnRisk.level } };
    },
  };
  return {
    handlers,
    deps,
    get coalescer() {
      return (coalescer ??= buildCoalescer());
    },
  };
}

/**
 * The Retention target card carries the rep's early-churn record: a personal figure, shown only to
 * the rep and the rep's manager (the same rule as objectives). Anyone else gets a refusal and no
 * figures. A deal without an owner has no rep record to protect.
 */
async function repRecordFor(deps: CardDependencies, viewer: CardViewer, answer: CardAnswer): Promise<CardAnswer> {
  if (answer.status !== 'ok') return answer;
  const repId = (answer.view as RetentionTargetView).rep.ownerId;
  if (repId === undefined) return answer;
  const context = await deps.portalContext();
  const plans = deps.plans;
  const asPerson = (id: string | undefined) => {
    const owner = context.owners.find((o) => o.id === id);
    return owner && { ownerId: owner.id, teamIds: owner.teamIds, role: plans?.managers.includes(owner.id) ? 'cs_manager' : owner.role };
  };
  const rep = asPerson(repId) ?? { ownerId: repId, teamIds: [] };
  const visibility = canViewAttainment(asPerson(viewer.ownerId), rep);
  if (visibility.allowed) return answer;
  return { status: 'error', code: 'FORBIDDEN', message: `The rep's early-churn record is not yours to see: ${visibility.reason}.` };
}
