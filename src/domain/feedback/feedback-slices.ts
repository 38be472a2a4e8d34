import type { Customer, FeedbackResponse } from '../customer';
import type { Metric } from '../metric';
import { customerSatisfaction, type CsatFigures } from './csat';
import { feedbackInWindow } from './company-feedback';
import { netPromoterScore, type NpsFigures } from './nps';

export interface FeedbackSlice {
  key: string;
  nps: Metric<NpsFigures>;
  csat: Metric<CsatFigures>;
  responses: number;
}

const slice = (key: string, answers: readonly FeedbackResponse[]): FeedbackSlice => ({
  key,
  nps: netPromoterScore(answers),
  csat: customerSatisfaction(answers),
  responses: answers.length,
});

/**
 * NPS and CSAT per owner or per segment over the trailing window; companies without an owner or
 * segment go to "unassigned".
 *
 * @example
 * feedbackBy(customers, 'segment', asOf).map((s) => s.key) // => ['bronze', 'gold', 'silver']
 */
export function feedbackBy(customers: readonly Customer[], key: 'owner' | 'segment', asOf: Date, windowDays = 365): FeedbackSlice[] {
  const groups = new Map<string, FeedbackResponse[]>();
  for (const c of customers) {
    const k = (key === 'owner' ? c.ownerId : c.segment) ?? 'unassigned';
    const list = groups.get(k) ?? [];
    list.push(...feedbackInWindow(c, asOf, windowDays));
    groups.set(k, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, answers]) => slice(k, answers));
}

/**
 * NPS and CSAT per UTC month or quarter, oldest first.
 *
 * @example
 * feedbackByPeriod(answers, 'quarter').map((s) => s.key) // => ['2026-Q1', '2026-Q2']
 */
export function feedbackByPeriod(responses: readonly FeedbackResponse[], period: 'month' | 'quarter'): FeedbackSlice[] {
  const groups = new Map<string, FeedbackResponse[]>();
  for (const r of responses) {
    const y = r.submittedAt.getUTCFullYear();
    const m = r.submittedAt.getUTCMonth();
    const k = period === 'month' ? `${y}-${String(m + 1).padStart(2, '0')}` : `${y}-Q${Math.floor(m / 3) + 1}`;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, answers]) => slice(k, answers));
}
