import type { Server } from 'node:http';
import { CliError } from './cli-error';

/** Listens and resolves once listening; a busy port is one line (PORT_IN_USE), not an unhandled 'error' event. */
export function listen(app: { listen(port: number, host?: string): Server }, port: number, host: string | undefined): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = host === undefined ? app.listen(port) : app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new CliError(`port ${port} is already in use`, undefined, 'PORT_IN_USE') : error));
  });
}
