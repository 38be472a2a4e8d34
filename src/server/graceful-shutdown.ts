import type { Server } from 'node:http';

/**
 * Stops accepting connections, lets in-flight requests finish, closes idle keep-alive sockets,
 * and gives up after `timeoutMs` so a stuck client cannot hold a deploy.
 */
export function closeGracefully(server: Server, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
      resolve();
    }, timeoutMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
    // Sockets that finish their request after close() go idle later: sweep them until done.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.once('close', () => clearInterval(sweep));
  });
}
