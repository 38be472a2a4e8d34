import type { PropertyValues } from '../computed-properties';
import type { CustomerAssessment } from './assess-customer';

const round = (n: number, digits = 0) => {
  const f = 10 ** digits;
  return String(Math.round(n * f) / f);
};

/**
 * The company properties for an assessment, under the names of COMPANY_PROPERTIES. Absent data is
 * null (the property is emptied), never "0": a workflow must not read "no answers" as "NPS 0".
 * Scores and NPS/CSAT are whole numbers, the trend and NRR/GRR one decimal, MRR cents, datetimes
 * ISO 8601. `cs_health_computed_at` is `computedAt`, by default the assessment's `asOf`.
 *
 * @example
 * companyPropertyValues(assessment, new Date('2026-11-22')).cs_nps // => null when nobody answered, "25" otherwise
 */
export function companyPropertyValues(a: CustomerAssessment, computedAt: Date = a.asOf): PropertyValues {
  const trend = a.health.trend;
  return {
    cs_health_score: round(a.health.finalScore),
    cs_health_band: a.health.band,
    cs_health_trend: trend ? round(trend.change, 1) : null,
    cs_churn_risk: a.churnRisk.level,
    cs_churn_risk_score: round(a.churnRisk.score),
    cs_churn_risk_reasons: a.churnRisk.reasons.length ? a.churnRisk.reasons.map((r) => r.reason).join('\n') : null,
    cs_nps: a.feedback.nps.kind === 'value' ? round(a.feedback.nps.value.score) : null,
    cs_csat: a.feedback.csat.kind === 'value' ? round(a.feedback.csat.value.score) : null,
    cs_nrr_12m: a.retention12m.kind === 'value' ? round(a.retention12m.value.nrr, 1) : null,
    cs_grr_12m: a.retention12m.kind === 'value' ? round(a.retention12m.value.grr, 1) : null,
    cs_mrr: a.hasRevenue ? round(a.mrr, 2) : null,
    cs_detractor_followup_due: a.detractorFollowUpDue ? a.detractorFollowUpDue.toISOString() : null,
    cs_health_computed_at: computedAt.toISOString(),
  };
}
