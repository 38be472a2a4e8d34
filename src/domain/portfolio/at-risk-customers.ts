import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import type { HealthBand } from '../health/health-band';
import type { PortfolioEntry } from './portfolio-entry';

export interface AtRiskCustomer {
  customerId: string;
  ownerId?: string;
  score: number;
  band: HealthBand;
  risk: ChurnRiskLevel;
  mrr: number;
  topReason?: string;
}

export interface AtRiskList {
  /** Every at-risk active customer counted, even beyond `limit`. */
  count: number;
  /** Their MRR in total: what the portfolio stands to lose. */
  mrrAtStake: number;
  /** Most MRR first, then lowest score. */
  customers: AtRiskCustomer[];
}

/**
 * Active customers in the at-risk band or at high churn risk, most MRR at stake first. Churned
 * customers and prospects never appear: there is nothing left to save, or nothing yet.
 *
 * @example
 * atRiskByMrr(entries, 2) // => { count: 3, mrrAtStake: 4500, customers: [{ customerId: 'b', mrr: 3000, ... }, { customerId: 'a', mrr: 1000, ... }] }
 */
export function atRiskByMrr(entries: readonly PortfolioEntry[], limit = 50): AtRiskList {
  const all: AtRiskCustomer[] = [];
  for (const { customer, assessment: a, status } of entries) {
    if (status !== 'active' || !a.health || !a.churnRisk) continue;
    if (a.health.band !== 'at_risk' && a.churnRisk.level !== 'high') continue;
    all.push({ customerId: customer.id, ownerId: customer.ownerId, score: Math.round(a.health.finalScore), band: a.health.band, risk: a.churnRisk.level, mrr: a.mrr, topReason: a.churnRisk.reasons[0]?.reason });
  }
  all.sort((x, y) => y.mrr - x.mrr || x.score - y.score || x.customerId.localeCompare(y.customerId));
  return { count: all.length, mrrAtStake: all.reduce((sum, c) => sum + c.mrr, 0), customers: all.slice(0, limit) };
}
