import type { ResolvedTarget } from './target-source';

/**
 * Attainment of one measure, %: 0 short of the threshold, linear from the threshold (0 %) to the
 * target (100 %), each point beyond the target counted `accelerator` times, never above the cap.
 * Lower-is-better measures (time to resolve, early churn) run the other way. A threshold equal to
 * the target makes the measure all-or-nothing: 100 % once reached.
 *
 * @example
 * measureAttainment(94, { target: 92, threshold: 80, capPercent: 150, accelerator: 1.5, higherIsBetter: true })
 * // => 125 (100 + 1.5 x 16.7)
 */
export function measureAttainment(actual: number, t: Pick<ResolvedTarget, 'target' | 'threshold' | 'capPercent' | 'accelerator' | 'higherIsBetter'>): number {
  const progress = t.higherIsBetter ? actual - t.threshold : t.threshold - actual;
  const span = t.higherIsBetter ? t.target - t.threshold : t.threshold - t.target;
  if (!Number.isFinite(actual) || progress < 0) return 0;
  if (span <= 0) return Math.min(t.capPercent, 100);
  const linear = (progress / span) * 100;
  if (linear <= 100) return linear;
  return Math.min(t.capPercent, 100 + (linear - 100) * t.accelerator);
}
