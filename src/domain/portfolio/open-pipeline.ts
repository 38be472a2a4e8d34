import type { Deal } from '../customer';
import { dealWeightedValue } from '../sales/weighted-value';

export interface OpenPipeline {
  deals: number;
  /** Sum of the open deals' amounts (deals without an amount add nothing and are counted below). */
  amount: number;
  /** Sum of amount x stage probability over the deals that have both. */
  weighted: number;
  /** Open deals left out of the weighted total: no amount, no stage probability, or one outside 0..1. */
  withoutProbability: number;
}

/**
 * The weighted total of one rep's open pipeline: a thin pipeline makes a good month misleading, so
 * the deal card shows it beside the deal. Each deal is counted once even when it appears under
 * several companies.
 *
 * @example
 * openPipeline([{ id: 'a', outcome: 'open', ownerId: '7', amount: 10_000, stageProbability: 0.6 }, { id: 'b', outcome: 'open', ownerId: '7', amount: 5_000 }], '7')
 * // => { deals: 2, amount: 15000, weighted: 6000, withoutProbability: 1 }
 */
export function openPipeline(deals: readonly Deal[], ownerId: string): OpenPipeline {
  const seen = new Set<string>();
  const result: OpenPipeline = { deals: 0, amount: 0, weighted: 0, withoutProbability: 0 };
  for (const deal of deals) {
    if (deal.outcome !== 'open' || deal.ownerId !== ownerId || seen.has(deal.id)) continue;
    seen.add(deal.id);
    result.deals += 1;
    if (deal.amount !== undefined && Number.isFinite(deal.amount)) result.amount += deal.amount;
    const weighted = dealWeightedValue(deal);
    if (weighted.kind === 'value') result.weighted += weighted.value.value;
    else result.withoutProbability += 1;
  }
  return result;
}
