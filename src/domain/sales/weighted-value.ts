/**
 * Weighted value of an opportunity: amount x probability of its stage.
 *
 * @example
 * weightedValue(12_000, 0.6) // => 7200
 */
export const weightedValue = (amount: number, probability: number): number => amount * probability;
