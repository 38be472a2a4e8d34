import type { Customer } from '../customer';
import { noData, value, type Metric } from '../metric';
import type { Period } from '../time/days';

export interface BasketFigures {
  deals: number;
  total: number;
  average: number;
  /** Won deals of the segment without an amount, left out of the average. */
  withoutAmount: number;
}

export const DEFAULT_SEGMENTS = ['gold', 'silver', 'bronze'] as const;
export const UNSEGMENTED = 'unsegmented';

/**
 * Average amount of the deals won in the period, per customer segment: the brief's segments always
 * appear (with "no data" when nothing was won), others found are added, and customers without a
 * segment go under "unsegmented".
 *
 * @example
 * averageBasketBySegment(customers, period) // => { gold: { kind: 'value', value: { deals: 2, total: 30000, average: 15000, withoutAmount: 0 } }, silver: { kind: 'no_data', ... }, ... }
 */
export function averageBasketBySegment(customers: readonly Customer[], period: Period, segments: readonly string[] = DEFAULT_SEGMENTS): Record<string, Metric<BasketFigures>> {
  const bySegment = new Map<string, { amounts: number[]; withoutAmount: number }>(segments.map((s) => [s, { amounts: [], withoutAmount: 0 }]));
  for (const c of customers) {
    const segment = c.segment?.trim().toLowerCase() || UNSEGMENTED;
    for (const d of c.deals) {
      if (d.outcome !== 'won' || !d.closedAt || d.closedAt < period.start || d.closedAt > period.end) continue;
      const entry = bySegment.get(segment) ?? { amounts: [], withoutAmount: 0 };
      if (d.amount !== undefined && Number.isFinite(d.amount)) entry.amounts.push(d.amount);
      else entry.withoutAmount += 1;
      bySegment.set(segment, entry);
    }
  }
  return Object.fromEntries([...bySegment.entries()].map(([segment, { amounts, withoutAmount }]) => {
    const total = amounts.reduce((s, a) => s + a, 0);
    const figures: Metric<BasketFigures> = amounts.length ? value({ deals: amounts.length, total, average: total / amounts.length, withoutAmount }) : noData(withoutAmount ? `${withoutAmount} won deals without an amount` : 'no deal won in the period');
    return [segment, figures];
  }));
}
