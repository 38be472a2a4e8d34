import { z } from 'zod';
import type { PortalMapping } from '../domain/config/portal-mapping';
import type { Customer } from '../domain/customer';
import { parseObjects } from './batch-reads';
import { assemble } from './customer-reader';
import type { HubSpotGateway } from './hubspot-gateway';
import type { PortalContext } from './portal-context';
import type { HubSpotObject } from './property-values';
import { propertiesToRead } from './record-parsers';

/**
 * Reading a portal's companies by id range, so several workers can share one full sync.
 *
 * HubSpot documents the list endpoint's `after` as an opaque paging cursor, not as an id, so a
 * range cannot be cut from it. The CRM search can: `hs_object_id` is a number property returned
 * and filterable on every object (https://developers.hubspot.com/docs/api-reference/2026-03/crm/search-the-crm:
 * filters with GTE / LT, `sorts` by a property, `limit` up to 200 per page), but one query pages
 * through at most 10,000 results and search is rate-limited apart from the other calls (a few
 * requests per second per token: https://developers.hubspot.com/changelog/crm-search-api-rate-limit-increase;
 * the 10,000 cap: https://developers.hubspot.com/docs/api/crm/search#limitations). So each page is a
 * fresh query from the last id seen plus one ("keyset" paging, never `after`): no query ever
 * reaches the cap, whatever the range's size. The gateway runs these as `search` calls under the
 * search limiter. Search returns no associations, so linked ids come from the v4 association batch
 * reads (1,000 companies per call), one of each kind per assembly: per 1,000 companies that is 5
 * searches + 3 association reads, against 10 list pages with inline associations.
 */

/** Company ids from `from` (included) to `to` (excluded), decimal strings (HubSpot ids outgrow 2^53). */
export interface CompanyIdRange {
  from: string;
  to: string;
}

export const SEARCH_PAGE = 200;

const searchPageSchema = z.object({ results: z.array(z.unknown()) });
const idOnlySchema = z.object({ results: z.array(z.object({ id: z.string() })) });

const idFilter = (operator: 'GTE' | 'LT', value: string) => ({ propertyName: 'hs_object_id', operator: operator as never, value });

/** One search page: companies of the range from `from`, by id ascending. */
async function searchRangePage(gateway: HubSpotGateway, from: string, to: string, properties: string[], limit: number): Promise<unknown[]> {
  const page = searchPageSchema.parse(
    await gateway.call('search', (client) =>
      client.crm.objects.searchApi.doSearch('companies', {
        filterGroups: [{ filters: [idFilter('GTE', from), idFilter('LT', to)] }],
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' } as never],
        properties,
        limit,
      }),
    ),
  );
  return page.results;
}

/**
 * The lowest and highest company ids of the portal (two one-result searches), or undefined for a
 * portal without companies: where `cs-health sync --ranges N` cuts its ranges.
 */
export async function companyIdBounds(gateway: HubSpotGateway): Promise<{ lowest: string; highest: string } | undefined> {
  const first = async (direction: 'ASCENDING' | 'DESCENDING') =>
    idOnlySchema.parse(
      await gateway.call('search', (client) => client.crm.objects.searchApi.doSearch('companies', { sorts: [{ propertyName: 'hs_object_id', direction } as never], properties: ['hs_object_id'], limit: 1 })),
    ).results[0]?.id;
  const [lowest, highest] = await Promise.all([first('ASCENDING'), first('DESCENDING')]);
  return lowest && highest ? { lowest, highest } : undefined;
}

/**
 * Streams the customers of one id range, by id ascending, in assemblies of `companiesPerAssembly`
 * (batch reads are rounded up once per assembly, as `readCustomerPages` does): the same customers,
 * read with the same properties and linked records, as the list-based full read gives for them.
 */
export async function* readCustomerRange(
  gateway: HubSpotGateway,
  context: PortalContext,
  mapping: PortalMapping,
  range: CompanyIdRange,
  options: { companiesPerAssembly?: number; pageSize?: number } = {},
): AsyncGenerator<Customer[]> {
  const properties = propertiesToRead(mapping).companies;
  const pageSize = Math.min(SEARCH_PAGE, Math.max(1, options.pageSize ?? SEARCH_PAGE));
  const perAssembly = Math.max(1, options.companiesPerAssembly ?? 1);
  let from = range.from;
  let waiting: HubSpotObject[] = [];
  for (;;) {
    const raw = await searchRangePage(gateway, from, range.to, properties, pageSize);
    const companies = parseObjects(gateway, 'companies', raw);
    waiting = waiting.concat(companies);
    const last = companies.at(-1);
    const done = raw.length < pageSize || last === undefined;
    if (last) from = (BigInt(last.id) + 1n).toString();
    if (waiting.length > 0 && (waiting.length >= perAssembly || done)) {
      const assembly = waiting;
      waiting = [];
      // Search answers no associations: every company's links are read by association batch reads.
      yield await assemble(gateway, context, mapping, assembly, false);
    }
    if (done) return;
  }
}
