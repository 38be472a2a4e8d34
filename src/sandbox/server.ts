import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FaultOptions } from './faults/fault-injector';
import type { RateLimitOptions } from './http/rate-limiter';
import { createSandboxApp } from './http/sandbox-app';
import type { SeedSink } from './seed-format';
import { SandboxStore } from './store/sandbox-store';

export type { FaultOptions, FaultRates } from './faults/fault-injector';
export type { RateLimitOptions } from './http/rate-limiter';
export { listEndpoints } from './routes/route-table';
export { SandboxStore } from './store/sandbox-store';

export interface SandboxOptions {
  /** 0 picks a free port (tests). Default 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, HubSpot routes need `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** Fills the portal; re-run by `/_sandbox/reset`. */
  seed?: (sink: SeedSink) => void;
  rateLimits?: RateLimitOptions;
  faults?: FaultOptions;
}

export interface RunningSandbox {
  url: string;
  port: number;
  store: SandboxStore;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

/** A busy port, told apart so the CLI can say so in one line. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts a local HubSpot portal. The official api-client works against it with `basePath: url`.
 *
 * @example
 * const sandbox = await startSandbox({ port: 0, seed: (sink) => sink.object('companies', { id: '1', properties: { name: 'Acme' } }) });
 * const client = new Client({ accessToken: 'x', basePath: sandbox.url });
 * await client.crm.companies.basicApi.getById('1'); // { id: '1', properties: { name: 'Acme', ... } }
 * await sandbox.close();
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const store = new SandboxStore({ seed: options.seed });
  let closing = false;
  const app = createSandboxApp({ store, token: options.token, rateLimits: options.rateLimits, faults: options.faults, isClosing: () => closing });
  const host = options.host ?? '127.0.0.1';
  const requestedPort = options.port ?? 4010;

  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(requestedPort, host);
    listening.once('listening', () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(requestedPort) : error));
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    store,
    close() {
      closed ??= new Promise<void>((resolve, reject) => {
        closing = true;
        // Keep-alive connections whose request finishes after close() would otherwise hold the server open.
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        server.close((error) => {
          clearInterval(sweep);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}
