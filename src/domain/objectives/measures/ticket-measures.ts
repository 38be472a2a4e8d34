import { noData, value } from '../../metric';
import { HOUR_MS } from '../../time/days';
import { type MeasureActual, type MeasureScope, NO_ACCOUNTS, within } from './measure-scope';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Tickets of the portfolio closed within the window, or the median hours they took to close.
 *
 * @example
 * ticketMeasure('median_resolution_hours', scope) // => { actual: { kind: 'value', value: 12 }, basis: 'median of 3 tickets closed in the period' }
 */
export function ticketMeasure(measure: 'tickets_resolved' | 'median_resolution_hours', scope: MeasureScope): MeasureActual {
  if (scope.customers.length === 0) return { actual: noData(NO_ACCOUNTS), basis: 'tickets' };
  const closed = scope.customers.flatMap((c) => c.tickets.filter((t): t is typeof t & { closedAt: Date } => t.isClosed && within(t.closedAt, scope.window)));
  if (measure === 'tickets_resolved') return { actual: value(closed.length), basis: `${closed.length} tickets closed in the period` };
  const hours = closed.map((t) => (t.closedAt.getTime() - t.createdAt.getTime()) / HOUR_MS).filter((h) => h >= 0);
  if (hours.length === 0) return { actual: noData('no ticket closed in the period'), basis: 'time to resolve' };
  return { actual: value(median(hours)), basis: `median of ${hours.length} tickets closed in the period` };
}
