import { FetchApiException } from './fetch-api-exception';

export interface HttpOptions {
  basePath: string;
  accessToken?: string;
}

/** Query values as the api-client sends them: one `name=value` per array element, undefined left out. */
export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

function urlOf(basePath: string, path: string, query: Query = {}): string {
  const url = new URL(`${basePath}${path}`);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  return url.toString();
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * One HubSpot API call with Node's own fetch: JSON in, JSON out, a bearer token. A non-2xx answer
 * throws a FetchApiException; a network failure throws fetch's own error (no status), which the
 * data layer counts as a network failure.
 */
export async function requestJson(options: HttpOptions, method: 'GET' | 'POST' | 'PATCH', path: string, query?: Query, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.accessToken) headers.authorization = `Bearer ${options.accessToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(urlOf(options.basePath, path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const parsed = await bodyOf(response);
  if (!response.ok) {
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = value));
    throw new FetchApiException(response.status, parsed, responseHeaders);
  }
  return parsed;
}
