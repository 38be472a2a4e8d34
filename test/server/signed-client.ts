import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { signRequest } from '../../src/server/hubspot-signature-v3';

export interface SignedAnswer {
  status: number;
  json: any;
  text: string;
}

/**
 * Calls a backend listening on `server` as HubSpot does: the body signed with X-HubSpot-Signature-v3
 * over the public URL HubSpot used (`publicBase` + path, query included), sent to the local port.
 */
export function signedClient(server: Server, secret: string, publicBase: string) {
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<SignedAnswer> => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers = { 'content-type': 'application/json', ...signRequest({ secret, method, url: `${publicBase}${path}`, body: raw }) };
    const response = await fetch(`${base}${path}`, { method, headers, ...(raw ? { body: raw } : {}) });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined, text };
  };
}
