import type { FeedbackResponse } from '../customer';
import { noData, value, type Metric } from '../metric';

/**
 * The scale a CSAT survey uses. HubSpot's default is 1-5 with 4 and 5 positive. Other common scales:
 * 1-3 (positiveFrom 3), 1-7 (positiveFrom 6), 0-10 (min 0, positiveFrom 9).
 */
export interface CsatScale {
  min: number;
  max: number;
  positiveFrom: number;
}

export const DEFAULT_CSAT_SCALE: CsatScale = { min: 1, max: 5, positiveFrom: 4 };

export interface CsatFigures {
  /** Share of positive answers, 0-100. */
  score: number;
  positive: number;
  responses: number;
  /** Answers outside the scale, left out and counted. */
  invalid: number;
}

/**
 * CSAT = positive answers / all answers x 100.
 *
 * @example
 * customerSatisfaction([csat(5), csat(4), csat(2), csat(3)]) // => { kind: 'value', value: { score: 50, positive: 2, responses: 4, invalid: 0 } }
 */
export function customerSatisfaction(responses: readonly FeedbackResponse[], scale: CsatScale = DEFAULT_CSAT_SCALE): Metric<CsatFigures> {
  let positive = 0, total = 0, invalid = 0;
  for (const r of responses) {
    if (r.surveyType !== 'CSAT') continue;
    if (!isOnScale(r.value, scale)) {
      invalid += 1;
      continue;
    }
    total += 1;
    if (r.value >= scale.positiveFrom) positive += 1;
  }
  return csatFromCounts(positive, total, invalid);
}

/** True for a CSAT answer on the scale (others are left out and counted as invalid). */
export const isOnScale = (v: number, scale: CsatScale): boolean => Number.isFinite(v) && v >= scale.min && v <= scale.max;

/**
 * The CSAT metric of counted answers, shared by the list form and the one-pass company feedback.
 * `suffix` ends the no-data reason ("no CSAT answers" + " in the last 365 days").
 */
export function csatFromCounts(positive: number, total: number, invalid: number, suffix = ''): Metric<CsatFigures> {
  if (total === 0) return noData(`no CSAT answers${suffix}`);
  return value({ score: (positive / total) * 100, positive, responses: total, invalid });
}
