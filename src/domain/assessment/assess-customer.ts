import { assessChurnRisk, type ChurnRisk } from '../churn-risk/churn-risk';
import type { ChurnModel } from '../churn-risk/churn-model';
import type { EngineConfig } from '../config/engine-config';
import type { Customer } from '../customer';
import type { CompanyFeedback } from '../feedback/company-feedback';
import { detractorFollowUpDue } from '../feedback/detractor-followup';
import { signalsAt } from '../health/customer-signals';
import { scoreHealth, type HealthScore } from '../health/health-score';
import type { Metric } from '../metric';
import { customerRetention, trailingTwelveMonths, type RetentionFigures } from '../revenue/retention';
import { nextBestActions, type NextBestAction } from './next-best-actions';

export interface CustomerAssessment {
  customerId: string;
  asOf: Date;
  health: HealthScore;
  churnRisk: ChurnRisk;
  feedback: CompanyFeedback;
  retention12m: Metric<RetentionFigures>;
  mrr: number;
  hasRevenue: boolean;
  detractorFollowUpDue?: Date;
  actions: NextBestAction[];
}

/**
 * Everything the product computes for one customer as of a date: health with its breakdown and
 * trend, churn risk with reasons, NPS/CSAT, 12-month NRR/GRR, MRR, detractor follow-up and next
 * best actions. Pure: the same inputs always give the same assessment.
 *
 * @example
 * const a = assessCustomer(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22'));
 * [a.health.band, a.churnRisk.level] // => ['at_risk', 'high']
 */
export function assessCustomer(customer: Customer, config: EngineConfig, asOf: Date, model?: ChurnModel): CustomerAssessment {
  const signals = signalsAt(customer, config, asOf);
  const health = scoreHealth(customer, config, asOf, signals);
  const churnRisk = assessChurnRisk(signals, { score: health.finalScore, band: health.band }, config, model);
  const followUp = detractorFollowUpDue(customer, asOf, config.windows.feedbackDays);
  return {
    customerId: customer.id,
    asOf,
    health,
    churnRisk,
    feedback: signals.feedback,
    retention12m: customerRetention(signals.contracts, trailingTwelveMonths(asOf)),
    mrr: signals.mrrNow,
    hasRevenue: signals.contracts.length > 0,
    detractorFollowUpDue: followUp,
    actions: nextBestActions(signals, { score: health.finalScore, band: health.band }, churnRisk, followUp),
  };
}
