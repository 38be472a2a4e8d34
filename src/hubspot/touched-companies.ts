import { z } from 'zod';
import { batchReadAssociations } from './batch-reads';
import type { HubSpotGateway } from './hubspot-gateway';

/** Search answers 200 per page and at most 10,000 results per query (HubSpot's limits). */
const SEARCH_PAGE = 200;
const SEARCH_MAX_RESULTS = 10_000;

const searchPageSchema = z.object({
  results: z.array(z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable().optional()).default({}) })),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/** Contacts carry `lastmodifieddate`; the other objects `hs_lastmodifieddate` (as HubSpot does). */
const MODIFIED: Record<string, string> = { contacts: 'lastmodifieddate' };
const modifiedProperty = (objectType: string) => MODIFIED[objectType] ?? 'hs_lastmodifieddate';

/**
 * Ids of `objectType` modified at or after `since`, through search sorted by modification time.
 * Past HubSpot's 10,000-result cap the query restarts from the last time seen, so any volume is read.
 */
export async function searchModifiedIds(gateway: HubSpotGateway, objectType: string, since: Date): Promise<Set<string>> {
  const property = modifiedProperty(objectType);
  const ids = new Set<string>();
  let from = String(since.getTime());
  let after: string | undefined;
  for (;;) {
    const cursor = after;
    const page = searchPageSchema.parse(
      await gateway.call('search', (client) =>
        client.crm.objects.searchApi.doSearch(objectType, {
          filterGroups: [{ filters: [{ propertyName: property, operator: 'GTE' as never, value: from }] }],
          sorts: [{ propertyName: property, direction: 'ASCENDING' } as never],
          properties: [property],
          limit: SEARCH_PAGE,
          ...(cursor ? { after: cursor } : {}),
        }),
      ),
    );
    for (const result of page.results) ids.add(result.id);
    after = page.paging?.next?.after;
    if (!after) return ids;
    if (Number(after) + SEARCH_PAGE > SEARCH_MAX_RESULTS) {
      const last = page.results.at(-1)?.properties[property];
      const lastTime = last ? String(new Date(/^\d+$/.test(last) ? Number(last) : last).getTime()) : undefined;
      if (!lastTime || lastTime === from) {
        // 10,000 objects share one timestamp: the cap cannot be stepped past; say so rather than loop.
        gateway.warnings.add(`${objectType}.modified.over_search_cap`);
        return ids;
      }
      from = lastTime;
      after = undefined;
    }
  }
}

/**
 * Companies touched since `since`: modified themselves, or linked to a modified deal, ticket or
 * contact, or to a contact whose feedback arrived — what an incremental recompute must redo.
 * Costs one search per 200 changed objects plus association batch reads (1,000 per call).
 */
export async function findTouchedCompanies(gateway: HubSpotGateway, since: Date): Promise<string[]> {
  const [companies, deals, tickets, contacts, feedback] = await Promise.all(
    ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'].map((type) => searchModifiedIds(gateway, type, since)),
  );
  const feedbackContacts = await batchReadAssociations(gateway, 'feedback_submissions', 'contacts', feedback);
  const allContacts = new Set([...contacts, ...[...feedbackContacts.values()].flat()]);
  const links = await Promise.all([
    batchReadAssociations(gateway, 'deals', 'companies', deals),
    batchReadAssociations(gateway, 'tickets', 'companies', tickets),
    batchReadAssociations(gateway, 'contacts', 'companies', allContacts),
  ]);
  const touched = new Set(companies);
  for (const map of links) for (const targets of map.values()) for (const id of targets) touched.add(id);
  return [...touched].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}
