import type { Customer } from '../../customer';
import { noData, value } from '../../metric';
import { earlyChurnRecord, firstWonDeal } from '../../sales/early-churn-record';
import type { Period } from '../../time/days';
import { type MeasureActual } from './measure-scope';

/**
 * For sales reps: share of the customers the scope's people brought in whose 90 days after the
 * first close ended within the window and who were gone by then, added one customer at a time
 * (each judged by the sales module's `earlyChurnRecord`, once per time its seller is among the
 * scope's people, as a sum of each person's record is).
 *
 * @example
 * const t = earlyChurnTally(quarter, ['rep']); customers.forEach((c) => t.add(c));
 * t.actual() // => { actual: { kind: 'value', value: 5 }, basis: '1 of 20 new customers lost within 90 days' }
 */
export function earlyChurnTally(window: Period, ownerIds: readonly string[]) {
  const times = new Map<string, number>();
  for (const id of ownerIds) times.set(id, (times.get(id) ?? 0) + 1);
  let won = 0, lost = 0;
  return {
    add(customer: Customer): void {
      const seller = firstWonDeal(customer)?.ownerId;
      const n = seller === undefined ? 0 : (times.get(seller) ?? 0);
      if (n === 0) return;
      const r = earlyChurnRecord([customer], seller as string, window.end, 90, window);
      won += n * r.wonCustomers;
      lost += n * r.lostWithinWindow;
    },
    actual(): MeasureActual {
      if (won === 0) return { actual: noData('no new customer reached 90 days after close in the period'), basis: 'early churn' };
      return { actual: value((lost / won) * 100), basis: `${lost} of ${won} new customers lost within 90 days` };
    },
  };
}
