import { Client } from '@hubspot/api-client';
import { listEndpoints, type RunningSandbox } from '../../../src/sandbox/server';
import { smallPortal, TOKEN, withSandbox } from '../sandbox-test-kit';
import { violations, type Namespace } from './model-walker';

interface ContractCase {
  kind: string;
  method: string;
  path: string;
  body?: unknown;
  qs?: Record<string, string>;
  status: number;
  namespace: Namespace;
  model: string;
}

/** One call per endpoint kind (plus the 207 and error variants), each with the model the api-client decodes it into. */
const CASES: ContractCase[] = [
  { kind: 'objects.list', method: 'GET', path: '/crm/v3/objects/companies', qs: { limit: '2', properties: 'name', propertiesWithHistory: 'name', associations: 'contacts,deals' }, status: 200, namespace: 'objects', model: 'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging' },
  { kind: 'objects.get', method: 'GET', path: '/crm/v3/objects/companies/1', qs: { associations: 'deals', propertiesWithHistory: 'name' }, status: 200, namespace: 'objects', model: 'SimplePublicObjectWithAssociations' },
  { kind: 'objects.create', method: 'POST', path: '/crm/v3/objects/contacts', body: { properties: { email: 'new@example.com' }, associations: [{ to: { id: '1' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }] }] }, status: 201, namespace: 'objects', model: 'SimplePublicObject' },
  { kind: 'objects.update', method: 'PATCH', path: '/crm/v3/objects/companies/1', body: { properties: { name: 'Renamed' } }, status: 200, namespace: 'objects', model: 'SimplePublicObject' },
  { kind: 'objects.batchRead', method: 'POST', path: '/crm/v3/objects/companies/batch/read', body: { inputs: [{ id: '1' }], properties: ['name'], propertiesWithHistory: ['name'] }, status: 200, namespace: 'objects', model: 'BatchResponseSimplePublicObject' },
  { kind: 'objects.batchRead', method: 'POST', path: '/crm/v3/objects/companies/batch/read', body: { inputs: [{ id: '1' }, { id: '999' }], properties: [] }, status: 207, namespace: 'objects', model: 'BatchResponseSimplePublicObjectWithErrors' },
  { kind: 'objects.batchCreate', method: 'POST', path: '/crm/v3/objects/tickets/batch/create', body: { inputs: [{ properties: { subject: 'Hi' } }] }, status: 201, namespace: 'objects', model: 'BatchResponseSimplePublicObject' },
  { kind: 'objects.batchUpdate', method: 'POST', path: '/crm/v3/objects/deals/batch/update', body: { inputs: [{ id: '10', properties: { amount: '5' } }] }, status: 200, namespace: 'objects', model: 'BatchResponseSimplePublicObject' },
  { kind: 'objects.batchUpdate', method: 'POST', path: '/crm/v3/objects/deals/batch/update', body: { inputs: [{ id: '999', properties: { amount: '5' } }] }, status: 207, namespace: 'objects', model: 'BatchResponseSimplePublicObjectWithErrors' },
  { kind: 'objects.search', method: 'POST', path: '/crm/v3/objects/companies/search', body: { filterGroups: [{ filters: [{ propertyName: 'name', operator: 'HAS_PROPERTY' }] }], limit: 1, properties: ['name'] }, status: 200, namespace: 'objects', model: 'CollectionResponseWithTotalSimplePublicObjectForwardPaging' },
  { kind: 'associations.batchRead', method: 'POST', path: '/crm/v4/associations/companies/contacts/batch/read', body: { inputs: [{ id: '1' }] }, status: 200, namespace: 'associations/v4', model: 'BatchResponsePublicAssociationMultiWithLabel' },
  { kind: 'associations.batchRead', method: 'POST', path: '/crm/v4/associations/companies/contacts/batch/read', body: { inputs: [{ id: '1' }, { id: '999' }] }, status: 207, namespace: 'associations/v4', model: 'BatchResponsePublicAssociationMultiWithLabelWithErrors' },
  { kind: 'associations.batchCreate', method: 'POST', path: '/crm/v4/associations/deals/companies/batch/create', body: { inputs: [{ from: { id: '10' }, to: { id: '2' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 }] }] }, status: 201, namespace: 'associations/v4', model: 'BatchResponseLabelsBetweenObjectPair' },
  { kind: 'associations.batchCreateDefault', method: 'POST', path: '/crm/v4/associations/companies/contacts/batch/associate/default', body: { inputs: [{ from: { id: '2' }, to: { id: '10001' } }] }, status: 200, namespace: 'associations/v4', model: 'BatchResponsePublicDefaultAssociation' },
  { kind: 'associations.createDefault', method: 'PUT', path: '/crm/v4/objects/deals/10/associations/default/companies/2', status: 200, namespace: 'associations/v4', model: 'BatchResponsePublicDefaultAssociation' },
  { kind: 'associations.list', method: 'GET', path: '/crm/v4/objects/companies/1/associations/contacts', qs: { limit: '1' }, status: 200, namespace: 'associations/v4', model: 'CollectionResponseMultiAssociatedObjectWithLabelForwardPaging' },
  { kind: 'properties.list', method: 'GET', path: '/crm/v3/properties/deals', status: 200, namespace: 'properties', model: 'CollectionResponsePropertyNoPaging' },
  { kind: 'properties.create', method: 'POST', path: '/crm/v3/properties/companies', body: { name: 'cs_band', label: 'Band', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation', options: [{ label: 'Red', value: 'red' }] }, status: 201, namespace: 'properties', model: 'Property' },
  { kind: 'properties.get', method: 'GET', path: '/crm/v3/properties/companies/name', status: 200, namespace: 'properties', model: 'Property' },
  { kind: 'propertyGroups.list', method: 'GET', path: '/crm/v3/properties/companies/groups', status: 200, namespace: 'properties', model: 'CollectionResponsePropertyGroupNoPaging' },
  { kind: 'propertyGroups.create', method: 'POST', path: '/crm/v3/properties/companies/groups', body: { name: 'customer_success', label: 'Customer success' }, status: 201, namespace: 'properties', model: 'PropertyGroup' },
  { kind: 'propertyGroups.get', method: 'GET', path: '/crm/v3/properties/companies/groups/companyinformation', status: 200, namespace: 'properties', model: 'PropertyGroup' },
  { kind: 'owners.list', method: 'GET', path: '/crm/v3/owners', qs: { limit: '1' }, status: 200, namespace: 'owners', model: 'CollectionResponsePublicOwnerForwardPaging' },
  { kind: 'owners.get', method: 'GET', path: '/crm/v3/owners/7', status: 200, namespace: 'owners', model: 'PublicOwner' },
  { kind: 'pipelines.list', method: 'GET', path: '/crm/v3/pipelines/tickets', status: 200, namespace: 'pipelines', model: 'CollectionResponsePipelineNoPaging' },
  { kind: 'pipelines.get', method: 'GET', path: '/crm/v3/pipelines/deals/default', status: 200, namespace: 'pipelines', model: 'Pipeline' },
  { kind: 'objects.get', method: 'GET', path: '/crm/v3/objects/companies/999', status: 404, namespace: 'objects', model: 'ModelError' },
  { kind: 'objects.update', method: 'PATCH', path: '/crm/v3/objects/companies/1', body: { properties: { numberofemployees: 'lots' } }, status: 400, namespace: 'objects', model: 'ModelError' },
];

function seed(sink: Parameters<ReturnType<typeof smallPortal>>[0]) {
  smallPortal(3, 2)(sink);
  sink.owner({ id: '7', email: 'csm@example.com', firstName: 'Casey', lastName: 'Smith', userId: 70, teams: [{ id: '1', name: 'CS', primary: true }] });
  sink.owner({ id: '8', email: 'am@example.com', firstName: 'Alex', lastName: 'Martin', userId: 80, teams: [] });
}

/** HubSpot's error bodies carry `status: "error"`, which the generated Error model does not declare. */
function withoutErrorStatus(body: Record<string, unknown>, model: string) {
  if (model !== 'ModelError') return body;
  const { status, ...rest } = body;
  expect(status).toBe('error');
  return rest;
}

async function fetchThroughClient(sandbox: RunningSandbox, contract: ContractCase) {
  const client = new Client({ accessToken: TOKEN, basePath: sandbox.url });
  const response = await client.apiRequest({ method: contract.method, path: contract.path, body: contract.body, qs: contract.qs });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('sandbox answers match the api-client models', () => {
  it('covers every HubSpot endpoint the sandbox implements', () => {
    const implemented = listEndpoints().filter((endpoint) => endpoint.namespace === 'hubspot').map((endpoint) => endpoint.kind);
    expect([...new Set(CASES.map((contract) => contract.kind))].sort()).toEqual([...implemented].sort());
  });

  it.each(CASES.map((contract) => [`${contract.method} ${contract.path} -> ${contract.status} ${contract.model}`, contract] as const))('%s', async (_name, contract) => {
    await withSandbox({ seed }, async (sandbox) => {
      const { status, body } = await fetchThroughClient(sandbox, contract);
      expect(status).toBe(contract.status);
      expect(violations(contract.namespace, contract.model, withoutErrorStatus(body, contract.model))).toEqual([]);
    });
  });

  it('decodes through the typed api methods without loss', async () => {
    await withSandbox({ seed }, async (_sandbox, client) => {
      const page = await client.crm.companies.basicApi.getPage(2, undefined, ['name'], ['name'], ['contacts']);
      expect(page.results[0]?.propertiesWithHistory?.name?.[0]?.timestamp).toBeInstanceOf(Date);
      expect(page.results[0]?.associations?.contacts?.results).toHaveLength(2);
      const owners = await client.crm.owners.ownersApi.getPage();
      expect(owners.results[0]?.createdAt).toBeInstanceOf(Date);
    });
  });
});

describe('the contract walker', () => {
  it('reports unknown keys and wrong types, so a passing contract test means something', () => {
    const problems = violations('objects', 'SimplePublicObject', { id: 5, properties: { a: 1 }, createdAt: 'not a date', surprise: true });
    expect(problems).toEqual([
      '$.id: expected string, got 5',
      '$.properties.a: expected string | null, got 1',
      '$.createdAt: expected a date string, got "not a date"',
      '$.surprise: not an attribute of SimplePublicObject',
    ]);
  });
});
