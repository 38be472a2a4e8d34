import type { Customer } from '../domain/customer';
import { firstWonDeal } from '../domain/sales/early-churn-record';
import type { CompanyRecordRepository } from '../store/store';
import { companyIds } from './company-ids';
import type { ScopeTallies } from './scope-tallies';

/**
 * Records per store read. A page is what the statements hold of the portal at a time, and its
 * transient cost is far above its records' share: reading a 50,000-company PGlite store in pages of
 * 1,000 raised the process's peak RSS by 196 MB, in pages of 250 by 35 MB (and took 7.4 s, not 9.3).
 */
export const STATEMENT_PAGE = 250;

export interface StreamedPortal {
  /** Company records read. */
  companies: number;
  /**
   * The companies each seller brought in (the first won deal is theirs) without owning them, by id
   * only ({@link companyIds}): a person's book is their owned companies and these ({@link readOwnBook}).
   */
  broughtIn: ReadonlyMap<string, ReturnType<typeof companyIds>>;
}

/**
 * Reads the store's company records page by page, once, adding each customer to the shared-scope
 * tallies of every period (its owner's and its seller's scopes, and the company's) and noting who
 * brought it in. One page of records is held at a time, plus the tallies and the ids noted (8 bytes a company where ids are integers).
 *
 * @example
 * await streamPortal(store.companies, [tallies]) // => { companies: 10000, broughtIn: Map { '501' => ['1001', ...] } }
 */
export async function streamPortal(companies: Pick<CompanyRecordRepository, 'pages'>, tallies: readonly ScopeTallies[], pageSize = STATEMENT_PAGE): Promise<StreamedPortal> {
  const broughtIn = new Map<string, ReturnType<typeof companyIds>>();
  let read = 0;
  for await (const page of companies.pages(undefined, pageSize)) {
    for (const record of page) {
      read += 1;
      const seller = firstWonDeal(record.customer)?.ownerId;
      const other = seller && seller !== record.ownerId ? seller : undefined;
      if (other) {
        const ids = broughtIn.get(other) ?? companyIds();
        ids.push(record.companyId);
        broughtIn.set(other, ids);
      }
      for (const t of tallies) t.add(record.customer, [record.ownerId ?? undefined, other]);
    }
  }
  return { companies: read, broughtIn };
}


/**
 * One person's book from the store: the companies they own, then those they brought in, each
 * once. Bounded by what one person holds, not by the portal.
 *
 * @example
 * await readOwnBook(store.companies, '501', streamed.broughtIn.get('501')?.list() ?? []) // => [Customer, ...]
 */
export async function readOwnBook(companies: Pick<CompanyRecordRepository, 'pages' | 'getMany'>, ownerId: string, broughtIn: readonly string[]): Promise<Customer[]> {
  const book = new Map<string, Customer>();
  for await (const page of companies.pages({ ownerIds: [ownerId] }, STATEMENT_PAGE)) for (const record of page) book.set(record.companyId, record.customer);
  for (let i = 0; i < broughtIn.length; i += STATEMENT_PAGE) {
    const ids = broughtIn.slice(i, i + STATEMENT_PAGE);
    const records = await companies.getMany(ids);
    for (const id of ids) {
      const record = records.get(id);
      if (record && !book.has(id)) book.set(id, record.customer);
    }
  }
  return [...book.values()];
}
