/** A least-squares line through a series, with how sure its slope is. */
export interface Trend {
  /** Change of y per unit of x. */
  slope: number;
  /** The slope's 95 % interval, widened for the series' lag-1 autocorrelation (see trendOf). */
  low: number;
  high: number;
  /** Points in the series, and as many independent ones as their autocorrelation is worth. */
  points: number;
  effectivePoints: number;
}

/** The lowest, median (the lower middle of an even count) and highest of a non-empty series. */
export function spreadOf(values: readonly number[]): { lowest: number; median: number; highest: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { lowest: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)], highest: sorted[sorted.length - 1] };
}

/** Student's t at 97.5 % for `df` degrees of freedom (Cornish-Fisher, within 0.001 from df = 3). */
function t975(df: number): number {
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

/**
 * The slope of `ys` over `xs` by least squares, and its 95 % interval. Why the widening: a sync's
 * per-assembly peaks are not independent (the collector's state carries from one assembly to the
 * next), and ordinary least squares would then claim more certainty than the run holds. With lag-1
 * autocorrelation r of the residuals, n points are worth n (1 - r) / (1 + r) independent ones (the
 * AR(1) rule), and the interval is drawn on that many. Undefined below 3 points or with one x.
 *
 * @example
 * trendOf([1, 2, 3, 4], [10, 12, 14, 16])?.slope; // 2
 */
export function trendOf(xs: readonly number[], ys: readonly number[]): Trend | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return undefined;
  const mean = (values: readonly number[]) => values.slice(0, n).reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  const residuals = Array.from({ length: n }, (_, i) => ys[i] - my - slope * (xs[i] - mx));
  const sse = residuals.reduce((sum, r) => sum + r * r, 0);
  let lagged = 0;
  for (let i = 1; i < n; i++) lagged += residuals[i] * residuals[i - 1];
  const r1 = sse === 0 ? 0 : Math.max(0, Math.min(0.99, lagged / sse));
  const effectivePoints = Math.max(3, (n * (1 - r1)) / (1 + r1));
  const standardError = Math.sqrt(sse / (n - 2) / sxx) * Math.sqrt(n / effectivePoints);
  const half = t975(Math.max(1, effectivePoints - 2)) * standardError;
  return { slope, low: slope - half, high: slope + half, points: n, effectivePoints };
}
