import type { Customer, FeedbackResponse } from '../customer';
import type { Metric } from '../metric';
import { DAY_MS } from '../time/days';
import { cesFromCounts, isCesAnswer, type CesFigures } from './ces';
import { csatFromCounts, DEFAULT_CSAT_SCALE, isOnScale, type CsatFigures, type CsatScale } from './csat';
import { isNpsAnswer, npsFromCounts, type NpsFigures } from './nps';

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
 * One pass over the answers, counting each metric as its list form does (`netPromoterScore`,
 * `customerSatisfaction`, `customerEffortScore` of `feedbackInWindow`) without the window's copy:
 * the engine measures this for every customer, and the copy and the three passes were most of it.
 *
 * @example
 * companyFeedback(customer, new Date('2026-11-22')).nps // => { kind: 'no_data', reason: 'no NPS answers in the last 365 days' } when nobody answered
 */
export function companyFeedback(customer: Pick<Customer, 'feedback'>, asOf: Date, windowDays = 365, csatScale: CsatScale = DEFAULT_CSAT_SCALE): CompanyFeedback {
  const end = asOf.getTime();
  const start = end - windowDays * DAY_MS, recentFrom = end - 90 * DAY_MS;
  let responseCount = 0, promoters = 0, passives = 0, detractors = 0, csatPositive = 0, csatTotal = 0, csatInvalid = 0, cesSum = 0, cesEasy = 0, cesTotal = 0;
  let latestDetractor: FeedbackResponse | undefined;
  const detractorsLast90Days: FeedbackResponse[] = [];
  for (const r of customer.feedback) {
    // The window as feedbackInWindow draws it (employee surveys are never a customer's answer).
    const at = r.submittedAt.getTime();
    if (!(at > start && at <= end) || r.isEmployeeSurvey) continue;
    responseCount += 1;
    const v = r.value;
    if (r.surveyType === 'NPS') {
      if (!isNpsAnswer(v)) continue;
      if (v >= 9) promoters += 1;
      else if (v >= 7) passives += 1;
      else {
        // A detractor (isDetractor): an NPS answer 0-6 of a customer.
        detractors += 1;
        if (!latestDetractor || at > latestDetractor.submittedAt.getTime()) latestDetractor = r;
        if (at > recentFrom) detractorsLast90Days.push(r);
      }
    } else if (r.surveyType === 'CSAT') {
      if (!isOnScale(v, csatScale)) csatInvalid += 1;
      else {
        csatTotal += 1;
        if (v >= csatScale.positiveFrom) csatPositive += 1;
      }
    } else if (r.surveyType === 'CES' && isCesAnswer(v)) {
      cesTotal += 1;
      cesSum += v;
      if (v >= 5) cesEasy += 1;
    }
  }
  // The no-data reasons name the window; the words are made only when some metric has no answers.
  const suffix = promoters + passives + detractors === 0 || csatTotal === 0 || cesTotal === 0 ? ` in the last ${windowDays} days` : '';
  return {
    nps: npsFromCounts(promoters, passives, detractors, 'NPS', suffix),
    csat: csatFromCounts(csatPositive, csatTotal, csatInvalid, suffix),
    ces: cesFromCounts(cesSum, cesEasy, cesTotal, suffix),
    responseCount,
    latestDetractor,
    detractorsLast90Days,
  };
}
