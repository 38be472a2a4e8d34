import type { Customer, FeedbackResponse } from '../customer';
import type { Metric } from '../metric';
import { DAY_MS } from '../time/days';
import { customerEffortScore, type CesFigures } from './ces';
import { customerSatisfaction, DEFAULT_CSAT_SCALE, type CsatFigures, type CsatScale } from './csat';
import { isDetractor, netPromoterScore, type NpsFigures } from './nps';

export interface CompanyFeedback {
  nps: Metric<NpsFigures>;
  csat: Metric<CsatFigures>;
  ces: Metric<CesFigures>;
  /** Answers counted in the window (all survey types). */
  responseCount: number;
  latestDetractor?: FeedbackResponse;
  detractorsLast90Days: FeedbackResponse[];
}

/**
 * The answers of a company within `windowDays` before `asOf`: its contacts' answers plus CSAT/CES
 * tied to its tickets (the data layer attaches both to `customer.feedback`). Answers after `asOf`
 * are ignored, so past periods can be recomputed.
 */
export function feedbackInWindow(customer: Pick<Customer, 'feedback'>, asOf: Date, windowDays: number): FeedbackResponse[] {
  const end = asOf.getTime();
  const start = end - windowDays * DAY_MS;
  // A loop, not filter: no closure per call on the engine's hot path.
  const answers: FeedbackResponse[] = [];
  for (const r of customer.feedback) {
    const t = r.submittedAt.getTime();
    if (t > start && t <= end && !r.isEmployeeSurvey) answers.push(r);
  }
  return answers;
}

/**
 * NPS, CSAT and CES of one company over the trailing window (365 days by default).
 *
 * @example
 * companyFeedback(customer, new Date('2026-11-22')).nps // => { kind: 'no_data', reason: 'no NPS answers' } when nobody answered
 */
export function companyFeedback(customer: Pick<Customer, 'feedback'>, asOf: Date, windowDays = 365, csatScale: CsatScale = DEFAULT_CSAT_SCALE): CompanyFeedback {
  const answers = feedbackInWindow(customer, asOf, windowDays);
  const recentFrom = asOf.getTime() - 90 * DAY_MS;
  let latestDetractor: FeedbackResponse | undefined;
  const detractorsLast90Days: FeedbackResponse[] = [];
  for (const r of answers) {
    if (!isDetractor(r)) continue;
    const at = r.submittedAt.getTime();
    if (!latestDetractor || at > latestDetractor.submittedAt.getTime()) latestDetractor = r;
    if (at > recentFrom) detractorsLast90Days.push(r);
  }
  return {
    nps: withWindow(netPromoterScore(answers), windowDays),
    csat: withWindow(customerSatisfaction(answers, csatScale), windowDays),
    ces: withWindow(customerEffortScore(answers), windowDays),
    responseCount: answers.length,
    latestDetractor,
    detractorsLast90Days,
  };
}

const withWindow = <T>(metric: Metric<T>, days: number): Metric<T> =>
  metric.kind === 'no_data' ? { kind: 'no_data', reason: `${metric.reason} in the last ${days} days` } : metric;
