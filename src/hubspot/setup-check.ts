import { z } from 'zod';
import { COMPANY_PROPERTIES, DEAL_PROPERTIES } from '../domain/computed-properties';
import { HubSpotError, HubSpotErrorCode } from './hubspot-error';
import type { HubSpotGateway } from './hubspot-gateway';

const namesSchema = z.object({ results: z.array(z.object({ name: z.string() })) });

/** The properties a sync writes, per object type; any one missing makes every batch that carries it a 400. */
const WRITTEN: { objectType: 'companies' | 'deals'; names: string[] }[] = [
  { objectType: 'companies', names: COMPANY_PROPERTIES.map((property) => property.name) },
  { objectType: 'deals', names: DEAL_PROPERTIES.map((property) => property.name) },
];

/** How many missing names the message lists before "and N more". */
const LISTED = 5;

/** The missing ones as `objectType.property`, two calls (one per object type). */
export async function missingOutputProperties(gateway: HubSpotGateway): Promise<string[]> {
  const missing = await Promise.all(
    WRITTEN.map(async ({ objectType, names }) => {
      const existing = namesSchema.parse(await gateway.call('properties', (client) => client.crm.properties.coreApi.getAll(objectType)));
      const known = new Set(existing.results.map((property) => property.name));
      return names.filter((name) => !known.has(name)).map((name) => `${objectType}.${name}`);
    }),
  );
  return missing.flat();
}

/**
 * Stops a sync before it reads anything when the portal is not set up. Without it, every write
 * batch is rejected with a 400 and halved down to single writes: 3,979 calls instead of 293 on a
 * portal of 1,000 companies (issue 15), and one failure per company instead of one message.
 *
 * @example
 * await assertPortalSetUp(gateway); // throws HubSpotError SETUP_REQUIRED: "... run `cs-health setup` first"
 */
export async function assertPortalSetUp(gateway: HubSpotGateway): Promise<void> {
  const missing = await missingOutputProperties(gateway);
  if (missing.length === 0) return;
  const listed = missing.slice(0, LISTED).join(', ') + (missing.length > LISTED ? ` and ${missing.length - LISTED} more` : '');
  throw new HubSpotError(
    HubSpotErrorCode.SetupRequired,
    `the portal is not set up for cs-health: ${missing.length} of the properties the sync writes are missing (${listed}); run \`cs-health setup\` first`,
    { kind: 'properties' },
  );
}
