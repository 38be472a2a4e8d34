import type { Customer, Deal, RevenueContract } from '../customer';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS, type Period } from '../time/days';

export interface EarlyChurnRecord {
  /** Customers whose first contract the rep won at least `windowDays` ago (old enough to judge). */
  wonCustomers: number;
  /** Of those, customers paying nothing `windowDays` after the first close. */
  lostWithinWindow: number;
  /** lost / won x 100; undefined when no customer is old enough to judge (never 0 by default). */
  rate?: number;
  /** The customers lost early, to name them in the explanation. */
  lostCustomerIds?: string[];
}

/**
 * The customer's first won deal: its new business, whatever deal type was recorded.
 *
 * @example
 * firstWonDeal(customer)?.id // => 'd1'
 */
export function firstWonDeal(customer: Pick<Customer, 'deals'>): (Deal & { closedAt: Date }) | undefined {
  // One pass, no copy: the earliest close, the first of equals (as the stable sort gives). An
  // invalid close date leaves the order to the sort, as it always did.
  let first: (Deal & { closedAt: Date }) | undefined;
  for (const d of customer.deals) {
    if (d.outcome !== 'won' || d.closedAt === undefined) continue;
    const t = d.closedAt.getTime();
    if (Number.isNaN(t)) return sortedFirstWon(customer.deals);
    if (first === undefined || t < first.closedAt.getTime()) first = d as Deal & { closedAt: Date };
  }
  return first;
}

function sortedFirstWon(deals: readonly Deal[]): (Deal & { closedAt: Date }) | undefined {
  return deals
    .filter((d): d is Deal & { closedAt: Date } => d.outcome === 'won' && d.closedAt !== undefined)
    .sort((a, b) => a.closedAt.getTime() - b.closedAt.getTime())[0];
}

/**
 * One customer's part in its first rep's early-churn record, once `windowDays` have passed since
 * the first close: that rep and whether the customer paid nothing then. The same as asking
 * {@link earlyChurnRecord} of `[customer]` for each of its deals' owners, in one pass and with the
 * customer's contracts already made (a sync asks this of every customer).
 *
 * @example
 * customerEarlyChurn(customer, new Date('2026-11-22')) // => { ownerId: '501', lost: false }
 */
export function customerEarlyChurn(customer: Customer, asOf: Date, contracts: readonly RevenueContract[] = revenueContracts(customer.deals), windowDays = 90): { ownerId: string; lost: boolean } | undefined {
  const first = firstWonDeal(customer);
  if (!first || first.ownerId === undefined) return undefined;
  const judgedAt = first.closedAt.getTime() + windowDays * DAY_MS;
  if (judgedAt > asOf.getTime()) return undefined;
  return { ownerId: first.ownerId, lost: mrrOn(contracts, judgedAt) <= 0 };
}

/**
 * A sales rep's early-churn record: the share of the customers they brought in (the customer's
 * first won deal is theirs) who paid nothing `windowDays` after that close. Adding this objective
 * to sales cut early cancellations by 90 % (brief). `judgedWithin` keeps only customers whose
 * window ended inside a plan period, for period objectives.
 *
 * @example
 * earlyChurnRecord(customers, '501', new Date('2026-11-22')) // => { wonCustomers: 20, lostWithinWindow: 1, rate: 5, lostCustomerIds: ['c7'] }
 */
export function earlyChurnRecord(customers: readonly Customer[], repOwnerId: string, asOf: Date, windowDays = 90, judgedWithin?: Period): EarlyChurnRecord {
  let won = 0;
  const lostCustomerIds: string[] = [];
  for (const customer of customers) {
    const first = firstWonDeal(customer);
    if (!first || first.ownerId !== repOwnerId) continue;
    const judgedAt = first.closedAt.getTime() + windowDays * DAY_MS;
    if (judgedAt > asOf.getTime()) continue;
    if (judgedWithin && (judgedAt < judgedWithin.start.getTime() || judgedAt > judgedWithin.end.getTime())) continue;
    won += 1;
    if (mrrOn(revenueContracts(customer.deals), judgedAt) <= 0) lostCustomerIds.push(customer.id);
  }
  return { wonCustomers: won, lostWithinWindow: lostCustomerIds.length, rate: won ? (lostCustomerIds.length / won) * 100 : undefined, lostCustomerIds };
}
