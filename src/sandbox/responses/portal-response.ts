import type { PropertyDefinition, PropertyGroupDefinition } from '../store/property-registry';
import type { StoredOwner, StoredPipeline } from '../store/sandbox-store';

const iso = (ms: number) => new Date(ms).toISOString();

/** HubSpot's `Property` shape. */
export function publicProperty(property: PropertyDefinition) {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description,
    groupName: property.groupName,
    options: property.options.map((option, index) => ({
      label: option.label,
      value: option.value,
      displayOrder: option.displayOrder ?? index,
      hidden: option.hidden ?? false,
      description: option.description ?? '',
    })),
    displayOrder: property.displayOrder,
    calculated: property.calculated,
    externalOptions: false,
    hasUniqueValue: property.hasUniqueValue,
    hidden: false,
    hubspotDefined: property.hubspotDefined,
    formField: property.formField,
    modificationMetadata: { archivable: !property.hubspotDefined, readOnlyDefinition: property.hubspotDefined, readOnlyValue: property.calculated },
    createdAt: iso(property.createdAt),
    updatedAt: iso(property.updatedAt),
    archived: false,
  };
}

/** HubSpot's `PropertyGroup` shape. */
export function publicGroup(group: PropertyGroupDefinition) {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: false };
}

/** HubSpot's `PublicOwner` shape. */
export function publicOwner(owner: StoredOwner) {
  return {
    id: owner.id,
    email: owner.email,
    type: 'PERSON',
    firstName: owner.firstName,
    lastName: owner.lastName,
    userId: owner.userId,
    userIdIncludingInactive: owner.userId,
    createdAt: iso(owner.createdAt),
    updatedAt: iso(owner.updatedAt),
    archived: owner.archived ?? false,
    teams: owner.teams,
  };
}

/** HubSpot's `Pipeline` shape, stages with their metadata (probability/isClosed or ticketState). */
export function publicPipeline(pipeline: StoredPipeline) {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    createdAt: iso(pipeline.createdAt),
    updatedAt: iso(pipeline.updatedAt),
    archived: false,
    stages: pipeline.stages.map((stage) => ({
      id: stage.id,
      label: stage.label,
      displayOrder: stage.displayOrder,
      metadata: stage.metadata,
      createdAt: iso(pipeline.createdAt),
      updatedAt: iso(pipeline.updatedAt),
      archived: false,
      writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
    })),
  };
}
