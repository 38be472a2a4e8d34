import { assessChurnRisk, type ChurnRisk } from '../churn-risk/churn-risk';
import type { ChurnModel } from '../churn-risk/churn-model';
import type { EngineConfig } from '../config/engine-config';
import type { Customer } from '../customer';
import { customerStatus, type CustomerStatus } from '../customer-status/customer-status';
import type { CompanyFeedback } from '../feedback/company-feedback';
import { detractorFollowUpDue } from '../feedback/detractor-followup';
import { signalsAt, type CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { hasHealthData, scoreHealth, type HealthScore } from '../health/health-score';
import type { Metric } from '../metric';
import { customerRetention, trailingTwelveMonths, type RetentionFigures } from '../revenue/retention';
import { utcDay, type Period } from '../time/days';
import { nextBestActions, type NextBestAction } from './next-best-actions';

export interface CustomerAssessment {
  customerId: string;
  asOf: Date;
  /** Active, churned or prospect: health and churn risk are for active customers only. */
  status: CustomerStatus;
  /** Undefined for a customer who is not active, or when no component has data. */
  health?: HealthScore;
  /** Undefined for a customer who is not active. */
  churnRisk?: ChurnRisk;
  /** Why there is no health or churn risk, in words. */
  notScored?: string;
  signals: CustomerSignals;
  feedback: CompanyFeedback;
  retention12m: Metric<RetentionFigures>;
  mrr: number;
  hasRevenue: boolean;
  /** Open detractor follow-up of an active customer (an ex-customer is not in the queue). */
  detractorFollowUpDue?: Date;
  actions: NextBestAction[];
}

/**
 * Everything the product computes for one customer as of a date: its status, health with its
 * breakdown and trend, churn risk with reasons, NPS/CSAT, 12-month NRR/GRR, MRR, detractor
 * follow-up and next best actions. Health, churn risk, follow-ups and actions are for active
 * customers only; feedback and revenue figures are for everyone. Pure: the same inputs always give
 * the same assessment.
 *
 * @example
 * const a = assessCustomer(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22'));
 * [a.status.status, a.health?.band, a.churnRisk?.level] // => ['active', 'at_risk', 'high']
 */
export function assessCustomer(customer: Customer, config: EngineConfig, asOf: Date, model?: ChurnModel): CustomerAssessment {
  const signals = signalsAt(customer, config, asOf);
  const status = customerStatus(signals.contracts, asOf);
  const retention12m = customerRetention(signals.contracts, twelveMonthsTo(asOf));
  const hasRevenue = signals.contracts.length > 0;
  // Object literals rather than spreading a shared base: spreading costs more than the rest of the
  // assembly on this hot path. The key order is the same in both shapes.
  if (status.status !== 'active') {
    const notScored = status.status === 'churned' ? `churned on ${status.churnedAt && utcDay(status.churnedAt)}: health and churn risk are for active customers` : 'a prospect (never had a won contract): health and churn risk are for customers';
    return { customerId: customer.id, asOf, status, signals, feedback: signals.feedback, retention12m, mrr: signals.mrrNow, hasRevenue, notScored, actions: [] };
  }
  const scored = scoreHealth(customer, config, asOf, signals);
  const health = hasHealthData(scored) ? scored : undefined;
  const healthForRisk = health && healthRead(health.finalScore, health.band);
  const churnRisk = assessChurnRisk(signals, healthForRisk, config, model);
  const followUp = detractorFollowUpDue(customer, asOf, config.windows.feedbackDays);
  return {
    customerId: customer.id,
    asOf,
    status,
    signals,
    feedback: signals.feedback,
    retention12m,
    mrr: signals.mrrNow,
    hasRevenue,
    health,
    churnRisk,
    notScored: health ? undefined : 'no component has data',
    detractorFollowUpDue: followUp,
    actions: nextBestActions(signals, healthForRisk, churnRisk, followUp, config.timeZone),
  };
}

/**
 * The trailing twelve months, computed once for the run's date: every customer of a run is assessed
 * at the same date, and the calendar arithmetic costs more than the retention itself. The period
 * never leaves this module (retention reads it and keeps nothing of it), so sharing it is safe.
 */
function twelveMonthsTo(asOf: Date): Period {
  const t = asOf.getTime();
  if (lastPeriod?.end.getTime() !== t) lastPeriod = trailingTwelveMonths(new Date(t));
  return lastPeriod;
}

let lastPeriod: Period | undefined;

/**
 * The health the churn risk and the actions read, one record filled per customer: both read it at
 * once and keep nothing of it (a new one was a record and a boxed number per customer).
 */
function healthRead(score: number, band: HealthBand): { score: number; band: HealthBand } {
  healthScratch.score = score;
  healthScratch.band = band;
  return healthScratch;
}

const healthScratch: { score: number; band: HealthBand } = { score: 0, band: 'healthy' };
