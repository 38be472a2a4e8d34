import type { Customer } from '../domain/customer';
import { firstWonDeal } from '../domain/sales/early-churn-record';
import type { CompanyRecordRepository } from '../store/store';

/**
 * Records per store read. A page is what the statements hold of the portal at a time, and its
 * transient cost is far above its records' share: reading a 50,000-company PGlite store in pages of
 * 1,000 raised the process's peak RSS by 196 MB, in pages of 250 by 35 MB (and took 7.4 s, not 9.3).
 */
export const STATEMENT_PAGE = 250;

/** Where the streamed customers go: the shared scopes' tallies and the people's books, of each period. */
export interface CustomerSink {
  add(customer: Customer, holders: readonly (string | undefined)[]): void;
}

/**
 * Reads the store's company records page by page, once, adding each customer to every sink with
 * its holders: its owner, and the seller who brought it in (the first won deal is theirs) when that
 * is someone else. One page of records is held at a time; the sinks hold tallies. Returns the
 * records read.
 *
 * @example
 * await streamPortal(store.companies, [sharedTallies, books]) // => 10000
 */
export async function streamPortal(companies: Pick<CompanyRecordRepository, 'pages'>, sinks: readonly CustomerSink[], pageSize = STATEMENT_PAGE): Promise<number> {
  let read = 0;
  for await (const page of companies.pages(undefined, pageSize)) {
    for (const record of page) {
      read += 1;
      const seller = firstWonDeal(record.customer)?.ownerId;
      const holders = [record.ownerId ?? undefined, seller && seller !== record.ownerId ? seller : undefined];
      for (const sink of sinks) sink.add(record.customer, holders);
    }
  }
  return read;
}
