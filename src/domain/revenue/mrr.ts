import type { RevenueContract } from '../customer';
import { DAY_MS } from '../time/days';

/**
 * MRR earned on `day`: the sum of the contracts active then (start <= day < end).
 *
 * @example
 * mrrOn([{ dealId: 'a', mrr: 100, start: new Date('2026-01-01'), end: new Date('2027-01-01') }], new Date('2026-06-01')) // => 100
 */
export function mrrOn(contracts: readonly RevenueContract[], day: Date | number): number {
  const t = Number(day);
  let total = 0;
  for (const c of contracts) {
    if (c.start.getTime() <= t && (c.end === undefined || t < c.end.getTime())) total += c.mrr;
  }
  return total;
}

/** True when any contract started before `day`: the customer had revenue at some point before it. */
export const hadRevenueBefore = (contracts: readonly RevenueContract[], day: Date | number): boolean =>
  contracts.some((c) => c.start.getTime() < Number(day));

/**
 * MRR sampled every day or at the start of every UTC month from `from` to `to` (inclusive).
 *
 * @example
 * mrrSeries(contracts, new Date('2026-01-01'), new Date('2026-03-01'), 'month').map((p) => p.mrr) // => [100, 100, 100]
 */
export function mrrSeries(contracts: readonly RevenueContract[], from: Date, to: Date, step: 'day' | 'month'): { at: Date; mrr: number }[] {
  const points: { at: Date; mrr: number }[] = [];
  let at = new Date(from);
  while (at <= to) {
    points.push({ at, mrr: mrrOn(contracts, at) });
    at = step === 'day' ? new Date(at.getTime() + DAY_MS) : new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
  }
  return points;
}
