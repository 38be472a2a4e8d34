import type { Customer, FeedbackResponse } from '../customer';
import { noData, type Metric } from '../metric';
import { smallKey, TextCache } from '../text-cache';
import { DAY_MS } from '../time/days';
import { cesFromCounts, type CesFigures } from './ces';
import { csatFromCounts, DEFAULT_CSAT_SCALE, type CsatFigures, type CsatScale } from './csat';
import { feedbackTally, tallyFeedback } from './feedback-tally';
import { isDetractor, npsFromCounts, type NpsFigures } from './nps';

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
 * One pass over the answers (tallyFeedback), counting each metric as its list form does
 * (`netPromoterScore`, `customerSatisfaction`, `customerEffortScore` of `feedbackInWindow`) without
 * the window's copy: the engine measures this for every customer, and the copy and the three passes
 * were most of it.
 *
 * @example
 * companyFeedback(customer, new Date('2026-11-22')).nps // => { kind: 'no_data', reason: 'no NPS answers in the last 365 days' } when nobody answered
 */
export function companyFeedback(customer: Pick<Customer, 'feedback'>, asOf: Date, windowDays = 365, csatScale: CsatScale = DEFAULT_CSAT_SCALE): CompanyFeedback {
  const end = asOf.getTime();
  const start = end - windowDays * DAY_MS, recentFrom = end - 90 * DAY_MS;
  const t = tallyFeedback(customer.feedback, start, end, recentFrom, csatScale, tally);
  // The no-data reasons name the window: shared texts, as most customers lack some metric.
  const days = smallKey(windowDays);
  return {
    nps: t.promoters + t.passives + t.detractors === 0 ? noData(noNpsTexts.text(days, noNpsReason, windowDays)) : npsFromCounts(t.promoters, t.passives, t.detractors, 'NPS'),
    csat: t.csatTotal === 0 ? noData(noCsatTexts.text(days, noCsatReason, windowDays)) : csatFromCounts(t.csatPositive, t.csatTotal, t.csatInvalid),
    ces: t.cesTotal === 0 ? noData(noCesTexts.text(days, noCesReason, windowDays)) : cesFromCounts(t.cesSum, t.cesEasy, t.cesTotal),
    responseCount: t.responses,
    latestDetractor: t.latestDetractor,
    detractorsLast90Days: t.recentDetractors === 0 ? [] : detractorsSince(customer.feedback, Math.max(start, recentFrom), end, t.recentDetractors),
  };
}

/** companyFeedback's count, filled per call (the engine is synchronous; the metrics take its numbers at once). */
const tally = feedbackTally();

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
