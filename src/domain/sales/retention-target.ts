import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import type { Deal } from '../customer';
import type { HealthBand } from '../health/health-band';
import type { EarlyChurnRecord } from './early-churn-record';

/** Early churn above this share of a rep's new customers misses the objective (plan default). */
export const DEFAULT_EARLY_CHURN_TARGET_PERCENT = 5;

export type RetentionStatus = 'on_track' | 'at_risk' | 'missed';

export interface RetentionTarget {
  earlyChurnRisk: ChurnRiskLevel;
  countsTowardObjective: boolean;
  status: RetentionStatus;
  reason: string;
}

/**
 * What a deal means for the rep's retention objective: new business counts; the customer's health
 * and churn risk say whether it will still be here after 90 days; the rep's record against the
 * target says whether the objective is already missed.
 *
 * @example
 * retentionTarget({ dealType: 'newbusiness' }, { band: 'at_risk', risk: 'high' }, { wonCustomers: 10, lostWithinWindow: 0, rate: 0 }, 5)
 * // => { earlyChurnRisk: 'high', countsTowardObjective: true, status: 'at_risk', reason: 'The customer is at risk (health at_risk, churn risk high).' }
 */
export function retentionTarget(deal: Pick<Deal, 'dealType' | 'outcome'>, customer: { band: HealthBand; risk: ChurnRiskLevel } | undefined, record: EarlyChurnRecord, targetRatePercent: number): RetentionTarget {
  const countsTowardObjective = deal.dealType === 'newbusiness' && deal.outcome !== 'lost';
  const earlyChurnRisk: ChurnRiskLevel = !customer ? 'medium' : customer.risk === 'high' || customer.band === 'at_risk' ? 'high' : customer.risk === 'medium' || customer.band === 'neutral' ? 'medium' : 'low';
  if (record.rate !== undefined && record.rate > targetRatePercent) {
    return { earlyChurnRisk, countsTowardObjective, status: 'missed', reason: `${record.lostWithinWindow} of ${record.wonCustomers} customers left within 90 days (${record.rate.toFixed(1)} %), above the ${targetRatePercent} % target.` };
  }
  if (countsTowardObjective && earlyChurnRisk === 'high') {
    return { earlyChurnRisk, countsTowardObjective, status: 'at_risk', reason: customer ? `The customer is at risk (health ${customer.band}, churn risk ${customer.risk}).` : 'The deal has no company: its retention cannot be judged.' };
  }
  return { earlyChurnRisk, countsTowardObjective, status: 'on_track', reason: countsTowardObjective ? 'New business with a customer in good shape.' : 'Not new business: it does not count toward the retention objective.' };
}
