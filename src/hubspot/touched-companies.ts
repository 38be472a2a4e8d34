import { z } from 'zod';
import { batchReadAssociations } from './batch-reads';
import { companiesOfFeedback } from './feedback-companies';
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

/** The object types whose changes move a company's figures. */
export const TOUCHING_TYPES = ['companies', 'deals', 'tickets', 'contacts', 'feedback_submissions'] as const;
export type TouchingType = (typeof TOUCHING_TYPES)[number];

/** One changed object, as a webhook event names it (`objectType`, `objectId`). */
export interface ObjectChange {
  objectType: TouchingType;
  id: string;
}

/**
 * The companies the given changed objects belong to, with no search: a company is itself; a deal,
 * ticket or contact is mapped through one association batch read per type (1,000 per call); an
 * answer through its contact or rated ticket ({@link companiesOfFeedback}, alongside). One changed
 * deal costs 1 call, a changed company none.
 *
 * @example
 * await companiesOfChanges(gateway, [{ objectType: 'tickets', id: '300009' }]); // ['5'], 1 call
 */
export async function companiesOfChanges(gateway: HubSpotGateway, changes: Iterable<ObjectChange>): Promise<string[]> {
  const byType = new Map<TouchingType, Set<string>>(TOUCHING_TYPES.map((type) => [type, new Set<string>()]));
  for (const change of changes) byType.get(change.objectType)?.add(change.id);
  const ids = (type: TouchingType) => byType.get(type) ?? new Set<string>();
  const [answers, ...links] = await Promise.all([
    companiesOfFeedback(gateway, ids('feedback_submissions')),
    batchReadAssociations(gateway, 'deals', 'companies', ids('deals')),
    batchReadAssociations(gateway, 'tickets', 'companies', ids('tickets')),
    batchReadAssociations(gateway, 'contacts', 'companies', ids('contacts')),
  ]);
  const touched = new Set([...ids('companies'), ...answers.companies]);
  for (const map of links) for (const targets of map.values()) for (const id of targets) touched.add(id);
  return [...touched].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Companies touched since `since`: modified themselves, or linked to a modified deal, ticket or
 * contact, or to a contact whose feedback arrived — what an incremental recompute must redo.
 * Costs one search per 200 changed objects per searched type plus association batch reads (1,000
 * per call). `types` narrows the searches to the types that can have changed (those the webhook
 * events since `since` named): each type left out saves a search.
 */
export async function findTouchedCompanies(gateway: HubSpotGateway, since: Date, options: { types?: readonly TouchingType[] } = {}): Promise<string[]> {
  const types = [...new Set(options.types ?? TOUCHING_TYPES)];
  const found = await Promise.all(types.map(async (objectType) => [...(await searchModifiedIds(gateway, objectType, since))].map((id) => ({ objectType, id }))));
  return companiesOfChanges(gateway, found.flat());
}
