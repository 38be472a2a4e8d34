import { z } from 'zod';
import { associationBatchCreateBody, associationBatchDefaultBody, associationBatchReadBody, parseOrThrow } from '../http/request-schemas';
import { nextPaging } from '../responses/object-response';
import type { ObjectType } from '../seed-format';
import { defaultAssociationTypeId, objectTypeId, SINGULAR } from '../store/association-types';
import { objectTypeParam } from './object-routes';
import { param, type RouteContext, type RouteDefinition } from './route-definition';

/** Associations returned per object before paging, in batch reads and lists (HubSpot: 500). */
export const ASSOCIATION_PAGE = 500;

/**
 * `toObjectId` is a number on the wire: HubSpot sends it that way even though the api-client's
 * model declares a string (the contract test names this as the one known difference).
 */
function associatedObjects(context: RouteContext, from: ObjectType, fromId: string, to: ObjectType, ids: readonly string[]) {
  return ids.map((toId) => ({
    toObjectId: Number(toId),
    associationTypes: context.store.associationTypes(from, fromId, to, toId),
  }));
}

function pageOf(ids: readonly string[], after: string | undefined, limit: number) {
  const offset = after && /^\d+$/.test(after) ? Number(after) : 0;
  const page = ids.slice(offset, offset + limit);
  const next = offset + page.length;
  return { page, next: next < ids.length ? next : undefined };
}

const listAssociationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500, 'limit must be at most 500').default(500),
  after: z.string().regex(/^\d+$/, 'after must be a numeric cursor').optional(),
});

export const ASSOCIATION_ROUTES: RouteDefinition[] = [
  {
    method: 'post',
    path: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/read',
    kind: 'associations.batchRead',
    summary: 'Read the associations of up to 1,000 objects, 500 per object with per-input paging (207 for ids without any)',
    handle(context) {
      const startedAt = new Date();
      const from = objectTypeParam(context, 'fromObjectType');
      const to = objectTypeParam(context, 'toObjectType');
      const body = parseOrThrow(associationBatchReadBody, context.req.body);
      const results = [];
      const without: string[] = [];
      for (const input of body.inputs) {
        const ids = context.store.associations(from, input.id, to);
        if (ids.length === 0) {
          without.push(input.id);
          continue;
        }
        const { page, next } = pageOf(ids, input.after, ASSOCIATION_PAGE);
        results.push({
          from: { id: input.id },
          to: associatedObjects(context, from, input.id, to, page),
          ...(next !== undefined ? { paging: { next: { after: String(next) } } } : {}),
        });
      }
      const errors = without.map((id) => ({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        context: { fromObjectId: [id] },
        message: `No ${SINGULAR[to]} is associated with ${SINGULAR[from]} ${id}.`,
        errors: [],
      }));
      return {
        status: errors.length > 0 ? 207 : 200,
        body: {
          status: 'COMPLETE',
          results,
          ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
          startedAt: startedAt.toISOString(),
          completedAt: new Date().toISOString(),
        },
      };
    },
  },
  {
    method: 'post',
    path: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/create',
    kind: 'associations.batchCreate',
    summary: 'Create labelled or default associations in bulk',
    handle(context) {
      const startedAt = new Date();
      const from = objectTypeParam(context, 'fromObjectType');
      const to = objectTypeParam(context, 'toObjectType');
      const body = parseOrThrow(associationBatchCreateBody, context.req.body);
      for (const input of body.inputs) {
        context.store.getObject(from, input.from.id);
        context.store.getObject(to, input.to.id);
      }
      const results = body.inputs.map((input) => {
        for (const type of input.types) {
          context.store.associateExisting(from, input.from.id, to, input.to.id, {
            category: type.associationCategory === 'HUBSPOT_DEFINED' ? 'HUBSPOT_DEFINED' : 'USER_DEFINED',
            typeId: type.associationTypeId,
            label: null,
          });
        }
        return {
          fromObjectTypeId: objectTypeId(from),
          fromObjectId: Number(input.from.id),
          toObjectTypeId: objectTypeId(to),
          toObjectId: Number(input.to.id),
          labels: [],
        };
      });
      return { status: 201, body: { status: 'COMPLETE', results, startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() } };
    },
  },
  {
    method: 'post',
    path: '/crm/v4/associations/:fromObjectType/:toObjectType/batch/associate/default',
    kind: 'associations.batchCreateDefault',
    summary: 'Create default (unlabelled) associations in bulk',
    handle(context) {
      const startedAt = new Date();
      const from = objectTypeParam(context, 'fromObjectType');
      const to = objectTypeParam(context, 'toObjectType');
      const body = parseOrThrow(associationBatchDefaultBody, context.req.body);
      for (const input of body.inputs) {
        context.store.getObject(from, input.from.id);
        context.store.getObject(to, input.to.id);
      }
      const results = body.inputs.map((input) => {
        context.store.associateExisting(from, input.from.id, to, input.to.id);
        return defaultAssociationResult(from, input.from.id, to, input.to.id);
      });
      return { body: { status: 'COMPLETE', results, startedAt: startedAt.toISOString(), completedAt: new Date().toISOString() } };
    },
  },
  {
    method: 'put',
    path: '/crm/v4/objects/:fromObjectType/:fromObjectId/associations/default/:toObjectType/:toObjectId',
    kind: 'associations.createDefault',
    summary: 'Associate two objects with the default type',
    handle(context) {
      const startedAt = new Date();
      const from = objectTypeParam(context, 'fromObjectType');
      const to = objectTypeParam(context, 'toObjectType');
      const fromId = param(context, 'fromObjectId');
      const toId = param(context, 'toObjectId');
      context.store.associateExisting(from, fromId, to, toId);
      return {
        body: {
          status: 'COMPLETE',
          results: [defaultAssociationResult(from, fromId, to, toId), defaultAssociationResult(to, toId, from, fromId)],
          startedAt: startedAt.toISOString(),
          completedAt: new Date().toISOString(),
        },
      };
    },
  },
  {
    method: 'get',
    path: '/crm/v4/objects/:objectType/:objectId/associations/:toObjectType',
    kind: 'associations.list',
    summary: 'List the associations of one object (limit <= 500, after)',
    handle(context) {
      const from = objectTypeParam(context);
      const to = objectTypeParam(context, 'toObjectType');
      const fromId = param(context, 'objectId');
      context.store.getObject(from, fromId);
      const query = parseOrThrow(listAssociationsQuery, context.req.query, 'query');
      const { page, next } = pageOf(context.store.associations(from, fromId, to), query.after, query.limit);
      return {
        body: {
          results: associatedObjects(context, from, fromId, to, page),
          ...(next !== undefined ? { paging: nextPaging(context.url, next) } : {}),
        },
      };
    },
  },
];

function defaultAssociationResult(from: ObjectType, fromId: string, to: ObjectType, toId: string) {
  return {
    from: { id: fromId },
    to: { id: toId },
    associationSpec: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: defaultAssociationTypeId(from, to) },
  };
}
