import type { EngineConfig } from '../config/engine-config';
import type { Customer, Deal, RevenueContract } from '../customer';
import { signalsAt } from '../health/customer-signals';
import { computeScore, scorecardWeights } from '../health/health-score';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS, type Period } from '../time/days';

export interface SavedCustomer {
  customerId: string;
  /** Lowest health score seen in the run-up to the renewal. */
  lowestScore: number;
  /** Where that score comes from: the stored history, or the same scoring recomputed as of then. */
  source: 'history' | 'recomputed';
  renewedAt: Date;
  mrrSecured: number;
}

export interface ServiceValue {
  /** Renewals won within `afterContactDays` of a support ticket being opened. */
  renewalsAfterContact: number;
  renewalMrrAfterContact: number;
  /** Expansions (upsell/cross-sell) won within `afterContactDays` of a support ticket being opened. */
  expansionsAfterContact: number;
  expansionMrrAfterContact: number;
  /** Customers that were at risk before a renewal in the period, then renewed. */
  customersSaved: number;
  /** MRR of the renewals of those saved customers. */
  revenueSecured: number;
  saved: SavedCustomer[];
}

/** The older options form, kept for callers that pass only what they need. */
export interface ServiceValueOptions {
  afterContactDays?: number;
  renewalMatchDays?: number;
  atRiskUpTo: number;
}

/**
 * What service brings: renewals and expansion that follow a support contact, customers saved (at
 * risk, then renewed) and the revenue they secured.
 *
 * A won deal other than new business, closed in the period, is a renewal when it starts within
 * `renewalMatchDays` of the end of another contract, an expansion otherwise. A customer is saved when
 * its health was at risk in the `renewalWithinDays` before such a renewal: read from `healthHistory`
 * when the company has stored scores from then, else recomputed with the same pure scoring as of
 * 30, 60 and 90 days before (so it works on a portal with no score history yet). The recomputation
 * needs the full config; with the options form only stored history counts.
 *
 * @example
 * serviceValue(customers, { start: new Date('2026-01-01'), end: new Date('2026-12-31') }, DEFAULT_ENGINE_CONFIG)
 * // => { renewalsAfterContact: 12, expansionsAfterContact: 3, customersSaved: 3, revenueSecured: 4200, ... }
 */
export function serviceValue(customers: readonly Customer[], period: Period, configOrOptions: EngineConfig | ServiceValueOptions): ServiceValue {
  const config = 'health' in configOrOptions ? configOrOptions : undefined;
  const afterContact = (config?.serviceValue.afterContactDays ?? (configOrOptions as ServiceValueOptions).afterContactDays ?? 90) * DAY_MS;
  const renewalMatch = (config?.serviceValue.renewalMatchDays ?? (configOrOptions as ServiceValueOptions).renewalMatchDays ?? 7) * DAY_MS;
  const atRiskUpTo = config?.health.bands.atRiskUpTo ?? (configOrOptions as ServiceValueOptions).atRiskUpTo;
  const lookBack = (config?.churnRisk.renewalWithinDays ?? 90) * DAY_MS;
  const from = period.start.getTime(), to = period.end.getTime();

  const result: ServiceValue = { renewalsAfterContact: 0, renewalMrrAfterContact: 0, expansionsAfterContact: 0, expansionMrrAfterContact: 0, customersSaved: 0, revenueSecured: 0, saved: [] };
  for (const customer of customers) {
    let contracts: RevenueContract[] | undefined;
    let saved: SavedCustomer | undefined;
    for (const deal of customer.deals) {
      const closed = deal.closedAt?.getTime();
      if (deal.outcome !== 'won' || deal.dealType === 'newbusiness' || closed === undefined || closed < from || closed > to) continue;
      contracts ??= revenueContracts(customer.deals);
      const start = (deal.contractStart ?? deal.closedAt as Date).getTime();
      const isRenewal = contracts.some((c) => c.dealId !== deal.id && c.end !== undefined && Math.abs(c.end.getTime() - start) <= renewalMatch);
      const mrr = dealMrr(deal, contracts);
      const followsContact = customer.tickets.some((t) => t.createdAt.getTime() <= closed && closed - t.createdAt.getTime() <= afterContact);
      if (followsContact && isRenewal) {
        result.renewalsAfterContact += 1;
        result.renewalMrrAfterContact += mrr;
      } else if (followsContact) {
        result.expansionsAfterContact += 1;
        result.expansionMrrAfterContact += mrr;
      }
      if (!isRenewal) continue;
      const risk = lowestScoreBefore(customer, closed, lookBack, config);
      if (risk && risk.score <= atRiskUpTo) {
        if (saved) saved.mrrSecured += mrr;
        else saved = { customerId: customer.id, lowestScore: risk.score, source: risk.source, renewedAt: new Date(closed), mrrSecured: mrr };
      }
    }
    if (saved) {
      result.customersSaved += 1;
      result.revenueSecured += saved.mrrSecured;
      result.saved.push(saved);
    }
  }
  result.saved.sort((a, b) => b.mrrSecured - a.mrrSecured || a.customerId.localeCompare(b.customerId));
  return result;
}

/** The deal's own MRR, else the contract built from it (negative or missing amounts secure nothing). */
function dealMrr(deal: Deal, contracts: readonly RevenueContract[]): number {
  const mrr = deal.mrr ?? contracts.find((c) => c.dealId === deal.id)?.mrr ?? 0;
  return mrr > 0 ? mrr : 0;
}

/**
 * The lowest health score in the `lookBack` before `closed`: stored history when it has points in that
 * window, else (with the config) the same scoring recomputed as of 30, 60 and 90 days before.
 */
function lowestScoreBefore(customer: Customer, closed: number, lookBack: number, config: EngineConfig | undefined): { score: number; source: SavedCustomer['source'] } | undefined {
  let lowest: number | undefined;
  for (const point of customer.healthHistory ?? []) {
    const at = point.at.getTime();
    if (at < closed && at >= closed - lookBack && (lowest === undefined || point.value < lowest)) lowest = point.value;
  }
  if (lowest !== undefined) return { score: lowest, source: 'history' };
  if (!config) return undefined;
  // The computed score, not a CSM override: a manual score is no evidence the account was at risk.
  // Usage and last touch have no history in HubSpot, so they are read at today's value.
  const { weights } = scorecardWeights(customer.segment, config);
  const contracts = revenueContracts(customer.deals);
  for (let days = 30; days * DAY_MS <= lookBack; days += 30) {
    const computed = computeScore(signalsAt(customer, config, new Date(closed - days * DAY_MS), undefined, contracts, true), weights, config);
    if (computed.components.some((c) => c.reading.status === 'scored') && (lowest === undefined || computed.score < lowest)) lowest = computed.score;
  }
  return lowest === undefined ? undefined : { score: lowest, source: 'recomputed' };
}
