import type { HealthBand } from '../health/health-band';
import type { CustomerAssessment } from './assess-customer';

export interface PortfolioSummary {
  customers: number;
  bands: Record<HealthBand, number>;
  risk: Record<'low' | 'medium' | 'high', number>;
  /** At-risk or high-risk customers, most MRR at stake first. */
  atRisk: { customerId: string; score: number; band: HealthBand; risk: string; mrr: number; topReason?: string }[];
  followUpsDue: { customerId: string; due: Date }[];
}

/**
 * Health distribution, the at-risk list by MRR at stake and detractor follow-ups due.
 *
 * @example
 * portfolioSummary(assessments).bands // => { healthy: 120, neutral: 55, at_risk: 25 }
 */
export function portfolioSummary(assessments: readonly CustomerAssessment[], limit = 25): PortfolioSummary {
  const bands: Record<HealthBand, number> = { healthy: 0, neutral: 0, at_risk: 0 };
  const risk = { low: 0, medium: 0, high: 0 };
  const atRisk: PortfolioSummary['atRisk'] = [];
  const followUpsDue: PortfolioSummary['followUpsDue'] = [];
  for (const a of assessments) {
    bands[a.health.band] += 1;
    risk[a.churnRisk.level] += 1;
    if (a.health.band === 'at_risk' || a.churnRisk.level === 'high') {
      atRisk.push({ customerId: a.customerId, score: Math.round(a.health.finalScore), band: a.health.band, risk: a.churnRisk.level, mrr: a.mrr, topReason: a.churnRisk.reasons[0]?.reason });
    }
    if (a.detractorFollowUpDue) followUpsDue.push({ customerId: a.customerId, due: a.detractorFollowUpDue });
  }
  atRisk.sort((x, y) => y.mrr - x.mrr || x.score - y.score);
  followUpsDue.sort((x, y) => x.due.getTime() - y.due.getTime());
  return { customers: assessments.length, bands, risk, atRisk: atRisk.slice(0, limit), followUpsDue };
}
