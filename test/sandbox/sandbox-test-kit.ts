import { Client } from '@hubspot/api-client';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/server';
import type { SeedSink } from '../../src/sandbox/seed-format';

export const TOKEN = 'sandbox-test-token';

/** A small portal: `companies` companies, each with `contactsPerCompany` contacts and two deals. */
export function smallPortal(companies: number, contactsPerCompany = 1) {
  return (sink: SeedSink) => {
    let contactId = 10_000;
    for (let index = 1; index <= companies; index += 1) {
      const id = String(index);
      sink.object('companies', {
        id,
        properties: { name: `Company ${index}`, domain: `company${index}.example`, numberofemployees: String(index * 10), industry: index % 2 === 0 ? 'SOFTWARE' : 'RETAIL' },
        createdAt: new Date(Date.UTC(2025, 0, index)).toISOString(),
      });
      for (let c = 0; c < contactsPerCompany; c += 1) {
        contactId += 1;
        sink.object('contacts', { id: String(contactId), properties: { email: `person${contactId}@company${index}.example`, firstname: `Person ${contactId}` } });
        sink.associate('companies', id, 'contacts', String(contactId));
      }
      for (let d = 0; d < 2; d += 1) {
        const dealId = String(index * 10 + d);
        sink.object('deals', { id: dealId, properties: { dealname: `Deal ${dealId}`, amount: String(1000 * (d + 1)), dealstage: 'closedwon', pipeline: 'default' } });
        sink.associate('deals', dealId, 'companies', id);
      }
    }
  };
}

export async function withSandbox<T>(options: SandboxOptions, run: (sandbox: RunningSandbox, client: Client) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({ port: 0, token: TOKEN, ...options });
  try {
    return await run(sandbox, new Client({ accessToken: TOKEN, basePath: sandbox.url }));
  } finally {
    await sandbox.close();
  }
}

/** Raw HTTP against the sandbox, for status codes, headers and bodies the api-client hides. */
export async function call(sandbox: RunningSandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}

/** The error the api-client throws, with its HTTP code and parsed body. */
export async function apiError(promise: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await promise;
  } catch (error) {
    const failure = error as { code: number; body: unknown };
    return { code: failure.code, body: typeof failure.body === 'string' ? JSON.parse(failure.body) : failure.body };
  }
  throw new Error('expected the call to fail');
}
