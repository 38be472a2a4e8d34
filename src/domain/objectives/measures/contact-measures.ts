import type { Customer, RevenueContract } from '../../customer';
import { noData, value } from '../../metric';
import { mrrOn } from '../../revenue/mrr';
import { DAY_MS, subtractMonthsUtc, type Period } from '../../time/days';
import { day, type MeasureActual, within } from './measure-scope';

/**
 * The month up to the end of the window (or the window itself when shorter): recent enough to say
 * "contacted this month" at any date.
 *
 * @example
 * lastMonthOf({ start: new Date('2026-07-01'), end: new Date('2026-09-30') }) // => { start: 2026-08-30, end: 2026-09-30 }
 */
export function lastMonthOf(window: Period): Period {
  const monthBefore = subtractMonthsUtc(window.end, 1);
  return { start: monthBefore > window.start ? monthBefore : window.start, end: window.end };
}

/**
 * Share of accounts contacted in the month up to the end of the window, added one customer at a
 * time. `lastTouchAt` only tells the latest touch, so an account touched after the month cannot be
 * judged for it and is left out (counted in the basis); touch counts from the data layer decide
 * when the window is itself a month.
 *
 * @example
 * const t = contactedTally(quarter); customers.forEach((c) => t.add(c));
 * t.actual() // => { actual: { kind: 'value', value: 75 }, basis: '3 of 4 accounts touched between 2026-08-30 and 2026-09-30' }
 */
export function contactedTally(window: Period, touchCounts?: Readonly<Record<string, number>>) {
  const month = lastMonthOf(window);
  const countsCoverMonth = touchCounts !== undefined && window.end.getTime() - window.start.getTime() <= 31 * DAY_MS;
  let contacted = 0, judged = 0, unknown = 0;
  return {
    add(c: Customer): void {
      const count = countsCoverMonth ? touchCounts?.[c.id] : undefined;
      const last = c.engagement.lastTouchAt;
      if (count !== undefined) {
        judged += 1;
        if (count > 0) contacted += 1;
      } else if (last !== undefined && last > month.end) unknown += 1;
      else {
        judged += 1;
        if (within(last, month)) contacted += 1;
      }
    },
    actual(): MeasureActual {
      const basis = `${contacted} of ${judged} accounts touched between ${day(month.start)} and ${day(month.end)}${unknown ? `; ${unknown} touched since, so not judged` : ''}`;
      if (judged === 0) return { actual: noData('every account was touched after the month, so the month cannot be judged'), basis };
      return { actual: value((contacted / judged) * 100), basis };
    },
  };
}

/**
 * Touches per account within the window, from the data layer's search counts; accounts it did not
 * count are left out, and "no data" when it counted none.
 *
 * @example
 * const t = touchesTally({ c1: 4, c2: 2 }); customers.forEach((c) => t.add(c));
 * t.actual() // => { actual: { kind: 'value', value: 3 }, basis: '6 touches over 2 accounts' }
 */
export function touchesTally(touchCounts?: Readonly<Record<string, number>>) {
  let accounts = 0, counted = 0, touches = 0;
  return {
    add(c: Customer): void {
      accounts += 1;
      const n = touchCounts?.[c.id];
      if (n === undefined || !Number.isFinite(n)) return;
      counted += 1;
      touches += n;
    },
    actual(): MeasureActual {
      if (counted === 0) return { actual: noData('no touch counts from the data layer'), basis: 'touches per account' };
      const missing = accounts - counted;
      return { actual: value(touches / counted), basis: `${touches} touches over ${counted} accounts${missing ? `; ${missing} not counted` : ''}` };
    },
  };
}

/**
 * When a customer paying at the start of the window stopped paying within it (its last contract's
 * end); undefined when it did not churn in the window.
 *
 * @example
 * churnDate(revenueContracts(customer.deals), quarter) // => 2026-08-15
 */
export function churnDate(contracts: readonly RevenueContract[], window: Period): Date | undefined {
  if (mrrOn(contracts, window.start) <= 0 || mrrOn(contracts, window.end) > 0) return undefined;
  const ends = contracts.map((c) => c.end).filter((e): e is Date => e !== undefined && e > window.start && e <= window.end);
  return ends.length ? new Date(Math.max(...ends.map(Number))) : undefined;
}

/**
 * Share of the customers lost within the window whom the CSM contacted after they left (an exit
 * interview is a touch dated after the churn date), added one customer at a time.
 *
 * @example
 * const t = exitInterviewTally(quarter); t.add(customer, revenueContracts(customer.deals));
 * t.actual() // => { actual: { kind: 'value', value: 50 }, basis: '1 of 2 churned customers contacted after leaving' }
 */
export function exitInterviewTally(window: Period) {
  let churned = 0, contacted = 0;
  return {
    add(c: Customer, contracts: readonly RevenueContract[]): void {
      const at = churnDate(contracts, window);
      if (at === undefined) return;
      churned += 1;
      if (c.engagement.lastTouchAt !== undefined && c.engagement.lastTouchAt >= at) contacted += 1;
    },
    actual(): MeasureActual {
      if (churned === 0) return { actual: noData('no customer churned in the period'), basis: 'exit interviews' };
      return { actual: value((contacted / churned) * 100), basis: `${contacted} of ${churned} churned customers contacted after leaving` };
    },
  };
}
