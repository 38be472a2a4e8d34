import type { Logger } from 'pino';
import type { EngineConfig } from '../domain/config/engine-config';
import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { Plans } from '../domain/objectives/plan-schema';
import { batchReadAssociations, type HubSpotGateway } from '../hubspot';
import { ChangeCoalescer } from '../server/change-coalescer';
import type { BackendHandlers } from '../server/create-backend';
import { recomputeCompanies } from '../sync/recompute-companies';
import { cachedPortalContext, type CardDependencies } from './card-dependencies';
import { customerHealthCard } from './cards/customer-health-handler';
import { myObjectivesCard } from './cards/my-objectives-handler';
import { retentionTargetCard } from './cards/retention-target-handler';
import type { CardHandler } from './app-function-adapter';

/** The cards the backend serves through hubspot.fetch, by the name the card asks for. */
export const CARD_HANDLERS: Record<string, CardHandler<unknown>> = {
  'customer-health': customerHealthCard as CardHandler<unknown>,
  'retention-target': retentionTargetCard as CardHandler<unknown>,
  'my-objectives': myObjectivesCard as CardHandler<unknown>,
};

export interface BackendWiring {
  handlers: BackendHandlers;
  coalescer: ChangeCoalescer;
  deps: CardDependencies;
}

/** Connects the express backend to the data layer and the engine. */
export function wireBackend(gateway: HubSpotGateway, config: EngineConfig, logger: Logger, options: { model?: ChurnModel; plans?: Plans; now?: () => Date; debounceMs?: number; maxWaitMs?: number } = {}): BackendWiring {
  const now = options.now ?? (() => new Date());
  const deps: CardDependencies = { gateway, config, now, model: options.model, plans: options.plans, portalContext: cachedPortalContext(gateway) };
  const recompute = async (ids: string[]) => {
    const result = await recomputeCompanies(gateway, config, ids, now(), { model: options.model, context: await deps.portalContext() });
    logger.info({ companies: ids.length, written: result.written, failed: result.failed.length }, 'recomputed companies after changes');
    return result;
  };
  const coalescer = new ChangeCoalescer({
    companiesOf: async (type, ids) => [...new Set([...(await batchReadAssociations(gateway, type, 'companies', ids)).values()].flat())],
    recompute: async (ids) => {
      await recompute(ids);
    },
    debounceMs: options.debounceMs,
    maxWaitMs: options.maxWaitMs,
    onError: (error) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'recompute after webhook failed; will retry'),
  });
  const handlers: BackendHandlers = {
    card: (name, input, viewer) => {
      const handler = CARD_HANDLERS[name];
      return handler ? handler(deps, input, viewer) : Promise.resolve({ status: 'error', code: 'NOT_FOUND', message: `unknown card ${name}` });
    },
    recomputeHealth: async (companyId) => {
      const result = await recompute([companyId]);
      const assessment = result.assessments[0];
      // Not scored (churned, prospect, no data): workflows get no number rather than a made-up one.
      if (!assessment?.health || !assessment.churnRisk) return undefined;
      return { score: Math.round(assessment.health.finalScore), band: assessment.health.band, churn_risk: assessment.churnRisk.level };
    },
  };
  return { handlers, coalescer, deps };
}
