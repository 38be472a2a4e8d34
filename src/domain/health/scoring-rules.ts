import type { LinearRule, ThresholdRule } from '../config/engine-config';

/**
 * Scores a value 0-100 on a linear rule: `zeroAt` gives 0, `fullAt` gives 100, clamped outside.
 *
 * @example
 * scoreLinear(30, { zeroAt: 90, fullAt: 14 }) // => 78.9 (30 days since the last touch)
 */
export function scoreLinear(value: number, rule: LinearRule): number {
  const share = (value - rule.zeroAt) / (rule.fullAt - rule.zeroAt);
  return Math.min(100, Math.max(0, share * 100));
}

/**
 * Scores a value on thresholds: the first step whose `upTo` the value does not exceed, else `above`.
 *
 * @example
 * scoreThreshold(2, { steps: [{ upTo: 0, score: 100 }, { upTo: 1, score: 60 }, { upTo: 2, score: 30 }], above: 0 }) // => 30
 */
export function scoreThreshold(value: number, rule: ThresholdRule): number {
  for (const step of rule.steps) if (value <= step.upTo) return step.score;
  return rule.above;
}
