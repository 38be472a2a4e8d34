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
    if (r.surveyType !== 'CES' || !Number.isFinite(r.value) || r.value < 1 || r.value > 7) continue;
    total += 1;
    sum += r.value;
    if (r.value >= 5) easy += 1;
  }
  if (total === 0) return noData('no CES answers');
  return value({ average: sum / total, easyShare: (easy / total) * 100, responses: total });
}
