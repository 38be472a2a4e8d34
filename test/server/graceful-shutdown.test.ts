import type { AddressInfo } from 'node:net';
import express from 'express';
import { closeGracefully } from '../../src/server/graceful-shutdown';

describe('closeGracefully', () => {
  it('lets an in-flight request finish, refuses new connections, and returns within the timeout', async () => {
    const app = express();
    app.get('/slow', (_req, res) => {
      setTimeout(() => res.json({ done: true }), 300);
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    const inFlight = fetch(url).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const closing = closeGracefully(server, 3_000);
    await expect(inFlight).resolves.toEqual({ done: true });
    await closing;
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(fetch(url)).rejects.toThrow();
  });
});
