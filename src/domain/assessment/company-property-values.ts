import type { PropertyValues } from '../computed-properties';
import type { CustomerAssessment } from './assess-customer';
import { scaledDecimal } from '../decimal-text';
import { isoInstant } from '../time/days';

/** `String(Math.round(n * 10 ** digits) / 10 ** digits)`, a fraction written from its digits (see scaledDecimal). */
const round = (n: number, digits: 0 | 1 | 2 = 0): string => (digits === 0 ? String(Math.round(n)) : scaledDecimal(Math.round(n * 10 ** digits), digits));

/**
 * The company properties for an assessment, under the names of COMPANY_PROPERTIES. Absent data is
 * null (the property is emptied), never "0": a workflow must not read "no answers" as "NPS 0".
 * Health and churn risk are emptied for a customer who is not active (or without any health data);
 * feedback and revenue figures stay for everyone. Scores and NPS/CSAT are whole numbers, the trend
 * and NRR/GRR one decimal, MRR cents, datetimes ISO 8601. `cs_health_computed_at` is `computedAt`,
 * by default the assessment's `asOf` (see {@link keepComputedAtWhenUnchanged}).
 *
 * @example
 * companyPropertyValues(assessment, new Date('2026-11-22')).cs_nps // => null when nobody answered, "25" otherwise
 */
export function companyPropertyValues(a: CustomerAssessment, computedAt: Date = a.asOf): PropertyValues {
  const health = a.health;
  const trend = health?.trend;
  const risk = a.churnRisk;
  return {
    cs_customer_status: a.status.status,
    cs_churned_at: a.status.churnedAt ? a.status.churnedAt.toISOString() : null,
    cs_health_score: health ? round(health.finalScore) : null,
    cs_health_band: health ? health.band : null,
    cs_health_trend: trend ? round(trend.change, 1) : null,
    cs_churn_risk: risk ? risk.level : null,
    cs_churn_risk_score: risk ? round(risk.score) : null,
    cs_churn_risk_reasons: risk && risk.reasons.length ? reasonLines(risk.reasons) : null,
    cs_nps: a.feedback.nps.kind === 'value' ? round(a.feedback.nps.value.score) : null,
    cs_csat: a.feedback.csat.kind === 'value' ? round(a.feedback.csat.value.score) : null,
    cs_nrr_12m: a.retention12m.kind === 'value' ? round(a.retention12m.value.nrr, 1) : null,
    cs_grr_12m: a.retention12m.kind === 'value' ? round(a.retention12m.value.grr, 1) : null,
    cs_mrr: a.hasRevenue ? round(a.mrr, 2) : null,
    cs_detractor_followup_due: a.detractorFollowUpDue ? a.detractorFollowUpDue.toISOString() : null,
    // Written per call, without module state: isoInstant is cheap where toISOString was not.
    cs_health_computed_at: isoInstant(computedAt),
  };
}


/**
 * The reasons one per line: a single reason is its own text (no copy), more are joined without the
 * list of texts and the closure a map made for every risky customer.
 */
function reasonLines(reasons: readonly { reason: string }[]): string {
  let text = reasons[0].reason;
  for (let i = 1; i < reasons.length; i++) text += `\n${reasons[i].reason}`;
  return text;
}

const COMPUTED_AT = 'cs_health_computed_at';
const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? null) === (b ?? null) || (a != null && b != null && a !== '' && Number(a) === Number(b));

/**
 * `cs_health_computed_at` moves only with the values: when every other value equals what the company
 * already holds, the stored time is kept, so a sync that changes nothing writes nothing (and adds no
 * history entry to every company).
 *
 * @example
 * keepComputedAtWhenUnchanged({ cs_nps: '10', cs_health_computed_at: '2026-11-22T00:00:00.000Z' }, { cs_nps: '10', cs_health_computed_at: '2026-11-21T00:00:00.000Z' })
 * // => { cs_nps: '10', cs_health_computed_at: '2026-11-21T00:00:00.000Z' }
 */
export function keepComputedAtWhenUnchanged(next: PropertyValues, current: PropertyValues): PropertyValues {
  const stored = current[COMPUTED_AT];
  if (stored === undefined || stored === null || stored === '') return next;
  for (const [name, value] of Object.entries(next)) if (name !== COMPUTED_AT && !same(value, current[name])) return next;
  return { ...next, [COMPUTED_AT]: stored };
}
