import type { FeedbackResponse } from '../customer';
import { noData, value, type Metric } from '../metric';

export interface CesFigures {
  /** Mean answer on the 1-7 scale (7 = very easy). */
  average: number;
  /** Share of answers 5 or above, 0-100. */
  easyShare: number;
  responses: number;
}

/**
 * Customer Effort Score on HubSpot's 1-7 scale: the mean answer and the share of "easy" (>= 5).
 *
 * @example
 * customerEffortScore([ces(7), ces(5), ces(2)]) // => { kind: 'value', value: { average: 4.67, easyShare: 66.7, responses: 3 } }
 */
export function customerEffortScore(responses: readonly FeedbackResponse[]): Metric<CesFigures> {
  let sum = 0, easy = 0, total = 0;
  for (const r of responses) {
    if (r.surveyType !== 'CES' || !isCesAnswer(r.value)) continue;
    total += 1;
    sum += r.value;
    if (r.value >= 5) easy += 1;
  }
  return cesFromCounts(sum, easy, total);
}

/** True for an answer on the CES scale, 1-7. */
export const isCesAnswer = (v: number): boolean => Number.isFinite(v) && v >= 1 && v <= 7;

/**
 * The CES metric of summed answers, shared by the list form and the one-pass company feedback.
 * `suffix` ends the no-data reason ("no CES answers" + " in the last 365 days").
 */
export function cesFromCounts(sum: number, easy: number, total: number, suffix = ''): Metric<CesFigures> {
  if (total === 0) return noData(`no CES answers${suffix}`);
  return value({ average: sum / total, easyShare: (easy / total) * 100, responses: total });
}
