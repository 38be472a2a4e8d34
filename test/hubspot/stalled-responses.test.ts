import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubSpotGateway, HubSpotError, HubSpotErrorCode } from '../../src/hubspot';

/**
 * node-fetch 2 (under api-client 13.5) never settles a response whose connection closes before the
 * announced Content-Length: these servers reproduce that and a silent one, below the sandbox.
 */
type Answer = 'truncate' | 'stall' | 'ok';

async function withServer<T>(answers: Answer[], run: (basePath: string, served: () => number) => Promise<T>): Promise<T> {
  let served = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const answer = answers[Math.min(served, answers.length - 1)];
    served += 1;
    const text = JSON.stringify({ results: [{ id: '501', email: 'ana@example.com', archived: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' }] });
    if (answer === 'stall') return;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', String(Buffer.byteLength(text)));
    if (answer === 'truncate') res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
    else res.end(text);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => served);
  } finally {
    sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const retry = { baseDelayMs: 5, maxDelayMs: 10, maxAttempts: 3, attemptTimeoutMs: 300 };

describe('stalled and truncated responses', () => {
  it('retries an answer whose body is cut short and returns the next complete one', async () => {
    await withServer(['truncate', 'ok'], async (basePath, served) => {
      const gateway = createHubSpotGateway({ basePath, accessToken: 'token', retry });
      try {
        const page = await gateway.call('owners', (client) => client.crm.owners.ownersApi.getPage());
        expect(page.results.map((owner) => owner.email)).toEqual(['ana@example.com']);
        expect(served()).toBe(2);
        expect(gateway.callCounts().owners).toBe(2);
      } finally {
        await gateway.close();
      }
    });
  });

  it('gives up on a server that never answers with a network error naming the deadline', async () => {
    await withServer(['stall'], async (basePath, served) => {
      const gateway = createHubSpotGateway({ basePath, accessToken: 'token', retry });
      try {
        const error = (await gateway.call('owners', (client) => client.crm.owners.ownersApi.getPage()).catch((failure: unknown) => failure)) as HubSpotError;
        expect(error).toBeInstanceOf(HubSpotError);
        expect(error.code).toBe(HubSpotErrorCode.Network);
        expect(error.message).toBe('HubSpot owners: no complete answer within 300 ms (connection stalled or body cut short) (gave up after 3 attempts)');
        expect(served()).toBe(3);
      } finally {
        await gateway.close();
      }
    });
  });
});
