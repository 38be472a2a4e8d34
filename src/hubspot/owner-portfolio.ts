import { z } from 'zod';
import type { PortalMapping } from '../domain/config/portal-mapping';
import type { Customer } from '../domain/customer';
import { readCustomers } from './customer-reader';
import type { HubSpotGateway } from './hubspot-gateway';
import type { PortalContext } from './portal-context';

const pageSchema = z.object({ results: z.array(z.object({ id: z.string() })), paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional() });

/**
 * The companies owned by any of `ownerIds` (a CSM's book or a team's), as Customers: one search per
 * 200 companies (IN on hubspot_owner_id), then the batched reads of `readCustomers`.
 */
export async function readOwnerPortfolio(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, ownerIds: readonly string[]): Promise<Customer[]> {
  if (ownerIds.length === 0) return [];
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const cursor = after;
    const page = pageSchema.parse(
      await gateway.call('search', (client) =>
        client.crm.objects.searchApi.doSearch('companies', {
          filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'IN' as never, values: [...ownerIds] }] }],
          properties: ['hubspot_owner_id'],
          limit: 200,
          ...(cursor ? { after: cursor } : {}),
        }),
      ),
    );
    ids.push(...page.results.map((r) => r.id));
    after = page.paging?.next?.after;
  } while (after && ids.length < 10_000);
  return ids.length ? readCustomers(gateway, context, mapping, ids) : [];
}
