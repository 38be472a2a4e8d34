import type { Deal } from '../customer';
import { noData, value, type Metric } from '../metric';

/**
 * Weighted value of an opportunity: amount x probability of its stage.
 *
 * @example
 * weightedValue(12_000, 0.6) // => 7200
 */
export const weightedValue = (amount: number, probability: number): number => amount * probability;

export interface WeightedValue {
  amount: number;
  probability: number;
  value: number;
}

/**
 * A deal's weighted value, or why there is none (no amount, no stage probability, or a probability
 * outside 0..1, which a pipeline set in percent instead of a fraction would give).
 *
 * @example
 * dealWeightedValue({ id: 'd', outcome: 'open', amount: 12_000, stageProbability: 0.6 }) // => { kind: 'value', value: { amount: 12000, probability: 0.6, value: 7200 } }
 */
export function dealWeightedValue(deal: Pick<Deal, 'amount' | 'stageProbability'>): Metric<WeightedValue> {
  if (deal.amount === undefined || !Number.isFinite(deal.amount)) return noData('the deal has no amount');
  if (deal.stageProbability === undefined) return noData('the deal stage has no probability');
  if (!(deal.stageProbability >= 0 && deal.stageProbability <= 1)) return noData(`stage probability ${deal.stageProbability} is outside 0..1`);
  return value({ amount: deal.amount, probability: deal.stageProbability, value: weightedValue(deal.amount, deal.stageProbability) });
}
