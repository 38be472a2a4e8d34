import type { ObjectType, PropertySeed } from '../seed-format';
import { OBJECT_TYPES } from '../seed-format';
import { DEFAULT_GROUP, defaultProperties } from './default-properties';
import { SandboxError } from './sandbox-error';

export interface PropertyDefinition extends PropertySeed {
  description: string;
  displayOrder: number;
  calculated: boolean;
  hubspotDefined: boolean;
  hasUniqueValue: boolean;
  formField: boolean;
  options: { label: string; value: string; displayOrder?: number; hidden?: boolean; description?: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface PropertyGroupDefinition {
  name: string;
  label: string;
  displayOrder: number;
}

/** Property definitions and groups per object type; creating one that exists is a conflict, as in HubSpot. */
export class PropertyRegistry {
  private readonly properties = new Map<ObjectType, Map<string, PropertyDefinition>>();
  private readonly groups = new Map<ObjectType, Map<string, PropertyGroupDefinition>>();

  constructor(now: number) {
    for (const objectType of OBJECT_TYPES) {
      const byName = new Map<string, PropertyDefinition>();
      for (const property of defaultProperties(objectType)) {
        byName.set(property.name, {
          ...property,
          description: '',
          displayOrder: -1,
          hubspotDefined: true,
          hasUniqueValue: property.name === 'hs_object_id',
          formField: false,
          options: [],
          createdAt: now,
          updatedAt: now,
        });
      }
      this.properties.set(objectType, byName);
      const group = DEFAULT_GROUP[objectType];
      this.groups.set(objectType, new Map([[group, { name: group, label: group, displayOrder: -1 }]]));
    }
  }

  list(objectType: ObjectType): PropertyDefinition[] {
    return [...this.byType(objectType).values()];
  }

  get(objectType: ObjectType, name: string): PropertyDefinition | undefined {
    return this.byType(objectType).get(name);
  }

  /** Defines a property; a second definition with the same name is a 409 unless `replace` (seeding). */
  define(property: PropertySeed & Partial<PropertyDefinition>, now: number, replace = false): PropertyDefinition {
    const byName = this.byType(property.objectType);
    const existing = byName.get(property.name);
    if (existing && !replace) {
      throw new SandboxError('CONFLICT', `A property named '${property.name}' already exists.`, [
        { message: `Property ${property.name} already exists`, code: 'OBJECT_ALREADY_EXISTS', in: 'name' },
      ]);
    }
    if (!this.groupsOf(property.objectType).has(property.groupName)) {
      if (!replace) {
        throw new SandboxError('VALIDATION_ERROR', `Property group '${property.groupName}' does not exist.`, [
          { message: `group ${property.groupName} does not exist`, code: 'INVALID_GROUP', in: 'groupName' },
        ]);
      }
      this.groupsOf(property.objectType).set(property.groupName, { name: property.groupName, label: property.groupName, displayOrder: -1 });
    }
    const definition: PropertyDefinition = {
      description: '',
      displayOrder: -1,
      calculated: false,
      hubspotDefined: false,
      hasUniqueValue: false,
      formField: false,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...property,
      options: (property.options ?? []).map((option, index) => ({ displayOrder: index, hidden: false, description: '', ...option })),
    };
    byName.set(property.name, definition);
    return definition;
  }

  listGroups(objectType: ObjectType): PropertyGroupDefinition[] {
    return [...this.groupsOf(objectType).values()];
  }

  getGroup(objectType: ObjectType, name: string): PropertyGroupDefinition | undefined {
    return this.groupsOf(objectType).get(name);
  }

  defineGroup(objectType: ObjectType, group: PropertyGroupDefinition): PropertyGroupDefinition {
    const groups = this.groupsOf(objectType);
    if (groups.has(group.name)) {
      throw new SandboxError('CONFLICT', `A property group named '${group.name}' already exists.`, [
        { message: `Group ${group.name} already exists`, code: 'OBJECT_ALREADY_EXISTS', in: 'name' },
      ]);
    }
    groups.set(group.name, group);
    return group;
  }

  private byType(objectType: ObjectType): Map<string, PropertyDefinition> {
    return this.properties.get(objectType) as Map<string, PropertyDefinition>;
  }

  private groupsOf(objectType: ObjectType): Map<string, PropertyGroupDefinition> {
    return this.groups.get(objectType) as Map<string, PropertyGroupDefinition>;
  }
}
