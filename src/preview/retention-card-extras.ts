import type { RetentionCardExtras } from '../../extensions/cards/components/card-extras';
import type { CardDependencies } from '../app/card-dependencies';
import { openPipeline } from '../domain/portfolio/open-pipeline';
import { readDealWithCompany, readRepCustomers } from '../hubspot';

/**
 * The retention target card's optional parts for the preview, as the backend would send them: the
 * deal stage's label as HubSpot names it, and the weighted total of the rep's open pipeline over
 * the rep's customers' deals (each deal once).
 */
export async function retentionCardExtras(deps: CardDependencies, dealId: string): Promise<RetentionCardExtras> {
  const context = await deps.portalContext();
  const found = await readDealWithCompany(deps.gateway, context, deps.config.mapping, dealId);
  if (!found) return {};
  const { deal } = found;
  const stageLabel = deal.stageId ? context.dealStages.get(deal.stageId)?.label : undefined;
  const repDeals = deal.ownerId ? (await readRepCustomers(deps.gateway, context, deps.config.mapping, deal.ownerId)).flatMap((c) => c.deals) : [];
  return {
    ...(stageLabel ? { stageLabel } : {}),
    ...(deal.ownerId ? { openPipeline: openPipeline([deal, ...repDeals], deal.ownerId) } : {}),
  };
}
