/** Seconds a call count costs at HubSpot's Pro/Enterprise budget (190 requests per 10 s). */
export const secondsAtBudget = (calls: number, perTenSeconds = 190): number => (calls / perTenSeconds) * 10;

export const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The `p`th percentile of `values` by nearest rank (the value at floor(p% of n) in sorted order); `values` is not changed. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The upper median for an even count (the 50th percentile by nearest rank). */
export const median = (values: readonly number[]): number => percentile(values, 50);
