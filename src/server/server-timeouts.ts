import { createServer, type RequestListener, type Server } from 'node:http';

/** How long a client may take; Node's defaults let a client sending 1 byte per second hold a connection for 300 s. */
export interface ServerTimeouts {
  /** All headers must arrive within this (Node: 60 s). */
  headersTimeout: number;
  /** The whole request, body included, must arrive within this (Node: 300 s): a slow body is cut here. */
  requestTimeout: number;
  /** An idle keep-alive connection is closed after this (Node: 5 s). */
  keepAliveTimeout: number;
  /** How often Node checks the two timeouts above; a request is cut at most this late (Node: 30 s). */
  checkIntervalMs: number;
}

/**
 * HubSpot gives hubspot.fetch 15 s and a workflow action 20 s for the whole exchange, so a request
 * still arriving after 30 s is no longer awaited by anyone.
 */
export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = { headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, checkIntervalMs: 1_000 };

/** An http.Server for `listener` with the timeouts set (headersTimeout never above requestTimeout, as Node requires). */
export function createTimedServer(listener: RequestListener, timeouts: Partial<ServerTimeouts> = {}): Server {
  const t = { ...DEFAULT_SERVER_TIMEOUTS, ...timeouts };
  const server = createServer(
    { requestTimeout: t.requestTimeout, headersTimeout: Math.min(t.headersTimeout, t.requestTimeout), keepAliveTimeout: t.keepAliveTimeout, connectionsCheckingInterval: t.checkIntervalMs },
    listener,
  );
  return server;
}

/**
 * Makes `app.listen(...)` build its server with the timeouts, so every caller (the `serve`
 * command, tests, the sandbox) gets them without creating the server itself.
 */
export function listenWithTimeouts<T extends RequestListener & { listen: (...args: never[]) => Server }>(app: T, timeouts: Partial<ServerTimeouts> = {}): T {
  app.listen = ((...args: Parameters<Server['listen']>) => createTimedServer(app, timeouts).listen(...args)) as unknown as T['listen'];
  return app;
}
