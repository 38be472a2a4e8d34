import { z } from 'zod';
import { COMPANY_INPUT_PROPERTIES, COMPANY_PROPERTIES, DEAL_PROPERTIES, PROPERTY_GROUP, type PropertyDefinition } from '../domain/computed-properties';
import { HubSpotError, HubSpotErrorCode } from './hubspot-error';
import type { HubSpotGateway } from './hubspot-gateway';

export interface SetupResult {
  /** `companies.cs_health_score`, ... */
  created: string[];
  alreadyExisted: string[];
  /** Property groups created (`companies.customer_success`). */
  groupsCreated: string[];
}

const namesSchema = z.object({ results: z.array(z.object({ name: z.string() })) });

const WANTED: { objectType: 'companies' | 'deals'; properties: PropertyDefinition[] }[] = [
  { objectType: 'companies', properties: [...COMPANY_PROPERTIES, ...COMPANY_INPUT_PROPERTIES] },
  { objectType: 'deals', properties: DEAL_PROPERTIES },
];

/** A 409 means someone created it between our read and our create: it exists, which is what we wanted. */
async function createUnlessExists(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (error instanceof HubSpotError && error.code === HubSpotErrorCode.Conflict) return false;
    throw error;
  }
}

/**
 * Creates the `customer_success` group and every property the product writes or reads as input,
 * idempotently: reads what exists (one call per object type for groups, one for properties) and
 * creates only what is missing.
 */
export async function ensureCsProperties(gateway: HubSpotGateway): Promise<SetupResult> {
  const result: SetupResult = { created: [], alreadyExisted: [], groupsCreated: [] };
  for (const { objectType, properties } of WANTED) {
    const [groups, existing] = await Promise.all([
      gateway.call('propertyGroups', (client) => client.crm.properties.groupsApi.getAll(objectType)),
      gateway.call('properties', (client) => client.crm.properties.coreApi.getAll(objectType)),
    ]);
    const groupNames = new Set(namesSchema.parse(groups).results.map((group) => group.name));
    const propertyNames = new Set(namesSchema.parse(existing).results.map((property) => property.name));
    if (!groupNames.has(PROPERTY_GROUP.name)) {
      const created = await createUnlessExists(() =>
        gateway.call('propertyGroups.create', (client) => client.crm.properties.groupsApi.create(objectType, { ...PROPERTY_GROUP })),
      );
      if (created) result.groupsCreated.push(`${objectType}.${PROPERTY_GROUP.name}`);
    }
    for (const property of properties) {
      const qualified = `${objectType}.${property.name}`;
      if (propertyNames.has(property.name)) {
        result.alreadyExisted.push(qualified);
        continue;
      }
      const created = await createUnlessExists(() =>
        gateway.call('properties.create', (client) =>
          client.crm.properties.coreApi.create(objectType, {
            name: property.name,
            label: property.label,
            description: property.description,
            groupName: PROPERTY_GROUP.name,
            type: property.type as never,
            fieldType: property.fieldType as never,
            ...(property.options ? { options: property.options.map((option, displayOrder) => ({ label: option.label, value: option.value, displayOrder, hidden: false })) } : {}),
          }),
        ),
      );
      (created ? result.created : result.alreadyExisted).push(qualified);
    }
  }
  return result;
}

/** The line `cs-health setup` prints. */
export function describeSetup(result: SetupResult): string {
  if (result.created.length === 0) return `nothing to change: ${result.alreadyExisted.length} properties already exist`;
  const existed = result.alreadyExisted.length > 0 ? `, ${result.alreadyExisted.length} already existed` : '';
  return `created ${result.created.length} properties${existed}`;
}
