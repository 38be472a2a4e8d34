import type { CompanyIdRange } from '../../hubspot';

/**
 * Cuts the ids from `lowest` to `highest` (both included) into `count` contiguous ranges of about
 * equal width, [from, to), covering every id between them: a company created later inside the span
 * falls in one range, one past `highest` in none (the next run's span takes it in). Widths, not
 * counts, are equal: HubSpot hands ids out roughly in creation order, so a portal's ids are spread
 * fairly evenly, and cutting by count would need every id read first.
 */
export function splitIdRange(lowest: string, highest: string, count: number): CompanyIdRange[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`ranges: must be a whole number of at least 1, got ${count}`);
  const low = BigInt(lowest);
  const end = BigInt(highest) + 1n;
  if (end <= low) throw new Error(`ranges: the highest id ${highest} is below the lowest ${lowest}`);
  const span = end - low;
  const parts = BigInt(count) > span ? Number(span) : count;
  return Array.from({ length: parts }, (_, i) => ({
    from: (low + (span * BigInt(i)) / BigInt(parts)).toString(),
    to: (low + (span * BigInt(i + 1)) / BigInt(parts)).toString(),
  }));
}
