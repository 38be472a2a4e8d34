import type { Customer } from '../../customer';
import { noData, value } from '../../metric';
import { HOUR_MS, type Period } from '../../time/days';
import { type MeasureActual, within } from './measure-scope';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Tickets of the scope closed within the window, and the median hours they took, added one
 * customer at a time. The median needs every closed ticket's hours: with `keepHours` they are kept
 * as plain numbers, a list bounded by the tickets closed in the window, not by the portal's size.
 *
 * @example
 * const t = ticketTally(quarter, true); customers.forEach((c) => t.add(c));
 * t.medianHours() // => { actual: { kind: 'value', value: 12 }, basis: 'median of 3 tickets closed in the period' }
 */
export function ticketTally(window: Period, keepHours: boolean) {
  let closed = 0;
  const hours: number[] = [];
  return {
    add(customer: Customer): void {
      for (const t of customer.tickets) {
        if (!t.isClosed || !within(t.closedAt, window)) continue;
        closed += 1;
        if (!keepHours) continue;
        const h = (t.closedAt.getTime() - t.createdAt.getTime()) / HOUR_MS;
        if (h >= 0) hours.push(h);
      }
    },
    resolved(): MeasureActual {
      return { actual: value(closed), basis: `${closed} tickets closed in the period` };
    },
    medianHours(): MeasureActual {
      if (hours.length === 0) return { actual: noData('no ticket closed in the period'), basis: 'time to resolve' };
      return { actual: value(median(hours)), basis: `median of ${hours.length} tickets closed in the period` };
    },
  };
}
