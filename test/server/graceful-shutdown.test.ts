import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { closeGracefully, listenWithGracefulShutdown } from '../../src/server/graceful-shutdown';
import { reportCases } from './reliability-report';

const slowApp = (ms: number) => {
  const app = express();
  app.get('/slow', (_req, res) => void setTimeout(() => res.json({ done: true }), ms));
  app.get('/fast', (_req, res) => void res.json({ fast: true }));
  app.get('/hang', () => undefined);
  return app;
};

describe('closeGracefully', () => {
  it('lets an in-flight request finish, refuses new connections, and returns within the timeout', async () => {
    const server = slowApp(300).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const inFlight = fetch(`${url}/slow`).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const closing = closeGracefully(server, 3_000);
    await expect(inFlight).resolves.toEqual({ done: true });
    await closing;
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(fetch(`${url}/fast`)).rejects.toThrow();
  });

  it('cuts a request that outlives the timeout instead of hanging', async () => {
    const server = slowApp(0).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const inFlight = fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hang`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await closeGracefully(server, 300);
    expect(Date.now() - started).toBeLessThan(1_500);
    await expect(inFlight).resolves.toBe('cut');
  });

  it('returns at once for a server that is not listening', async () => {
    await expect(closeGracefully(createServer(), 1_000)).resolves.toBeUndefined();
  });
});

describe('listenWithGracefulShutdown', () => {
  it('on shutdown finishes the in-flight request, tells keep-alive clients to close, runs beforeExit, then exits 0', async () => {
    const events: string[] = [];
    const running = listenWithGracefulShutdown(slowApp(300), 0, { host: '127.0.0.1', signals: [], exit: (code) => events.push(`exit ${code}`), beforeExit: () => void events.push('beforeExit') });
    const { port } = await running.ready;
    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const stopping = running.shutdown('SIGTERM');
    const response = await inFlight;
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ done: true });
    await stopping;
    expect(events).toEqual(['beforeExit', 'exit 0']);
    expect(running.server.listening).toBe(false);
  });

  it('exits 1 when a shutdown step fails', async () => {
    const codes: number[] = [];
    const running = listenWithGracefulShutdown(slowApp(1), 0, { host: '127.0.0.1', signals: [], exit: (code) => codes.push(code), beforeExit: () => Promise.reject(new Error('flush failed')) });
    await running.ready;
    await running.shutdown();
    expect(codes).toEqual([1]);
  });

  it('a real process answers its in-flight request and exits 0 within a few seconds of SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'slow-server.ts')], { env: { ...process.env, SLOW_MS: '800' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no port in: ${output}`)), 20_000);
        child.stdout.on('data', () => {
          const match = /listening (\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(Number(match[1]));
          }
        });
      });
      const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.json());
      await new Promise((r) => setTimeout(r, 100));
      const signalledAt = Date.now();
      child.kill('SIGTERM');
      await expect(inFlight).resolves.toEqual({ done: true });
      expect(await exited).toBe(0);
      const took = Date.now() - signalledAt;
      expect(took).toBeLessThan(4_000);
      expect(output).toContain('beforeExit answered=1');
      await expect(fetch(`http://127.0.0.1:${port}/slow`)).rejects.toThrow();
      reportCases('SIGTERM with a request in flight (backend helper, real process)', { cases: 1, outcome: `request answered, exit 0 after ${took} ms` });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
