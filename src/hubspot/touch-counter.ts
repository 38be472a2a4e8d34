import { z } from 'zod';
import type { HubSpotGateway } from './hubspot-gateway';

const ENGAGEMENT_TYPES = ['calls', 'emails', 'meetings'] as const;
const searchTotalSchema = z.object({ total: z.number().int().min(0) });

export interface TouchQuery {
  ownerId?: string;
  companyId?: string;
  from: Date;
  to: Date;
}

/**
 * Calls + emails + meetings logged in [from, to], for an owner and/or a company, counted through
 * search `total` (one search per engagement type, `limit: 1`) instead of paging the engagements.
 */
export async function countTouches(gateway: HubSpotGateway, query: TouchQuery): Promise<number> {
  const filters = [
    { propertyName: 'hs_timestamp', operator: 'BETWEEN' as const, value: query.from.toISOString(), highValue: query.to.toISOString() },
    ...(query.ownerId ? [{ propertyName: 'hubspot_owner_id', operator: 'EQ' as const, value: query.ownerId }] : []),
    ...(query.companyId ? [{ propertyName: 'associations.company', operator: 'EQ' as const, value: query.companyId }] : []),
  ];
  const totals = await Promise.all(
    ENGAGEMENT_TYPES.map(async (type) => {
      const response = await gateway.call('search', (client) =>
        client.crm.objects.searchApi.doSearch(type, { filterGroups: [{ filters: filters as never }], limit: 1, properties: ['hs_timestamp'] }),
      );
      return searchTotalSchema.parse(response).total;
    }),
  );
  return totals.reduce((sum, total) => sum + total, 0);
}
