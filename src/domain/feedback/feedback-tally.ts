import type { FeedbackResponse } from '../customer';
import { isCesAnswer } from './ces';
import { isOnScale, type CsatScale } from './csat';
import { isNpsAnswer } from './nps';

/** What the engine counts of a customer's answers in a window. */
export interface FeedbackTally {
  /** Answers in the window, every survey type. */
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csatPositive: number;
  csatTotal: number;
  /** CSAT answers off the scale, left out and counted. */
  csatInvalid: number;
  cesSum: number;
  cesEasy: number;
  cesTotal: number;
  /** The latest detractor (the first of equals), undefined without one. */
  latestDetractor?: FeedbackResponse;
  /** Detractors answered after `recentFrom`. */
  recentDetractors: number;
}

/**
 * Counts the answers submitted after `start` up to `end` (employee surveys are never a customer's
 * answer), in one pass: NPS buckets, CSAT on its scale, CES, the latest detractor and the recent
 * ones. The one count behind today's company feedback and the trend's past score, so the two cannot
 * drift apart. The record returned is reused by the next call: take its numbers before calling again.
 *
 * @example
 * tallyFeedback(customer.feedback, Date.parse('2025-11-22'), Date.parse('2026-11-22'), Date.parse('2026-08-24'), DEFAULT_CSAT_SCALE).promoters // => 4
 */
export function tallyFeedback(feedback: readonly FeedbackResponse[], start: number, end: number, recentFrom: number, csatScale: CsatScale): FeedbackTally {
  let responses = 0, promoters = 0, passives = 0, detractors = 0, csatPositive = 0, csatTotal = 0, csatInvalid = 0, cesSum = 0, cesEasy = 0, cesTotal = 0, recentDetractors = 0;
  let latestDetractor: FeedbackResponse | undefined;
  for (const r of feedback) {
    const at = r.submittedAt.getTime();
    if (!(at > start && at <= end) || r.isEmployeeSurvey) continue;
    responses += 1;
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
  const t = tally;
  t.responses = responses;
  t.promoters = promoters;
  t.passives = passives;
  t.detractors = detractors;
  t.csatPositive = csatPositive;
  t.csatTotal = csatTotal;
  t.csatInvalid = csatInvalid;
  t.cesSum = cesSum;
  t.cesEasy = cesEasy;
  t.cesTotal = cesTotal;
  t.latestDetractor = latestDetractor;
  t.recentDetractors = recentDetractors;
  return t;
}

/**
 * The tally, one record reused from call to call (the engine is synchronous), as tallyTickets'
 * is: callers take its numbers at once, and a new one per customer and date would be garbage.
 */
const tally: FeedbackTally = { responses: 0, promoters: 0, passives: 0, detractors: 0, csatPositive: 0, csatTotal: 0, csatInvalid: 0, cesSum: 0, cesEasy: 0, cesTotal: 0, latestDetractor: undefined, recentDetractors: 0 };
