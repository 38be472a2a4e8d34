import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import { DEAL_PROPERTIES, type PropertyValues } from '../computed-properties';
import type { Customer, Deal } from '../customer';
import type { Metric } from '../metric';
import type { Plans } from '../objectives/plan-schema';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS, type Period } from '../time/days';
import type { EarlyChurnRecord } from './early-churn-record';
import { earlyLifeSignals, type CustomerHealthInput } from './early-churn-risk';
import { DEFAULT_EARLY_CHURN_TARGET_PERCENT, retentionTarget, type RetentionStatus } from './retention-target';
import { checkStageProbability, type StageCheck, type StageProbability } from './stage-probability-check';
import { dealWeightedValue, type WeightedValue } from './weighted-value';

export interface DealRetentionInput {
  deal: Deal;
  /** The deal's company, when it has one. */
  customer?: Customer;
  /** The company's health score, band and churn risk, from the health module. */
  health?: CustomerHealthInput;
  /** The deal owner's early-churn record. */
  repRecord: EarlyChurnRecord;
  /** From the sales plan; {@link DEFAULT_EARLY_CHURN_TARGET_PERCENT} otherwise. */
  targetRatePercent?: number;
  /** The sales plan period: only new business won in it counts. */
  period?: Period;
  asOf: Date;
  /** The deal pipeline's stages, to check that probability rises with the stage. */
  stages?: readonly StageProbability[];
}

export interface DealRetention {
  dealId: string;
  healthScore?: number;
  churnRisk?: ChurnRiskLevel;
  earlyChurnRisk: ChurnRiskLevel;
  riskReasons: string[];
  countsTowardObjective: boolean;
  status: RetentionStatus;
  reason: string;
  rep: { ownerId?: string; record: EarlyChurnRecord; targetRatePercent: number };
  weightedValue: Metric<WeightedValue>;
  stageCheck?: StageCheck;
}

/**
 * The early-churn target of the sales plan (its `early_churn_rate` target), or the default 5 %.
 *
 * @example
 * earlyChurnTargetPercent(loadPlans({ period })) // => 5
 */
export function earlyChurnTargetPercent(plans: Pick<Plans, 'roles'> | undefined): number {
  return plans?.roles.sales_rep.measures.find((m) => m.measure === 'early_churn_rate')?.target ?? DEFAULT_EARLY_CHURN_TARGET_PERCENT;
}

/** True once 90 days have passed since a won deal's close and the customer paid nothing on that day. */
function lostWithin90Days(deal: Deal, customer: Customer | undefined, asOf: Date): boolean {
  if (!customer || deal.outcome !== 'won' || !deal.closedAt) return false;
  const judgedAt = deal.closedAt.getTime() + 90 * DAY_MS;
  return judgedAt <= asOf.getTime() && mrrOn(revenueContracts(customer.deals), judgedAt) <= 0;
}

/**
 * Everything the deal card and the deal properties say about a deal's retention target: the
 * customer's health and churn risk, the early churn risk with its reasons, whether the deal counts
 * toward the rep's objective and its status, the rep's record against the target, the weighted
 * value and the stage/probability check.
 *
 * @example
 * assessDealRetention({ deal, customer, health: { score: 82, band: 'healthy', risk: 'low' }, repRecord, asOf }).status // => 'on_track'
 */
export function assessDealRetention(input: DealRetentionInput): DealRetention {
  const { deal, customer, health, repRecord, asOf } = input;
  const targetRatePercent = input.targetRatePercent ?? DEFAULT_EARLY_CHURN_TARGET_PERCENT;
  const signals = customer ? earlyLifeSignals(customer, deal, asOf) : undefined;
  const target = retentionTarget(deal, customer ? health : undefined, repRecord, targetRatePercent, { period: input.period, signals, lostWithin90Days: lostWithin90Days(deal, customer, asOf) });
  return {
    dealId: deal.id,
    healthScore: health?.score,
    churnRisk: health?.risk,
    earlyChurnRisk: target.earlyChurnRisk,
    riskReasons: target.riskReasons,
    countsTowardObjective: target.countsTowardObjective,
    status: target.status,
    reason: target.reason,
    rep: { ownerId: deal.ownerId, record: repRecord, targetRatePercent },
    weightedValue: dealWeightedValue(deal),
    stageCheck: input.stages ? checkStageProbability(deal.stageId, input.stages, deal.stageProbability) : undefined,
  };
}

type DealPropertyName = (typeof DEAL_PROPERTIES)[number]['name'];

/**
 * The deal properties cs-health writes (DEAL_PROPERTIES): an unknown health score is written empty,
 * never 0.
 *
 * @example
 * dealPropertyValues(assessDealRetention(input))
 * // => { cs_customer_health_score: '82', cs_early_churn_risk: 'low', cs_retention_target_status: 'on_track' }
 */
export function dealPropertyValues(r: Pick<DealRetention, 'healthScore' | 'earlyChurnRisk' | 'status'>): PropertyValues & Record<DealPropertyName, string | null> {
  return {
    cs_customer_health_score: r.healthScore === undefined || !Number.isFinite(r.healthScore) ? null : String(Math.round(r.healthScore)),
    cs_early_churn_risk: r.earlyChurnRisk,
    cs_retention_target_status: r.status,
  };
}
