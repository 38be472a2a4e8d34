import type { Client as ApiClient } from '@hubspot/api-client';
import { requestJson, type HttpOptions } from './http-json';

export { FetchApiException } from './fetch-api-exception';

type Crm = ApiClient['crm'];
type Args<F> = F extends (...args: infer A) => unknown ? A : never;
const segment = (value: string) => encodeURIComponent(value);

/**
 * A small stand-in for `@hubspot/api-client`'s `Client`, implementing exactly the calls an app
 * function's code path makes, with Node's fetch. The build swaps it in with esbuild's `alias`
 * (src/build/bundle-app-function.ts): the api-client bundles to ~10 MB and a second to load, this
 * to a few KB. Parameters are typed from the real client, so a call the data layer makes compiles
 * against both. Answers are HubSpot's JSON as sent: dates stay ISO strings (the parsers take both),
 * and the associations v4 `from` is renamed `_from` as the api-client's model does.
 *
 * @example
 * const client = new Client({ accessToken: token, basePath: 'http://127.0.0.1:4010' });
 * await client.crm.owners.ownersApi.getPage(undefined, undefined, 100); // { results: [...], paging }
 */
export class Client {
  readonly crm;

  constructor(options: { accessToken?: string; basePath?: string } = {}) {
    const http: HttpOptions = { accessToken: options.accessToken, basePath: (options.basePath ?? 'https://api.hubapi.com').replace(/\/$/, '') };
    this.crm = {
      objects: {
        basicApi: {
          getById: (...[objectType, objectId, properties, propertiesWithHistory, associations, archived, idProperty]: Args<Crm['objects']['basicApi']['getById']>) =>
            requestJson(http, 'GET', `/crm/v3/objects/${segment(objectType)}/${segment(objectId)}`, { properties, propertiesWithHistory, associations, archived, idProperty }),
          getPage: (...[objectType, limit, after, properties, propertiesWithHistory, associations, archived]: Args<Crm['objects']['basicApi']['getPage']>) =>
            requestJson(http, 'GET', `/crm/v3/objects/${segment(objectType)}`, { limit, after, properties, propertiesWithHistory, associations, archived }),
        },
        batchApi: {
          read: (...[objectType, body, archived]: Args<Crm['objects']['batchApi']['read']>) => requestJson(http, 'POST', `/crm/v3/objects/${segment(objectType)}/batch/read`, { archived }, body),
          update: (...[objectType, body]: Args<Crm['objects']['batchApi']['update']>) => requestJson(http, 'POST', `/crm/v3/objects/${segment(objectType)}/batch/update`, undefined, body),
        },
        searchApi: {
          doSearch: (...[objectType, body]: Args<Crm['objects']['searchApi']['doSearch']>) => requestJson(http, 'POST', `/crm/v3/objects/${segment(objectType)}/search`, undefined, body),
        },
      },
      associations: {
        v4: {
          batchApi: {
            getPage: async (...[fromType, toType, body]: Args<Crm['associations']['v4']['batchApi']['getPage']>) => {
              const page = (await requestJson(http, 'POST', `/crm/v4/associations/${segment(fromType)}/${segment(toType)}/batch/read`, undefined, body)) as { results?: { from?: unknown }[] } | undefined;
              return { ...page, results: (page?.results ?? []).map(({ from, ...rest }) => ({ _from: from, ...rest })) };
            },
          },
        },
      },
      owners: {
        ownersApi: {
          getPage: (...[email, after, limit, archived]: Args<Crm['owners']['ownersApi']['getPage']>) => requestJson(http, 'GET', '/crm/v3/owners/', { email, after, limit, archived }),
        },
      },
      pipelines: {
        pipelinesApi: {
          getAll: (...[objectType]: Args<Crm['pipelines']['pipelinesApi']['getAll']>) => requestJson(http, 'GET', `/crm/v3/pipelines/${segment(objectType)}`),
        },
      },
    };
  }
}
