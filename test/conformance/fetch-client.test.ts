import { Client as ApiClient } from '@hubspot/api-client';
import { HubSpotErrorCode, toHubSpotError } from '../../src/hubspot/hubspot-error';
import { Client as FetchClient } from '../../src/hubspot/fetch-client';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';

const TOKEN = 'fetch-client-token';

/** The api-client's answer as JSON (its models rename nothing else; dates become ISO strings). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
/** Dates the api-client re-serialises with milliseconds; the raw JSON may omit them. */
const sameInstant = (value: unknown): unknown => {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) return new Date(value).toISOString();
  if (Array.isArray(value)) return value.map(sameInstant);
  // A batch's startedAt/completedAt say when the sandbox ran it, not what it read.
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'startedAt' && k !== 'completedAt').map(([k, v]) => [k, sameInstant(v)]));
  return value;
};

describe('the small fetch client, call for call against the api-client on the sandbox', () => {
  let sandbox: RunningSandbox;
  let api: ApiClient;
  let small: FetchClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, token: TOKEN, seed: (sink) => generateDemoPortal({ companies: 30, seed: 5, asOf: new Date('2026-11-01T00:00:00Z') }, sink) });
    api = new ApiClient({ accessToken: TOKEN, basePath: sandbox.url });
    small = new FetchClient({ accessToken: TOKEN, basePath: sandbox.url });
  });
  afterAll(() => sandbox?.close());

  const same = async (call: (client: ApiClient) => Promise<unknown>) => {
    const [viaApi, viaFetch] = await Promise.all([call(api), call(small as unknown as ApiClient)]);
    expect(sameInstant(viaFetch)).toEqual(sameInstant(asJson(viaApi)));
  };

  it('reads owners, pipelines and a page of objects alike', async () => {
    await same((c) => c.crm.owners.ownersApi.getPage(undefined, undefined, 100));
    await same((c) => c.crm.pipelines.pipelinesApi.getAll('deals'));
    await same((c) => c.crm.objects.basicApi.getPage('companies', 5, undefined, ['name,hubspot_owner_id'], undefined, ['deals']));
  });

  it('reads a company with history and associations alike', async () => {
    await same((c) => c.crm.objects.basicApi.getById('companies', '1001', ['name,domain'], ['name'], ['deals', 'contacts', 'tickets']));
  });

  it('batch-reads objects and associations (from renamed _from, as the api-client models it) alike', async () => {
    await same((c) => c.crm.objects.batchApi.read('companies', { inputs: [{ id: '1001' }, { id: '1002' }, { id: '999999' }], properties: ['name'], propertiesWithHistory: [] }));
    await same((c) => c.crm.associations.v4.batchApi.getPage('companies', 'deals', { inputs: [{ id: '1001' }, { id: '1002' }] }));
    await same((c) => c.crm.objects.searchApi.doSearch('deals', { filterGroups: [], limit: 3, properties: ['dealname'], sorts: [], after: '0' } as never));
  });

  it('fails as the api-client does, so the data layer classifies both alike', async () => {
    const codeOf = async (client: ApiClient) => toHubSpotError(await client.crm.objects.basicApi.getById('companies', '987654321').catch((e: unknown) => e), 'companies.get').code;
    expect(await codeOf(small as unknown as ApiClient)).toBe(HubSpotErrorCode.NotFound);
    expect(await codeOf(api)).toBe(HubSpotErrorCode.NotFound);
    const wrongToken = new FetchClient({ accessToken: 'nope', basePath: sandbox.url });
    expect(toHubSpotError(await wrongToken.crm.owners.ownersApi.getPage().catch((e: unknown) => e), 'owners').code).toBe(HubSpotErrorCode.Unauthorized);
    const nowhere = new FetchClient({ accessToken: TOKEN, basePath: 'http://127.0.0.1:9' });
    expect(toHubSpotError(await nowhere.crm.owners.ownersApi.getPage().catch((e: unknown) => e), 'owners').code).toBe(HubSpotErrorCode.Network);
  });

  it('writes a batch update the api-client reads back', async () => {
    const update = (value: string) => ({ inputs: [{ id: '1003', properties: { name: value } }] });
    const viaFetch = await small.crm.objects.batchApi.update('companies', update('from fetch'));
    expect(viaFetch).toMatchObject({ status: 'COMPLETE', results: [{ id: '1003', properties: expect.objectContaining({ name: 'from fetch' }) }] });
    const read = await api.crm.objects.basicApi.getById('companies', '1003', ['name']);
    expect(read.properties.name).toBe('from fetch');
  });
});
