import { createGroupBody, createPropertyBody, ownersQuery, parseOrThrow } from '../http/request-schemas';
import { nextPaging } from '../responses/object-response';
import { publicGroup, publicOwner, publicPipeline, publicProperty } from '../responses/portal-response';
import { SandboxError } from '../store/sandbox-error';
import { objectTypeParam } from './object-routes';
import { param, type RouteContext, type RouteDefinition } from './route-definition';

function pipelineType(context: RouteContext): 'deals' | 'tickets' {
  const objectType = objectTypeParam(context);
  if (objectType !== 'deals' && objectType !== 'tickets') {
    throw new SandboxError('VALIDATION_ERROR', `${objectType} have no pipelines here; use deals or tickets.`, [
      { message: 'pipelines exist for deals and tickets', in: 'objectType' },
    ]);
  }
  return objectType;
}

/** Properties, property groups, owners and pipelines: the portal's configuration. */
export const PORTAL_ROUTES: RouteDefinition[] = [
  {
    method: 'get',
    path: '/crm/v3/properties/:objectType',
    kind: 'properties.list',
    summary: 'List the properties of an object type',
    handle(context) {
      const objectType = objectTypeParam(context);
      return { body: { results: context.store.properties.list(objectType).map(publicProperty) } };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/properties/:objectType',
    kind: 'properties.create',
    summary: 'Create a property (409 when it exists)',
    handle(context) {
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(createPropertyBody, context.req.body);
      const created = context.store.properties.define({ ...body, objectType }, context.store.now());
      return { status: 201, body: publicProperty(created) };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/properties/:objectType/groups',
    kind: 'propertyGroups.list',
    summary: 'List the property groups of an object type',
    handle(context) {
      const objectType = objectTypeParam(context);
      return { body: { results: context.store.properties.listGroups(objectType).map(publicGroup) } };
    },
  },
  {
    method: 'post',
    path: '/crm/v3/properties/:objectType/groups',
    kind: 'propertyGroups.create',
    summary: 'Create a property group (409 when it exists)',
    handle(context) {
      const objectType = objectTypeParam(context);
      const body = parseOrThrow(createGroupBody, context.req.body);
      const group = context.store.properties.defineGroup(objectType, { ...body, displayOrder: body.displayOrder ?? -1 });
      return { status: 201, body: publicGroup(group) };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/properties/:objectType/groups/:groupName',
    kind: 'propertyGroups.get',
    summary: 'Read one property group',
    handle(context) {
      const objectType = objectTypeParam(context);
      const group = context.store.properties.getGroup(objectType, param(context, 'groupName'));
      if (!group) throw new SandboxError('RESOURCE_NOT_FOUND', `Unable to find property group ${param(context, 'groupName')}.`);
      return { body: publicGroup(group) };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/properties/:objectType/:propertyName',
    kind: 'properties.get',
    summary: 'Read one property definition',
    handle(context) {
      const objectType = objectTypeParam(context);
      const property = context.store.properties.get(objectType, param(context, 'propertyName'));
      if (!property) throw new SandboxError('RESOURCE_NOT_FOUND', `Unable to find property ${param(context, 'propertyName')}.`);
      return { body: publicProperty(property) };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/owners',
    kind: 'owners.list',
    summary: 'List owners (limit <= 500, after, email)',
    handle(context) {
      const query = parseOrThrow(ownersQuery, context.req.query, 'query');
      const archived = query.archived === 'true';
      const owners = context.store
        .listOwners()
        .filter((owner) => (owner.archived ?? false) === archived && (query.email === undefined || owner.email === query.email));
      const offset = query.after === undefined ? 0 : Number(query.after);
      const page = owners.slice(offset, offset + query.limit);
      const next = offset + page.length;
      return { body: { results: page.map(publicOwner), ...(next < owners.length ? { paging: nextPaging(context.url, next) } : {}) } };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/owners/:ownerId',
    kind: 'owners.get',
    summary: 'Read one owner',
    handle(context) {
      const owner = context.store.getOwner(param(context, 'ownerId'));
      if (!owner) throw new SandboxError('RESOURCE_NOT_FOUND', `Owner ${param(context, 'ownerId')} not found.`);
      return { body: publicOwner(owner) };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/pipelines/:objectType',
    kind: 'pipelines.list',
    summary: 'List deal or ticket pipelines with their stages',
    handle(context) {
      return { body: { results: context.store.listPipelines(pipelineType(context)).map(publicPipeline) } };
    },
  },
  {
    method: 'get',
    path: '/crm/v3/pipelines/:objectType/:pipelineId',
    kind: 'pipelines.get',
    summary: 'Read one pipeline',
    handle(context) {
      const pipeline = context.store.listPipelines(pipelineType(context)).find((candidate) => candidate.id === param(context, 'pipelineId'));
      if (!pipeline) throw new SandboxError('RESOURCE_NOT_FOUND', `Pipeline ${param(context, 'pipelineId')} not found.`);
      return { body: publicPipeline(pipeline) };
    },
  },
];
