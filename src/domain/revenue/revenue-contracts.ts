import type { Deal, RevenueContract } from '../customer';

export interface SkippedDeal {
  dealId: string;
  reason: string;
}

/**
 * The recurring-revenue contracts behind a customer's MRR: its won deals with a positive MRR and a
 * start date, also reporting the won deals that could not count and why.
 *
 * @example
 * revenueContractsWithIssues([{ id: 'd1', outcome: 'won', mrr: 1000, closedAt: new Date('2026-01-01') }])
 * // => { contracts: [{ dealId: 'd1', mrr: 1000, start: 2026-01-01, end: undefined }], skipped: [] }
 */
export function revenueContractsWithIssues(deals: readonly Deal[]): { contracts: RevenueContract[]; skipped: SkippedDeal[] } {
  const contracts: RevenueContract[] = [];
  const skipped: SkippedDeal[] = [];
  for (const deal of deals) {
    if (deal.outcome !== 'won') continue;
    const start = deal.contractStart ?? deal.closedAt;
    if (deal.mrr === undefined) skipped.push({ dealId: deal.id, reason: 'won deal without MRR' });
    else if (!(deal.mrr > 0)) skipped.push({ dealId: deal.id, reason: `won deal with MRR ${deal.mrr}` });
    else if (!start) skipped.push({ dealId: deal.id, reason: 'won deal without a start or close date' });
    else if (deal.contractEnd && deal.contractEnd.getTime() <= start.getTime()) skipped.push({ dealId: deal.id, reason: 'contract ends before it starts' });
    else contracts.push({ dealId: deal.id, mrr: deal.mrr, start, end: deal.contractEnd, signedAt: deal.closedAt });
  }
  return { contracts, skipped };
}

/**
 * The recurring-revenue contracts of won deals (see {@link revenueContractsWithIssues}).
 *
 * @example
 * revenueContracts([{ id: 'd1', outcome: 'lost', mrr: 500 }]) // => []
 */
export function revenueContracts(deals: readonly Deal[]): RevenueContract[] {
  // The same selection as revenueContractsWithIssues without spelling out why each skipped deal is
  // skipped: the engine calls this once per customer and never reads the reasons. Counted, then
  // made to size: the engine keeps these arrays, and one grown by push keeps room for 16 contracts.
  // The contracts' deal indexes are noted in a reused scratch, so each deal is tested once.
  let count = 0;
  for (let i = 0; i < deals.length; i++) if (contractStart(deals[i]) !== undefined) contractDeals[count++] = i;
  const contracts = new Array<RevenueContract>(count);
  for (let c = 0; c < count; c++) {
    const deal = deals[contractDeals[c]];
    contracts[c] = { dealId: deal.id, mrr: deal.mrr as number, start: (deal.contractStart ?? deal.closedAt) as Date, end: deal.contractEnd, signedAt: deal.closedAt };
  }
  return contracts;
}

/** Indexes of the deals that are contracts, filled per call (the engine is synchronous; entries past the count are stale). */
const contractDeals: number[] = [];

/** The start of a won deal's contract, undefined for a deal that is not a contract (see revenueContractsWithIssues). */
function contractStart(deal: Deal): Date | undefined {
  if (deal.outcome !== 'won') return undefined;
  const start = deal.contractStart ?? deal.closedAt;
  if (deal.mrr === undefined || !(deal.mrr > 0) || !start || (deal.contractEnd && deal.contractEnd.getTime() <= start.getTime())) return undefined;
  return start;
}
