import type { Customer } from '../customer';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS, type Period } from '../time/days';

export interface ServiceValue {
  /** Renewals won within `afterContactDays` of a support ticket. */
  renewalsAfterContact: number;
  /** Expansions (upsell/cross-sell) won within `afterContactDays` of a support ticket. */
  expansionsAfterContact: number;
  expansionMrrAfterContact: number;
  /** Customers that were at risk (an at-risk score stored in the period) and then renewed. */
  customersSaved: number;
  /** MRR of the renewals of those saved customers. */
  revenueSecured: number;
}

/**
 * What service brings: renewals and expansion that follow a support contact, customers saved (at
 * risk, then renewed) and the revenue they secured. A won existing-business deal is a renewal when
 * it starts where a previous contract ends, an expansion otherwise.
 *
 * @example
 * serviceValue(customers, { start, end }, { atRiskUpTo: 50 }) // => { renewalsAfterContact: 12, customersSaved: 3, revenueSecured: 4200, ... }
 */
export function serviceValue(customers: readonly Customer[], period: Period, options: { afterContactDays?: number; atRiskUpTo: number }): ServiceValue {
  const window = (options.afterContactDays ?? 90) * DAY_MS;
  const result: ServiceValue = { renewalsAfterContact: 0, expansionsAfterContact: 0, expansionMrrAfterContact: 0, customersSaved: 0, revenueSecured: 0 };
  for (const customer of customers) {
    const contracts = revenueContracts(customer.deals);
    const wasAtRisk = (customer.healthHistory ?? []).some((p) => p.at >= period.start && p.at <= period.end && p.value <= options.atRiskUpTo);
    let saved = false;
    for (const deal of customer.deals) {
      if (deal.outcome !== 'won' || deal.dealType === 'newbusiness' || !deal.closedAt || deal.closedAt < period.start || deal.closedAt > period.end) continue;
      const start = (deal.contractStart ?? deal.closedAt).getTime();
      const isRenewal = contracts.some((c) => c.dealId !== deal.id && c.end !== undefined && Math.abs(c.end.getTime() - start) <= 7 * DAY_MS);
      const closed = deal.closedAt.getTime();
      const afterContact = customer.tickets.some((t) => t.createdAt.getTime() <= closed && closed - t.createdAt.getTime() <= window);
      if (afterContact && isRenewal) result.renewalsAfterContact += 1;
      if (afterContact && !isRenewal) {
        result.expansionsAfterContact += 1;
        result.expansionMrrAfterContact += deal.mrr ?? 0;
      }
      if (isRenewal && wasAtRisk) {
        saved = true;
        result.revenueSecured += deal.mrr ?? mrrOn(contracts, start);
      }
    }
    if (saved) result.customersSaved += 1;
  }
  return result;
}
