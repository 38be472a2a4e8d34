import type { HealthBand } from '../health/health-band';
import type { CustomerAssessment } from './assess-customer';

export interface PortfolioSummary {
  /** Active customers: the ones with a health score and a churn risk. */
  customers: number;
  status: Record<'active' | 'churned' | 'prospect', number>;
  /** Active customers without any health data (no score rather than a made-up one). */
  unscored: number;
  bands: Record<HealthBand, number>;
  risk: Record<'low' | 'medium' | 'high', number>;
  /** At-risk or high-risk customers, most MRR at stake first. */
  atRisk: { customerId: string; score?: number; band?: HealthBand; risk: string; mrr: number; topReason?: string }[];
  followUpsDue: { customerId: string; due: Date }[];
}

/**
 * Health distribution, the at-risk list by MRR at stake and detractor follow-ups due, over active
 * customers only: ex-customers and prospects are counted by status and nothing else here (their
 * revenue stays in NRR/GRR and churn figures, computed from contracts elsewhere).
 *
 * @example
 * portfolioSummary(assessments).bands // => { healthy: 120, neutral: 55, at_risk: 25 }
 */
export function portfolioSummary(assessments: readonly CustomerAssessment[], limit = 25): PortfolioSummary {
  const bands: Record<HealthBand, number> = { healthy: 0, neutral: 0, at_risk: 0 };
  const risk = { low: 0, medium: 0, high: 0 };
  const atRisk: PortfolioSummary['atRisk'] = [];
  const followUpsDue: PortfolioSummary['followUpsDue'] = [];
  const status = { active: 0, churned: 0, prospect: 0 };
  let unscored = 0;
  for (const a of assessments) {
    status[a.status.status] += 1;
    if (a.status.status !== 'active') continue;
    if (a.churnRisk) risk[a.churnRisk.level] += 1;
    if (!a.health) unscored += 1;
    else bands[a.health.band] += 1;
    if (a.health?.band === 'at_risk' || a.churnRisk?.level === 'high') {
      atRisk.push({ customerId: a.customerId, score: a.health ? Math.round(a.health.finalScore) : undefined, band: a.health?.band, risk: a.churnRisk?.level ?? 'low', mrr: a.mrr, topReason: a.churnRisk?.reasons[0]?.reason });
    }
    if (a.detractorFollowUpDue) followUpsDue.push({ customerId: a.customerId, due: a.detractorFollowUpDue });
  }
  atRisk.sort((x, y) => y.mrr - x.mrr || (x.score ?? 0) - (y.score ?? 0));
  followUpsDue.sort((x, y) => x.due.getTime() - y.due.getTime());
  return { customers: status.active, status, unscored, bands, risk, atRisk: atRisk.slice(0, limit), followUpsDue };
}
