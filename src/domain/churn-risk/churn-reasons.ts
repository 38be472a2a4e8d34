import type { Customer } from '../customer';
import type { Period } from '../time/days';

export interface ChurnReasonSummary {
  lostRenewals: number;
  controllable: number;
  notControllable: number;
  unknown: number;
  /** Share of classified churn the CS team could have acted on, %; undefined when none is classified. */
  controllableShare?: number;
  byReason: { reason: string; count: number; controllable: number }[];
}

/**
 * Why customers left in a period, from their lost renewal deals, and how much of it CS could control
 * (in one team 80 % of churn did not depend on the CSMs: leaders need that split).
 *
 * @example
 * churnReasonSummary(customers, { start, end }).controllableShare // => 25
 */
export function churnReasonSummary(customers: readonly Customer[], period: Period): ChurnReasonSummary {
  const byReason = new Map<string, { count: number; controllable: number }>();
  let controllable = 0, notControllable = 0, unknown = 0;
  for (const customer of customers) {
    for (const deal of customer.deals) {
      if (deal.outcome !== 'lost' || !deal.closedAt || deal.closedAt < period.start || deal.closedAt > period.end) continue;
      if (deal.dealType === 'newbusiness') continue;
      const reason = deal.churnReason?.trim() || 'no reason recorded';
      const entry = byReason.get(reason) ?? { count: 0, controllable: 0 };
      entry.count += 1;
      if (deal.churnControllable === true) {
        controllable += 1;
        entry.controllable += 1;
      } else if (deal.churnControllable === false) notControllable += 1;
      else unknown += 1;
      byReason.set(reason, entry);
    }
  }
  const classified = controllable + notControllable;
  return {
    lostRenewals: controllable + notControllable + unknown,
    controllable,
    notControllable,
    unknown,
    controllableShare: classified ? (controllable / classified) * 100 : undefined,
    byReason: [...byReason.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
