import type { Customer, FeedbackResponse } from '../customer';
import { noData, type Metric } from '../metric';
import { smallKey, TextCache } from '../text-cache';
import { DAY_MS } from '../time/days';
import { cesFromCounts, isCesAnswer, type CesFigures } from './ces';
import { csatFromCounts, DEFAULT_CSAT_SCALE, isOnScale, type CsatFigures, type CsatScale } from './csat';
import { isDetractor, isNpsAnswer, npsFromCounts, type NpsFigures } from './nps';

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
  let latestDetractor: FeedbackResponse | undefined, recentDetractors = 0;
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
        if (at > recentFrom) recentDetractors += 1;
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
  // The no-data reasons name the window: shared texts, as most customers lack some metric.
  const days = smallKey(windowDays);
  return {
    nps: promoters + passives + detractors === 0 ? noData(noNpsTexts.text(days, noNpsReason, windowDays)) : npsFromCounts(promoters, passives, detractors, 'NPS'),
    csat: csatTotal === 0 ? noData(noCsatTexts.text(days, noCsatReason, windowDays)) : csatFromCounts(csatPositive, csatTotal, csatInvalid),
    ces: cesTotal === 0 ? noData(noCesTexts.text(days, noCesReason, windowDays)) : cesFromCounts(cesSum, cesEasy, cesTotal),
    responseCount,
    latestDetractor,
    detractorsLast90Days: recentDetractors === 0 ? [] : detractorsSince(customer.feedback, Math.max(start, recentFrom), end, recentDetractors),
  };
}

/**
 * The detractors answered after `from` up to `end` (employee surveys left out), `count` of them:
 * counted in companyFeedback's pass, then listed to size (a list grown by push keeps room for 16).
 */
function detractorsSince(feedback: readonly FeedbackResponse[], from: number, end: number, count: number): FeedbackResponse[] {
  const list = new Array<FeedbackResponse>(count);
  for (let i = 0, k = 0; k < count; i++) {
    const r = feedback[i], at = r.submittedAt.getTime();
    if (at > from && at <= end && !r.isEmployeeSurvey && isDetractor(r)) list[k++] = r;
  }
  return list;
}

/* The no-data reasons of a window, shared (see TextCache), in the words the metrics' own functions give. */
const noNpsTexts = new TextCache(), noCsatTexts = new TextCache(), noCesTexts = new TextCache();
const inLast = (days: number) => ` in the last ${days} days`;
const reasonOf = (m: Metric<unknown>): string => (m.kind === 'no_data' ? m.reason : '');
const noNpsReason = (days: number) => reasonOf(npsFromCounts(0, 0, 0, 'NPS', inLast(days)));
const noCsatReason = (days: number) => reasonOf(csatFromCounts(0, 0, 0, inLast(days)));
const noCesReason = (days: number) => reasonOf(cesFromCounts(0, 0, 0, inLast(days)));
