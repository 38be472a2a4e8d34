import type { Metric } from '../metric';
import type { CustomerRevenue } from '../revenue/mrr-movements';
import { revenueRetention, trailingTwelveMonths, type RetentionFigures } from '../revenue/retention';
import { subtractMonthsUtc } from '../time/days';

export interface RetentionPoint {
  /** `YYYY-MM` of the point's end date. */
  month: string;
  /** The end of the trailing twelve months this point measures. */
  end: Date;
  retention: Metric<RetentionFigures>;
}

/**
 * Trailing-twelve-month NRR and GRR (with logo and revenue churn) at the same day of each of the
 * last `months` months, oldest first: the number `cs_nrr_12m` holds, as it moved. A month with no
 * paying cohort at its start stays "no data", never 0.
 *
 * @example
 * retentionSeries(revenues, new Date('2026-11-22'), 12).map((p) => p.month) // => ['2025-12', ..., '2026-11']
 */
export function retentionSeries(revenues: readonly CustomerRevenue[], asOf: Date, months = 12): RetentionPoint[] {
  const points: RetentionPoint[] = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const end = subtractMonthsUtc(asOf, back);
    points.push({ month: end.toISOString().slice(0, 7), end, retention: revenueRetention(revenues, trailingTwelveMonths(end)) });
  }
  return points;
}
