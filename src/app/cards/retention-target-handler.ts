import { assessCustomer } from '../../domain/assessment/assess-customer';
import { earlyChurnRecord } from '../../domain/sales/early-churn-record';
import { DEFAULT_EARLY_CHURN_TARGET_PERCENT, retentionTarget } from '../../domain/sales/retention-target';
import { checkStageProbability } from '../../domain/sales/stage-probability-check';
import { weightedValue } from '../../domain/sales/weighted-value';
import { readCustomers, readDealWithCompany, readRepCustomers } from '../../hubspot';
import type { CardResponse } from '../../views/card-response';
import type { RetentionTargetView } from '../../views/retention-target-view';
import { cardError, type CardDependencies } from '../card-dependencies';
import { cardRequestSchema, describeRequestProblem, type CardViewer } from '../card-request';


/**
 * The deal card: the customer's health and churn risk, the rep's early-churn record against the
 * target, whether the deal counts toward it, the weighted value and the stage/probability check.
 */
export async function retentionTargetCard(deps: CardDependencies, input: unknown, _viewer: CardViewer): Promise<CardResponse<RetentionTargetView>> {
  const parsed = cardRequestSchema.safeParse(input);
  if (!parsed.success) return { status: 'error', code: 'BAD_REQUEST', message: describeRequestProblem(parsed.error) };
  try {
    const context = await deps.portalContext();
    const found = await readDealWithCompany(deps.gateway, context, deps.config.mapping, parsed.data.recordId);
    if (!found) return { status: 'error', code: 'BAD_REQUEST', message: 'This deal is in a stage cs-health does not know: check the deal pipeline.' };
    const { deal, companyId } = found;
    const [customers, repCustomers] = await Promise.all([
      companyId ? readCustomers(deps.gateway, context, deps.config.mapping, [companyId]) : Promise.resolve([]),
      deal.ownerId ? readRepCustomers(deps.gateway, context, deps.config.mapping, deal.ownerId) : Promise.resolve([]),
    ]);
    const asOf = deps.now();
    const customer = customers[0];
    const assessment = customer && assessCustomer(customer, deps.config, asOf, deps.model);
    const record = earlyChurnRecord(repCustomers, deal.ownerId ?? '', asOf);
    const target = retentionTarget(deal, assessment?.health && assessment.churnRisk && { band: assessment.health.band, risk: assessment.churnRisk.level }, record, DEFAULT_EARLY_CHURN_TARGET_PERCENT);
    const stages = [...context.dealStages.entries()].filter(([, s]) => s.pipelineId === deal.pipelineId).map(([id, s]) => ({ id, label: s.label, order: s.order, probability: s.probability, isClosed: s.isClosed }));
    const owner = context.owners.find((o) => o.id === deal.ownerId);
    return {
      status: 'ok',
      view: {
        dealId: deal.id,
        dealName: deal.name ?? `Deal ${deal.id}`,
        customer: assessment?.health && assessment.churnRisk && { companyId: customer.id, name: customer.name ?? `Company ${customer.id}`, healthScore: Math.round(assessment.health.finalScore), band: assessment.health.band, churnRisk: assessment.churnRisk.level },
        ...(assessment && (!assessment.health || !assessment.churnRisk) ? { unscoredCustomer: { companyId: customer.id, name: customer.name ?? `Company ${customer.id}`, reason: assessment.notScored ?? 'no component has data' } } : {}),
        earlyChurnRisk: target.earlyChurnRisk,
        rep: { ownerId: deal.ownerId, name: owner ? [owner.firstName, owner.lastName].filter(Boolean).join(' ') : 'No owner', wonCustomers: record.wonCustomers, lostWithin90Days: record.lostWithinWindow, earlyChurnRate: record.rate, targetRate: DEFAULT_EARLY_CHURN_TARGET_PERCENT },
        countsTowardObjective: target.countsTowardObjective,
        status: target.status,
        statusReason: target.reason,
        weightedValue: deal.amount !== undefined && deal.stageProbability !== undefined ? { amount: deal.amount, probability: deal.stageProbability, value: weightedValue(deal.amount, deal.stageProbability) } : undefined,
        stageCheck: checkStageProbability(deal.stageId, stages),
      },
    };
  } catch (error) {
    return cardError(error);
  }
}
