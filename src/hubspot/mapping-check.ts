import { z } from 'zod';
import type { PortalMapping } from '../domain/config/portal-mapping';
import type { HubSpotGateway } from './hubspot-gateway';

const namesSchema = z.object({ results: z.array(z.object({ name: z.string() })) });

/** The portal-specific properties a mapping reads, per object type (HubSpot's standard ones always exist). */
function mappedProperties(mapping: PortalMapping): Record<'companies' | 'deals' | 'line_items', string[]> {
  const revenue = mapping.revenue;
  return {
    companies: [mapping.company.segment, mapping.company.usageScore],
    deals: [mapping.churn.reason, mapping.churn.controllable, ...(revenue.source === 'deal' ? [revenue.mrr, revenue.start, revenue.end] : [])],
    line_items: revenue.source === 'line_items' ? [revenue.mrr, revenue.start, revenue.termMonths] : [],
  };
}

/**
 * Checks once per run that the properties the mapping names exist on the portal. Each missing one
 * is one `mapping.property_missing` warning (its component then has no data), not one per record.
 * Returns the missing ones as `objectType.property`.
 */
export async function checkMappedProperties(gateway: HubSpotGateway, mapping: PortalMapping): Promise<string[]> {
  const wanted = Object.entries(mappedProperties(mapping)).filter(([, names]) => names.length > 0);
  const missing = await Promise.all(
    wanted.map(async ([objectType, names]) => {
      const existing = namesSchema.parse(await gateway.call('properties', (client) => client.crm.properties.coreApi.getAll(objectType)));
      const known = new Set(existing.results.map((property) => property.name));
      return [...new Set(names)].filter((name) => !known.has(name)).map((name) => `${objectType}.${name}`);
    }),
  );
  const flat = missing.flat();
  gateway.warnings.add('mapping.property_missing', flat.length);
  return flat;
}
