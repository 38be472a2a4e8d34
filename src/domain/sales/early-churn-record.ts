import type { Customer } from '../customer';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS } from '../time/days';

export interface EarlyChurnRecord {
  /** Customers whose first contract the rep won at least `windowDays` ago (old enough to judge). */
  wonCustomers: number;
  /** Of those, customers paying nothing `windowDays` after the first close. */
  lostWithinWindow: number;
  rate?: number;
}

/**
 * A sales rep's early-churn record: the share of the customers they brought in who were gone within
 * 90 days of the first close (adding this objective to sales cut early cancellations by 90 %).
 *
 * @example
 * earlyChurnRecord(customers, '501', asOf) // => { wonCustomers: 20, lostWithinWindow: 1, rate: 5 }
 */
export function earlyChurnRecord(customers: readonly Customer[], repOwnerId: string, asOf: Date, windowDays = 90): EarlyChurnRecord {
  let won = 0, lost = 0;
  for (const customer of customers) {
    const firstDeal = customer.deals.filter((d) => d.outcome === 'won' && d.closedAt).sort((a, b) => (a.closedAt as Date).getTime() - (b.closedAt as Date).getTime())[0];
    if (!firstDeal || firstDeal.ownerId !== repOwnerId) continue;
    const judgedAt = (firstDeal.closedAt as Date).getTime() + windowDays * DAY_MS;
    if (judgedAt > asOf.getTime()) continue;
    won += 1;
    if (mrrOn(revenueContracts(customer.deals), judgedAt) <= 0) lost += 1;
  }
  return { wonCustomers: won, lostWithinWindow: lost, rate: won ? (lost / won) * 100 : undefined };
}
