import { z } from 'zod';
import type { PortalMapping } from '../domain/config/portal-mapping';
import type { Customer, Deal } from '../domain/customer';
import { batchReadAssociations, parseObjects } from './batch-reads';
import { readCustomers } from './customer-reader';
import type { HubSpotGateway } from './hubspot-gateway';
import type { PortalContext } from './portal-context';
import { parseDeal, propertiesToRead } from './record-parsers';

/** One deal with its company id: 1 call (the company comes inline). Undefined when the stage is unknown. */
export async function readDealWithCompany(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, dealId: string): Promise<{ deal: Deal; companyId?: string } | undefined> {
  const raw = await gateway.call('deals.get', (client) => client.crm.objects.basicApi.getById('deals', dealId, [propertiesToRead(mapping).deals.join(',')], undefined, ['companies']));
  const [object] = parseObjects(gateway, 'deals', [raw]);
  const deal = parseDeal(object, context, mapping, gateway.warnings);
  return deal && { deal, companyId: object.associations?.companies?.results[0]?.id };
}

const searchSchema = z.object({ results: z.array(z.object({ id: z.string() })) });

/**
 * The customers a rep brought in: their latest 100 won new-business deals (one search), those
 * deals' companies (one association read) and the companies as Customers (batched reads).
 */
export async function readRepCustomers(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, ownerId: string): Promise<Customer[]> {
  const found = searchSchema.parse(
    await gateway.call('search', (client) =>
      client.crm.objects.searchApi.doSearch('deals', {
        filterGroups: [{ filters: [
          { propertyName: 'hubspot_owner_id', operator: 'EQ' as never, value: ownerId },
          { propertyName: 'dealtype', operator: 'EQ' as never, value: 'newbusiness' },
          { propertyName: 'dealstage', operator: 'EQ' as never, value: 'closedwon' },
        ] }],
        sorts: [{ propertyName: 'closedate', direction: 'DESCENDING' } as never],
        properties: ['closedate'],
        limit: 100,
      }),
    ),
  );
  const companies = await batchReadAssociations(gateway, 'deals', 'companies', found.results.map((r) => r.id));
  const ids = [...new Set([...companies.values()].flat())];
  return ids.length ? readCustomers(gateway, context, mapping, ids) : [];
}
