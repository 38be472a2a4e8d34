import { HOUR_MS } from '../time/days';
import type { PortfolioEntry } from './portfolio-entry';

export interface FollowUpDue {
  customerId: string;
  ownerId?: string;
  due: Date;
  /** The 48 h are up and no call, email or meeting has followed the detractor's answer. */
  overdue: boolean;
  /** Whole hours past due (0 when not overdue). */
  hoursOverdue: number;
}

/**
 * Detractor follow-ups still open, soonest due first, the overdue ones marked: only 5 % of
 * companies close the NPS loop, so the late ones must stand out.
 *
 * @example
 * followUpsDue(entries, new Date('2026-11-22T12:00:00Z'))
 * // => [{ customerId: 'a', due: 2026-11-21T12:00Z, overdue: true, hoursOverdue: 24 }, { customerId: 'b', due: 2026-11-23T09:00Z, overdue: false, hoursOverdue: 0 }]
 */
export function followUpsDue(entries: readonly PortfolioEntry[], asOf: Date): FollowUpDue[] {
  const result: FollowUpDue[] = [];
  for (const { customer, assessment: a } of entries) {
    const due = a.detractorFollowUpDue;
    if (!due) continue;
    const late = asOf.getTime() - due.getTime();
    result.push({ customerId: customer.id, ownerId: customer.ownerId, due, overdue: late > 0, hoursOverdue: late > 0 ? Math.floor(late / HOUR_MS) : 0 });
  }
  return result.sort((x, y) => x.due.getTime() - y.due.getTime() || x.customerId.localeCompare(y.customerId));
}
