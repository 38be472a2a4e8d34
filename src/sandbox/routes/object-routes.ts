import { batchCreateBody, batchReadBody, batchUpdateBody, createObjectBody, listQuery, parseOrThrow, searchBody, updateObjectBody } from '../http/request-schemas';
import { nextPaging, publicObject } from '../responses/object-response';
import { searchObjects } from '../search/search-objects';
import { OBJECT_TYPES, type ObjectType } from '../seed-format';
import { associationTypeLabel, defaultAssociationTypeId, resolveObjectType } from '../store/association-types';
import type { StoredObject } from '../store/object-table';
import { SandboxError } from '../store/sandbox-error';
import { param, type RouteContext, type RouteDefinition } from './route-definition';

/** How many associations an object carries inline per type before paging (HubSpot: 500). */
export const INLINE_ASSOCIATION_PAGE = 500;

export function objectTypeParam(context: RouteContext, name = 'objectType'): ObjectType {
  const raw = param(context, name);
  const objectType = resolveObjectType(raw);
  if (!objectType) {
    throw new SandboxError('VALIDATION_ERROR', `Unable to infer object type from: ${raw}`, [
      { message: `unknown object type ${raw}`, in: name },
    ]);
  }
  return objectType;
}

function inlineAssociations(context: RouteContext, objectType: ObjectType, object: StoredObject, types: readonly string[]) {
  const associations: Record<string, unknown> = {};
  for (const name of types) {
    const toType = resolveObjectType(name);
    if (!toType) continue;
    const ids = context.store.associations(objectType, object.id, toType);
    if (ids.length === 0) continue;
    const type = associationTypeLabel(objectType, toType);
    const page = ids.slice(0, INLINE_ASSOCIATION_PAGE).map((id) => ({ id, type }));
    const more = ids.length > INLINE_ASSOCIATION_PAGE;
    associations[inlineAssociationKey(toType)] = {
      results: page,
      ...(more
        ? {
            paging: nextPaging(
              `${new URL(context.url).origin}/crm/v4/objects/${objectType}/${object.id}/associations/${toType}`,
              INLINE_ASSOCIATION_PAGE,
            ),
          }
        : {}),
    };
  }
  return associations;
}

/** HubSpot keys inline associations by plural type name, except line items: `"line items"`, with a space. */
export function inlineAssociationKey(objectType: ObjectType): string {
  return objectType === 'line_items' ? 'line items' : objectType;
}

function batchEnvelope(results: unknown[], startedAt: Date, errors: unknown[] = []) {
  return {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: startedAt.toISOString(),
    completedAt: new Date().toISOString(),
  };
}

function notFoundError(objectType: ObjectType, ids: string[]) {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${objectType} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
    errors: [],
  };
}

export const OBJECT_ROUTES: RouteDefinition[] = [
  {
    method: 'get',
    path: '/crm/v3/objects/:objectType',
    kind: 'objects.list',
    summary: 'List a page of objects (limit <= 100, after, properties, propertiesWithHistory, associations)',
    handle(context) {
      const objectType = objectTypeParam(context);
      const query = parseOrThrow(listQuery, context.req.query, 'query');
      const table = context.store.table(objectType);
      // Nothing is ever archived here, so an archived listing is empty.
      if (query.archived === 'true') return { body: { results: [] } };
      const offset = query.after === undefined ? 0 : Number(query.after);
      const objects = table.page(offset, query.limit);
      const next = offset + objects.length;
      return {
        body: {
          results: objects.map((object) => ({
            ...publicObject(context.store, objectType, object, query),
            ...(query.associations ? { associations: inlineAssociations(context, objectType, object, query.associations) } : {}),
          })),
          ...(next < table.size ? { paging: nextPaging(context.url, next) } : {}),
        },
      };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/objects/:objectType/:objectId',
    kind: 'objects.get',
    summary: 'Read one object by id',
    handle(context) {
      const objectType = objectTypeParam(context);
      const query = parseOrThrow(listQuery, context.req.query, 'query');
      if (query.archived === 'true') throw new SandboxError('OBJECT_NOT_FOUND', 'Object not found.');
      const object = findObject(context, objectType, param(context, 'objectId'), query.idProperty);
      if (!object) throw new SandboxError('OBJECT_NOT_FOUND', `Object not found.  objectId are usually numeric.`);
      return {
        body: {
          ...publicObject(context.store, objectType, object, query),
          ...(query.associations ? { associations: inlineAssociations(context, objectType, object, query.associations) } : {}),
        },
      };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/objects/:objectType',
    kind: 'objects.create',
    summary: 'Create one object (with optional associations)',
    handle(context) {
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(createObjectBody, context.req.body);
      const [values] = context.store.validateWrites(objectType, [body.properties], 'properties');
      checkTargets(context, objectType, body.associations ?? []);
      const object = context.store.createObject(objectType, values ?? {});
      linkInline(context, objectType, object.id, body.associations ?? []);
      return { status: 201, body: publicObject(context.store, objectType, object, { properties: Object.keys(values ?? {}) }) };
    },
  },
  {
    method: 'patch',
    path: '/crm/v3/objects/:objectType/:objectId',
    kind: 'objects.update',
    summary: 'Update one object; each changed value is added to its property history',
    handle(context) {
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(updateObjectBody, context.req.body);
      const id = param(context, 'objectId');
      context.store.getObject(objectType, id);
      const [values] = context.store.validateWrites(objectType, [body.properties], 'properties');
      const object = context.store.updateObject(objectType, id, values ?? {});
      return { body: publicObject(context.store, objectType, object, { properties: Object.keys(values ?? {}) }) };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/objects/:objectType/batch/read',
    kind: 'objects.batchRead',
    summary: 'Read up to 100 objects by id (207 with errors for unknown ids)',
    handle(context) {
      const startedAt = new Date();
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(batchReadBody, context.req.body);
      const missing: string[] = [];
      const results = [];
      for (const { id } of body.inputs) {
        const object = findObject(context, objectType, id, body.idProperty);
        if (object) results.push(publicObject(context.store, objectType, object, body));
        else missing.push(id);
      }
      const errors = missing.length > 0 ? [notFoundError(objectType, missing)] : [];
      return { status: errors.length > 0 ? 207 : 200, body: batchEnvelope(results, startedAt, errors) };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/objects/:objectType/batch/create',
    kind: 'objects.batchCreate',
    summary: 'Create up to 100 objects; one invalid input rejects the batch',
    handle(context) {
      const startedAt = new Date();
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(batchCreateBody, context.req.body);
      const values = context.store.validateWrites(objectType, body.inputs.map((input) => input.properties));
      // Every association target must exist before anything is created, so a rejected batch leaves no trace.
      for (const input of body.inputs) checkTargets(context, objectType, input.associations ?? []);
      const results = values.map((properties, index) => {
        const object = context.store.createObject(objectType, properties);
        linkInline(context, objectType, object.id, body.inputs[index]?.associations ?? []);
        return publicObject(context.store, objectType, object, { properties: Object.keys(properties) });
      });
      return { status: 201, body: batchEnvelope(results, startedAt) };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/objects/:objectType/batch/update',
    kind: 'objects.batchUpdate',
    summary: 'Update up to 100 objects; invalid values reject the batch, unknown ids answer 207',
    handle(context) {
      const startedAt = new Date();
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(batchUpdateBody, context.req.body);
      const values = context.store.validateWrites(objectType, body.inputs.map((input) => input.properties));
      const table = context.store.table(objectType);
      const missing: string[] = [];
      const results = [];
      for (const [index, input] of body.inputs.entries()) {
        if (!table.get(input.id)) {
          missing.push(input.id);
          continue;
        }
        const object = context.store.updateObject(objectType, input.id, values[index] ?? {});
        results.push(publicObject(context.store, objectType, object, { properties: Object.keys(values[index] ?? {}) }));
      }
      const errors = missing.length > 0 ? [notFoundError(objectType, missing)] : [];
      return { status: errors.length > 0 ? 207 : 200, body: batchEnvelope(results, startedAt, errors) };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/objects/:objectType/search',
    kind: 'objects.search',
    search: true,
    summary: 'Search (filterGroups, sorts, query, limit <= 200, after, total; 10,000 results at most)',
    handle(context) {
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(searchBody, context.req.body);
      const page = searchObjects(context.store, objectType, body);
      return {
        body: {
          total: page.total,
          results: page.results.map((object) => publicObject(context.store, objectType, object, body)),
          ...(page.nextAfter !== undefined ? { paging: { next: { after: String(page.nextAfter) } } } : {}),
        },
      };
    },
  },
];

/**
 * An object by id, or by the value of another unique property (`idProperty`, e.g. a contact's
 * email), which is a linear scan: fine for the occasional lookup the app makes.
 */
function findObject(context: RouteContext, objectType: ObjectType, id: string, idProperty: string | undefined): StoredObject | undefined {
  const table = context.store.table(objectType);
  if (!idProperty || idProperty === 'hs_object_id') return table.get(id);
  for (const object of table.values()) if (context.store.value(objectType, object, idProperty) === id) return object;
  return undefined;
}

/** The object type an inline association points at, from its type id (the default ids are unique per pair). */
function resolveTarget(typeId: number | undefined, from: ObjectType): ObjectType {
  const target = typeId === undefined ? undefined : targetByTypeId(from, typeId);
  if (!target) {
    throw new SandboxError('VALIDATION_ERROR', `Unknown association type ${typeId} from ${from}.`, [
      { message: `association type ${typeId} is not defined from ${from}`, in: 'associations.types.associationTypeId' },
    ]);
  }
  return target;
}

type InlineAssociation = { to: { id: string }; types: { associationTypeId: number }[] };

function checkTargets(context: RouteContext, objectType: ObjectType, associations: InlineAssociation[]): void {
  for (const association of associations) context.store.getObject(resolveTarget(association.types[0]?.associationTypeId, objectType), association.to.id);
}

function linkInline(context: RouteContext, objectType: ObjectType, id: string, associations: InlineAssociation[]): void {
  for (const association of associations) {
    const target = resolveTarget(association.types[0]?.associationTypeId, objectType);
    context.store.associateExisting(objectType, id, target, association.to.id);
  }
}

function targetByTypeId(from: ObjectType, typeId: number): ObjectType | undefined {
  return OBJECT_TYPES.find((to) => defaultAssociationTypeId(from, to) === typeId);
}
