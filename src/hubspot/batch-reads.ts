import { z } from 'zod';
import type { HubSpotGateway } from './hubspot-gateway';
import { hubspotObjectSchema, type HubSpotObject } from './property-values';

/** HubSpot's limits: object batch read 100 ids per call, association v4 batch read 1,000. */
export const OBJECT_BATCH_SIZE = 100;
export const ASSOCIATION_BATCH_SIZE = 1_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

/** Short names for call kinds and warnings: `deals.batchRead`, `feedback.invalid`. */
export const ENTITY: Record<string, string> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  line_items: 'line_item',
  feedback_submissions: 'feedback',
};

const batchResponseSchema = z.object({
  results: z.array(z.unknown()),
  errors: z.array(z.object({ context: z.record(z.string(), z.array(z.string())).optional() })).optional(),
});

/** Parses list/batch results one by one: a malformed object is counted and skipped, the others kept. */
export function parseObjects(gateway: HubSpotGateway, objectType: string, results: unknown[]): HubSpotObject[] {
  return results.flatMap((raw) => {
    const parsed = hubspotObjectSchema.safeParse(raw);
    if (parsed.success) return [parsed.data];
    gateway.warnings.add(`${ENTITY[objectType] ?? objectType}.malformed`);
    return [];
  });
}

/**
 * Reads objects by id, 100 per call, all chunks in parallel (the scheduler paces them). Ids HubSpot
 * does not know (a 207 with errors) are counted as `<entity>.not_found` warnings.
 */
export function batchReadObjects(gateway: HubSpotGateway, objectType: string, ids: Iterable<string>, properties: string[], propertiesWithHistory: string[] = []): Promise<Map<string, HubSpotObject>> {
  return batchReadParsed(gateway, objectType, ids, properties, (object) => object, propertiesWithHistory);
}

/**
 * {@link batchReadObjects}, each answer turned into `parse`'s records as it arrives (undefined: left
 * out, the parser counts why). The api-client's model objects and their Dates, and our HubSpotObject
 * copies, then die young instead of every page of an assembly staying alive, promoted to the old
 * space, until the last one answered: that was most of a sync's peak RSS (issue 15). The map keeps
 * the ids' order whatever order the answers come in.
 */
export async function batchReadParsed<T>(
  gateway: HubSpotGateway,
  objectType: string,
  ids: Iterable<string>,
  properties: string[],
  parse: (object: HubSpotObject) => T | undefined,
  propertiesWithHistory: string[] = [],
): Promise<Map<string, T>> {
  const entity = ENTITY[objectType] ?? objectType;
  const pages = await Promise.all(
    chunk([...new Set(ids)], OBJECT_BATCH_SIZE).map(async (inputs) => {
      const answer = await gateway.call(`${objectType}.batchRead`, (client) =>
        client.crm.objects.batchApi.read(objectType, { inputs: inputs.map((id) => ({ id })), properties, propertiesWithHistory }),
      );
      const page = new Map<string, T>();
      const parsed = batchResponseSchema.safeParse(answer);
      if (!parsed.success) {
        gateway.warnings.add(`${entity}.malformed`);
        return page;
      }
      for (const error of parsed.data.errors ?? []) gateway.warnings.add(`${entity}.not_found`, error.context?.ids?.length ?? 1);
      for (const object of parseObjects(gateway, objectType, parsed.data.results)) {
        const record = parse(object);
        if (record !== undefined) page.set(object.id, record);
      }
      return page;
    }),
  );
  const objects = new Map<string, T>();
  for (const page of pages) for (const [id, record] of page) objects.set(id, record);
  return objects;
}

const associationPageSchema = z.object({
  results: z.array(
    z.object({
      _from: z.object({ id: z.string() }),
      to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })),
      paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
    }),
  ),
});

/**
 * Association ids from each `fromIds` object to `toType`, through the v4 batch read (1,000 inputs
 * per call). An input whose list is paged is asked again with its cursor, batched with the others.
 */
export async function batchReadAssociations(gateway: HubSpotGateway, fromType: string, toType: string, fromIds: Iterable<string>): Promise<Map<string, string[]>> {
  const found = new Map<string, Set<string>>();
  let pending: { id: string; after?: string }[] = [...new Set(fromIds)].map((id) => ({ id }));
  while (pending.length > 0) {
    const pages = await Promise.all(
      chunk(pending, ASSOCIATION_BATCH_SIZE).map((inputs) =>
        gateway.call('associations.batchRead', (client) => client.crm.associations.v4.batchApi.getPage(fromType, toType, { inputs })),
      ),
    );
    pending = [];
    for (const page of pages) {
      const parsed = associationPageSchema.safeParse(page);
      if (!parsed.success) {
        gateway.warnings.add('association.malformed');
        continue;
      }
      for (const result of parsed.data.results) {
        const targets = found.get(result._from.id) ?? new Set<string>();
        for (const target of result.to) targets.add(String(target.toObjectId));
        found.set(result._from.id, targets);
        const after = result.paging?.next?.after;
        if (after) pending.push({ id: result._from.id, after });
      }
    }
  }
  return new Map([...found].map(([id, targets]) => [id, [...targets]]));
}
