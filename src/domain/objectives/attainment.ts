import { MEASURES, type MeasurePlan } from './plan-schema';

/**
 * Attainment of one measure, %: 0 below the threshold, linear from the threshold (0 %) to the target
 * (100 %), accelerated above the target, capped. Lower-is-better measures run the other way.
 *
 * @example
 * measureAttainment(96, { measure: 'grr', weight: 60, target: 92, threshold: 80, capPercent: 150, accelerator: 1.5 }) // => 150 (capped: 100 + 1.5 x 33.3)
 */
export function measureAttainment(actual: number, plan: MeasurePlan): number {
  const better = MEASURES[plan.measure].higherIsBetter;
  const progress = better ? actual - plan.threshold : plan.threshold - actual;
  const span = better ? plan.target - plan.threshold : plan.threshold - plan.target;
  if (progress < 0) return 0;
  if (span <= 0) return Math.min(plan.capPercent, progress >= 0 ? 100 : 0);
  const linear = (progress / span) * 100;
  if (linear <= 100) return linear;
  return Math.min(plan.capPercent, 100 + (linear - 100) * plan.accelerator);
}
