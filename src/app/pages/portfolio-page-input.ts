import { assessCustomer } from '../../domain/assessment/assess-customer';
import type { Customer } from '../../domain/customer';
import { portfolioEntry, type PortfolioEntry } from '../../domain/portfolio/portfolio-entry';
import type { CompanyRecordFilter } from '../../store/store';
import type { EngineState } from '../engine-state';
import { attainmentsFromRecords, type PageAttainment } from './page-attainments';
import type { PageAudience } from './page-audience';
import { pageScope, scopeFilter } from './page-visibility';
import type { PortfolioPageInput } from './portfolio-page';

/** Where the companies come from, page by page, already narrowed to the filter: the store, or a portal read. */
export type CustomerSource = (filter: CompanyRecordFilter) => AsyncIterable<readonly Customer[]>;

const byId = (a: PortfolioEntry, b: PortfolioEntry) => (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0);

/**
 * What `portfolioPage(input)` needs for one viewer: the scope first, then only that scope's
 * companies from `source`, each assessed with the engine state's settings and model, and the
 * attainment of the people the viewer may see: `recorded` (the sync's statements) when given, else
 * computed from their books. An unknown viewer reads
 * nothing (the page refuses them). Entries are ordered by company id, so the page is the same
 * whichever order the source yields.
 */
export async function portfolioPageInput(state: Pick<EngineState, 'config' | 'model' | 'plans'>, audience: PageAudience, source: CustomerSource, asOf: Date, recorded?: readonly PageAttainment[]): Promise<PortfolioPageInput> {
  const scope = pageScope(audience.viewer, audience.org, audience.leader);
  const entries: PortfolioEntry[] = [];
  if (scope.allowed) {
    for await (const page of source(scopeFilter(scope))) {
      for (const customer of page) entries.push(portfolioEntry(customer, assessCustomer(customer, state.config, asOf, state.model)));
    }
  }
  entries.sort(byId);
  return {
    asOf,
    config: state.config,
    entries,
    owners: audience.owners,
    viewer: audience.viewer,
    org: audience.org,
    leader: audience.leader,
    attainments: recorded ?? attainmentsFromRecords(booksInScope(entries, scope), state.plans, asOf),
  };
}

/** Only the books of people whose attainment the viewer may see (a leader's scope holds others'). */
function booksInScope(entries: readonly PortfolioEntry[], scope: ReturnType<typeof pageScope>): Map<string, Customer[]> {
  const books = new Map<string, Customer[]>();
  for (const { customer } of entries) {
    if (!customer.ownerId || !scope.allowed || !scope.ownerIds.has(customer.ownerId)) continue;
    const book = books.get(customer.ownerId);
    if (book) book.push(customer);
    else books.set(customer.ownerId, [customer]);
  }
  return books;
}
