import type { FeedbackResponse } from '../customer';
import { noData, value, type Metric } from '../metric';

export interface NpsFigures {
  /** % promoters - % detractors, -100..100. Never an average of the answers. */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
}

export const isNpsAnswer = (v: number) => Number.isInteger(v) && v >= 0 && v <= 10;

function npsOf(responses: readonly FeedbackResponse[], employees: boolean, label: string): Metric<NpsFigures> {
  let promoters = 0, passives = 0, detractors = 0;
  for (const r of responses) {
    if (r.surveyType !== 'NPS' || Boolean(r.isEmployeeSurvey) !== employees || !isNpsAnswer(r.value)) continue;
    if (r.value >= 9) promoters += 1;
    else if (r.value >= 7) passives += 1;
    else detractors += 1;
  }
  return npsFromCounts(promoters, passives, detractors, label);
}

/**
 * The NPS metric of counted answers, shared by the list form and the one-pass company feedback.
 * `suffix` ends the no-data reason ("no NPS answers" + " in the last 365 days").
 */
export function npsFromCounts(promoters: number, passives: number, detractors: number, label: string, suffix = ''): Metric<NpsFigures> {
  const total = promoters + passives + detractors;
  if (total === 0) return noData(`no ${label} answers${suffix}`);
  return value({ score: ((promoters - detractors) / total) * 100, promoters, passives, detractors, responses: total });
}

/**
 * Net Promoter Score of customer answers: promoters (9-10) minus detractors (0-6), passives (7-8)
 * in the denominator only. Answers that are not integers 0-10 and employee surveys are left out.
 *
 * @example
 * netPromoterScore([nps(10), nps(9), nps(8), nps(3)]) // => { kind: 'value', value: { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 } }
 */
export const netPromoterScore = (responses: readonly FeedbackResponse[]): Metric<NpsFigures> => npsOf(responses, false, 'NPS');

/**
 * Employee NPS: the same formula on employee surveys only.
 *
 * @example
 * employeeNetPromoterScore([{ ...nps(10), isEmployeeSurvey: true }]) // => { kind: 'value', value: { score: 100, ... } }
 */
export const employeeNetPromoterScore = (responses: readonly FeedbackResponse[]): Metric<NpsFigures> => npsOf(responses, true, 'employee NPS');

/** True for an NPS detractor answer (0-6). */
export const isDetractor = (r: FeedbackResponse): boolean => r.surveyType === 'NPS' && !r.isEmployeeSurvey && isNpsAnswer(r.value) && r.value <= 6;
