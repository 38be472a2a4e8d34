import { noData, value } from '../../metric';
import { earlyChurnRecord } from '../../sales/early-churn-record';
import { type MeasureActual, type MeasureScope } from './measure-scope';

/**
 * For sales reps: share of the customers they brought in whose 90 days after the first close ended
 * within the window and who were gone by then.
 *
 * @example
 * earlyChurnMeasure({ customers, window, ownerIds: ['rep'], manual: [] }) // => { actual: { kind: 'value', value: 5 }, basis: '1 of 20 new customers lost within 90 days' }
 */
export function earlyChurnMeasure(scope: MeasureScope): MeasureActual {
  let won = 0, lost = 0;
  for (const ownerId of scope.ownerIds) {
    const r = earlyChurnRecord(scope.customers, ownerId, scope.window.end, 90, scope.window);
    won += r.wonCustomers;
    lost += r.lostWithinWindow;
  }
  if (won === 0) return { actual: noData('no new customer reached 90 days after close in the period'), basis: 'early churn' };
  return { actual: value((lost / won) * 100), basis: `${lost} of ${won} new customers lost within 90 days` };
}
