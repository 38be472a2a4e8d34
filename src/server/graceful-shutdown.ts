import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const closing = new WeakSet<Server>();
const tracked = new WeakMap<Server, Set<ServerResponse>>();

/**
 * Remembers the responses in flight, so shutdown can tell their keep-alive clients to reconnect
 * elsewhere (`Connection: close`) instead of sending the next request to a server going away.
 */
function track(server: Server): Set<ServerResponse> {
  let open = tracked.get(server);
  if (open) return open;
  const responses = new Set<ServerResponse>();
  open = responses;
  tracked.set(server, responses);
  server.on('request', (_req, res: ServerResponse) => {
    responses.add(res);
    if (closing.has(server) && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => responses.delete(res));
  });
  return responses;
}

/**
 * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive sockets,
 * and after `timeoutMs` cuts whatever is left so a stuck client cannot hold a deploy. Works on any
 * http.Server (the backend's, the sandbox's).
 */
export function closeGracefully(server: Server, timeoutMs = 5_000): Promise<void> {
  const inFlight = tracked.get(server);
  closing.add(server);
  for (const res of inFlight ?? []) if (!res.headersSent) res.setHeader('Connection', 'close');
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => {
      server.closeAllConnections();
      finish();
    }, timeoutMs);
    const finish = () => {
      clearInterval(sweep);
      clearTimeout(force);
      resolve();
    };
    sweep.unref();
    force.unref();
    // close() reports ERR_SERVER_NOT_RUNNING when already closed: still done.
    server.close(() => finish());
    server.closeIdleConnections();
  });
}

export interface GracefulServer {
  server: Server;
  /** Resolves with the bound address once listening (port 0 picks a free one). */
  ready: Promise<AddressInfo>;
  /** What SIGTERM/SIGINT run: stop accepting, finish in-flight requests, run `beforeExit`, then exit. */
  shutdown(signal?: string): Promise<void>;
}

export interface GracefulOptions {
  host?: string;
  /** Longest wait for in-flight requests before their connections are cut. */
  timeoutMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Work to finish after the last request (flush pending recomputes, close clients). */
  beforeExit?: () => Promise<void> | void;
  /** Called with the exit code at the end; defaults to process.exit. Tests pass their own. */
  exit?: (code: number) => void;
  log?: (message: string) => void;
}

/**
 * Listens on `port` and shuts down cleanly on SIGTERM/SIGINT: no new connections, in-flight
 * requests finish, `beforeExit` runs, and the process exits 0 (1 if any step failed) within
 * `timeoutMs` plus the time `beforeExit` takes.
 */
export function listenWithGracefulShutdown(app: RequestListener, port: number, options: GracefulOptions = {}): GracefulServer {
  const server = createServer(app);
  track(server);
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let stopping: Promise<void> | undefined;

  const shutdown = (signal = 'shutdown') => {
    stopping ??= (async () => {
      options.log?.(`${signal}: finishing in-flight requests`);
      let code = 0;
      try {
        await closeGracefully(server, options.timeoutMs ?? 5_000);
        await options.beforeExit?.();
      } catch (error) {
        code = 1;
        options.log?.(`shutdown step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      for (const name of signals) process.removeListener(name, onSignal);
      exit(code);
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => void shutdown(signal);
  for (const name of signals) process.on(name, onSignal);

  const ready = new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, options.host ?? '0.0.0.0', () => resolve(server.address() as AddressInfo));
  });
  return { server, ready, shutdown };
}
