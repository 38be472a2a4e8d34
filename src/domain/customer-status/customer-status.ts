import type { RevenueContract } from '../customer';

export type CustomerStatusKind = 'active' | 'churned' | 'prospect';

export interface CustomerStatus {
  status: CustomerStatusKind;
  /** For a churned customer: when its last contract ended. */
  churnedAt?: Date;
}

/**
 * Who is a customer at `asOf`, from the won contracts known then: a prospect never had a won
 * contract; a churned customer had one and has none running now (nor one signed to start later,
 * which would make a gap between two contracts, not a departure); everyone else is active.
 * Pass the contracts known at `asOf` (`signalsAt(...).contracts`): for a past date, those signed by
 * then, so the status then does not see later renewals.
 *
 * @example
 * customerStatus([{ dealId: 'd1', mrr: 100, start: new Date('2025-01-01'), end: new Date('2026-01-01') }], new Date('2026-11-01'))
 * // => { status: 'churned', churnedAt: 2026-01-01T00:00:00.000Z }
 */
export function customerStatus(contracts: readonly RevenueContract[], asOf: Date): CustomerStatus {
  const t = asOf.getTime();
  let started = false, upcoming = false, lastEnd: number | undefined;
  for (const c of contracts) {
    const start = c.start.getTime();
    const end = c.end?.getTime();
    if (start > t) {
      upcoming = true;
      continue;
    }
    started = true;
    if (end === undefined || end > t) return { status: 'active' };
    if (lastEnd === undefined || end > lastEnd) lastEnd = end;
  }
  if (upcoming) return { status: 'active' };
  if (!started || lastEnd === undefined) return { status: 'prospect' };
  return { status: 'churned', churnedAt: new Date(lastEnd) };
}
