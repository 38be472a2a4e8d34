import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import type { Deal } from '../customer';
import type { Period } from '../time/days';
import type { EarlyChurnRecord } from './early-churn-record';
import { earlyChurnRisk, type CustomerHealthInput, type EarlyLifeSignals } from './early-churn-risk';

/** Early churn above this share of a rep's new customers misses the objective (plan default). */
export const DEFAULT_EARLY_CHURN_TARGET_PERCENT = 5;

export type RetentionStatus = 'on_track' | 'at_risk' | 'missed';

export interface RetentionTarget {
  earlyChurnRisk: ChurnRiskLevel;
  /** Why the early churn risk is what it is. */
  riskReasons: string[];
  /** Won new business closed in the plan period: it counts toward the rep's retention objective. */
  countsTowardObjective: boolean;
  status: RetentionStatus;
  reason: string;
}

export interface RetentionContext {
  /** The sales plan period; without it any won new business counts. */
  period?: Period;
  signals?: EarlyLifeSignals;
  /** The customer of this deal paid nothing 90 days after its close. */
  lostWithin90Days?: boolean;
}

const isNewBusiness = (deal: Pick<Deal, 'dealType'>) => deal.dealType === 'newbusiness';

/**
 * What a deal means for the rep's retention objective: won new business in the plan period counts;
 * the customer's health, churn risk and early-life signals say whether it will still be here after
 * 90 days; the rep's record against the target says whether the objective is already missed, or so
 * close that one more early loss would miss it.
 *
 * @example
 * retentionTarget({ dealType: 'newbusiness', outcome: 'open' }, { band: 'at_risk', risk: 'high' }, { wonCustomers: 10, lostWithinWindow: 0, rate: 0 }, 5)
 * // => { earlyChurnRisk: 'high', countsTowardObjective: false, status: 'at_risk', reason: 'New business with a customer at risk (health at_risk, churn risk high): it will count once won.', ... }
 */
export function retentionTarget(deal: Pick<Deal, 'dealType' | 'outcome'> & Partial<Pick<Deal, 'closedAt'>>, customer: CustomerHealthInput | undefined, record: EarlyChurnRecord, targetRatePercent: number, context: RetentionContext = {}): RetentionTarget {
  const inPeriod = !context.period || (deal.closedAt !== undefined && deal.closedAt >= context.period.start && deal.closedAt <= context.period.end);
  const countsTowardObjective = isNewBusiness(deal) && deal.outcome === 'won' && inPeriod;
  const wouldCount = isNewBusiness(deal) && deal.outcome === 'open';
  const risk = earlyChurnRisk(customer, context.signals);
  const base = { earlyChurnRisk: risk.level, riskReasons: risk.reasons, countsTowardObjective };
  if (countsTowardObjective && context.lostWithin90Days) {
    return { ...base, status: 'missed', reason: 'The customer stopped paying within 90 days of the close.' };
  }
  if (record.rate !== undefined && record.rate > targetRatePercent) {
    return { ...base, status: 'missed', reason: `${record.lostWithinWindow} of ${record.wonCustomers} customers left within 90 days (${record.rate.toFixed(1)} %), above the ${targetRatePercent} % target.` };
  }
  const relevant = countsTowardObjective || wouldCount;
  const why = risk.reasons.join('; ');
  const tail = wouldCount ? ': it will count once won.' : '.';
  if (relevant && risk.level === 'high') {
    return { ...base, status: 'at_risk', reason: customer ? `New business with a customer at risk (${why})${tail}` : `New business without a company to judge${tail}` };
  }
  // One more early loss would take the rep over the target: a medium risk is then worth acting on.
  const oneMoreLoss = ((record.lostWithinWindow + 1) / (record.wonCustomers + 1)) * 100;
  if (relevant && risk.level === 'medium' && oneMoreLoss > targetRatePercent) {
    return { ...base, status: 'at_risk', reason: `One more customer lost early would put the rep at ${oneMoreLoss.toFixed(1)} %, above the ${targetRatePercent} % target, and this one carries a medium risk (${why})${tail}` };
  }
  if (relevant) return { ...base, status: 'on_track', reason: `New business with a customer in good shape${tail}` };
  return { ...base, status: 'on_track', reason: isNewBusiness(deal) ? 'Not won new business in the period: it does not count toward the retention objective.' : 'Not new business: it does not count toward the retention objective.' };
}
