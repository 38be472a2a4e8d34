import type { Customer } from '../../customer';
import { noData, value } from '../../metric';
import { mrrOn } from '../../revenue/mrr';
import { revenueContracts } from '../../revenue/revenue-contracts';
import { DAY_MS, subtractMonthsUtc, type Period } from '../../time/days';
import { day, type MeasureActual, type MeasureScope, NO_ACCOUNTS, within } from './measure-scope';

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
 * Share of accounts contacted in the month up to the end of the window. `lastTouchAt` only tells the
 * latest touch, so an account touched after the month cannot be judged for it and is left out
 * (counted in the basis); touch counts from the data layer decide when the window is itself a month.
 *
 * @example
 * accountsContacted(scope) // => { actual: { kind: 'value', value: 75 }, basis: '3 of 4 accounts touched between 2026-08-30 and 2026-09-30' }
 */
export function accountsContacted(scope: MeasureScope): MeasureActual {
  if (scope.customers.length === 0) return { actual: noData(NO_ACCOUNTS), basis: 'accounts contacted' };
  const month = lastMonthOf(scope.window);
  const countsCoverMonth = scope.touchCounts !== undefined && scope.window.end.getTime() - scope.window.start.getTime() <= 31 * DAY_MS;
  let contacted = 0, judged = 0, unknown = 0;
  for (const c of scope.customers) {
    const count = countsCoverMonth ? scope.touchCounts?.[c.id] : undefined;
    const last = c.engagement.lastTouchAt;
    if (count !== undefined) {
      judged += 1;
      if (count > 0) contacted += 1;
    } else if (last !== undefined && last > month.end) unknown += 1;
    else {
      judged += 1;
      if (within(last, month)) contacted += 1;
    }
  }
  const basis = `${contacted} of ${judged} accounts touched between ${day(month.start)} and ${day(month.end)}${unknown ? `; ${unknown} touched since, so not judged` : ''}`;
  if (judged === 0) return { actual: noData('every account was touched after the month, so the month cannot be judged'), basis };
  return { actual: value((contacted / judged) * 100), basis };
}

/**
 * Touches per account within the window, from the data layer's search counts; accounts it did not
 * count are left out, and "no data" when it counted none.
 *
 * @example
 * touchesPerAccount({ ...scope, touchCounts: { c1: 4, c2: 2 } }) // => { actual: { kind: 'value', value: 3 }, basis: '6 touches over 2 accounts' }
 */
export function touchesPerAccount(scope: MeasureScope): MeasureActual {
  if (scope.customers.length === 0) return { actual: noData(NO_ACCOUNTS), basis: 'touches per account' };
  const counted = scope.customers.map((c) => scope.touchCounts?.[c.id]).filter((n): n is number => n !== undefined && Number.isFinite(n));
  if (counted.length === 0) return { actual: noData('no touch counts from the data layer'), basis: 'touches per account' };
  const touches = counted.reduce((s, n) => s + n, 0);
  const missing = scope.customers.length - counted.length;
  return { actual: value(touches / counted.length), basis: `${touches} touches over ${counted.length} accounts${missing ? `; ${missing} not counted` : ''}` };
}

/**
 * When a customer paying at the start of the window stopped paying within it (its last contract's
 * end); undefined when it did not churn in the window.
 *
 * @example
 * churnDate(customer, quarter) // => 2026-08-15
 */
export function churnDate(customer: Customer, window: Period): Date | undefined {
  const contracts = revenueContracts(customer.deals);
  if (mrrOn(contracts, window.start) <= 0 || mrrOn(contracts, window.end) > 0) return undefined;
  const ends = contracts.map((c) => c.end).filter((e): e is Date => e !== undefined && e > window.start && e <= window.end);
  return ends.length ? new Date(Math.max(...ends.map(Number))) : undefined;
}

/**
 * Share of the customers lost within the window whom the CSM contacted after they left (an exit
 * interview is a touch dated after the churn date).
 *
 * @example
 * exitInterviews(scope) // => { actual: { kind: 'value', value: 50 }, basis: '1 of 2 churned customers contacted after leaving' }
 */
export function exitInterviews(scope: MeasureScope): MeasureActual {
  if (scope.customers.length === 0) return { actual: noData(NO_ACCOUNTS), basis: 'exit interviews' };
  const churned = scope.customers.map((c) => ({ c, at: churnDate(c, scope.window) })).filter((x): x is { c: Customer; at: Date } => x.at !== undefined);
  if (churned.length === 0) return { actual: noData('no customer churned in the period'), basis: 'exit interviews' };
  const contacted = churned.filter(({ c, at }) => c.engagement.lastTouchAt !== undefined && c.engagement.lastTouchAt >= at).length;
  return { actual: value((contacted / churned.length) * 100), basis: `${contacted} of ${churned.length} churned customers contacted after leaving` };
}
