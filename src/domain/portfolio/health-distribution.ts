import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import type { HealthBand } from '../health/health-band';
import type { PortfolioEntry } from './portfolio-entry';

export interface HealthDistribution {
  /** Active customers: the only ones scored into bands. */
  active: number;
  churned: number;
  prospects: number;
  /** Active customers with no component that has data: no score, so in no band. */
  noScore: number;
  bands: Record<HealthBand, number>;
  risk: Record<ChurnRiskLevel, number>;
  /** MRR of the active customers in each band. */
  mrrByBand: Record<HealthBand, number>;
}

/**
 * How the active customers spread over health bands and churn-risk levels, with the MRR in each
 * band; churned customers and prospects are counted apart, never put in a band.
 *
 * @example
 * healthDistribution(entries) // => { active: 3, churned: 1, prospects: 0, bands: { healthy: 1, neutral: 1, at_risk: 1 }, ... }
 */
export function healthDistribution(entries: readonly PortfolioEntry[]): HealthDistribution {
  const result: HealthDistribution = {
    active: 0,
    churned: 0,
    prospects: 0,
    noScore: 0,
    bands: { healthy: 0, neutral: 0, at_risk: 0 },
    risk: { low: 0, medium: 0, high: 0 },
    mrrByBand: { healthy: 0, neutral: 0, at_risk: 0 },
  };
  for (const { assessment: a, status } of entries) {
    if (status === 'churned') result.churned += 1;
    else if (status === 'prospect') result.prospects += 1;
    else if (!a.health || !a.churnRisk) {
      result.active += 1;
      result.noScore += 1;
    } else {
      result.active += 1;
      result.bands[a.health.band] += 1;
      result.risk[a.churnRisk.level] += 1;
      result.mrrByBand[a.health.band] += a.mrr;
    }
  }
  return result;
}
