import { createServer, type Server, type Socket } from 'node:net';
import { openStore } from '../../src/store/open-store';
import { httpAnswerForStoreError, SettingsValidationError, StoreUnavailableError } from '../../src/store/store-errors';
import { describeOnEveryEngine, freshPostgresDatabase, POSTGRES_TEST_URL, postgresReachable } from './store-engines';

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('a database that is down', () => {
  it('fails to open with StoreUnavailableError (code STORE_UNAVAILABLE), hiding the password', async () => {
    const port = await closedPort();
    const error = await openStore({ databaseUrl: `postgres://cs:secret@127.0.0.1:${port}/cs` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).code).toBe('STORE_UNAVAILABLE');
    expect((error as Error).message).toContain(`postgres://cs:***@127.0.0.1:${port}/cs`);
    expect((error as Error).message).not.toContain('secret');
  });

  it('maps to 503 with Retry-After for the backend, and other store errors to their own status', () => {
    expect(httpAnswerForStoreError(new StoreUnavailableError('postgres://db/cs'))).toEqual({
      status: 503,
      headers: { 'Retry-After': '5' },
      body: { code: 'STORE_UNAVAILABLE', message: 'the database at postgres://db/cs is unavailable; try again shortly' },
    });
    expect(httpAnswerForStoreError(new SettingsValidationError([{ path: 'engine.health', message: 'bad' }]))).toMatchObject({ status: 400, body: { code: 'SETTINGS_INVALID', issues: [{ path: 'engine.health', message: 'bad' }] } });
    expect(httpAnswerForStoreError(new Error('not ours'))).toBeUndefined();
  });

  it('refuses options that are not a PostgreSQL URL, naming DATABASE_URL', async () => {
    await expect(openStore({ databaseUrl: 'mysql://db/cs' })).rejects.toThrow('databaseUrl: DATABASE_URL must be a PostgreSQL URL');
  });
});

describeOnEveryEngine('a closed store', ({ engine }) => {
  it('answers StoreUnavailableError, not a crash', async () => {
    const opened = await engine.open();
    await opened.store.close();
    await expect(opened.store.settings.current()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(opened.store.snapshots.write([])).rejects.toThrow('the store was closed');
    await opened.dispose();
  });
});

/**
 * A TCP relay in front of the server that can be cut, to take the database away under a running store
 * (the way a restart or a network cut does) and bring it back.
 */
async function relayTo(target: URL): Promise<{ port: number; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = new (require('node:net').Socket)() as Socket;
      upstream.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server!.address() as { port: number }).port;
  };
  const cut = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}

(postgresReachable() ? describe : describe.skip)('a PostgreSQL server that goes away under a running store', () => {
  it('fails calls with StoreUnavailableError while it is away, and works again when it is back', async () => {
    const db = await freshPostgresDatabase('down');
    const relay = await relayTo(new URL(POSTGRES_TEST_URL));
    const url = new URL(db.url);
    url.host = `127.0.0.1:${relay.port}`;
    const store = await openStore({ databaseUrl: url.toString() });
    try {
      await store.settings.save({ engine: {} }, { kind: 'system', id: 'test' }, new Date('2026-11-01T00:00:00Z'));
      await relay.cut();
      await expect(store.settings.current()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.snapshots.write([{ companyId: '1', day: '2026-11-01', score: 1, band: null, riskLevel: null, riskScore: null, components: {}, settingsVersion: 1, modelVersion: null }])).rejects.toBeInstanceOf(StoreUnavailableError);
      await relay.restore();
      expect((await store.settings.current())?.version).toBe(1);
    } finally {
      await store.close();
      await relay.close();
      await db.drop();
    }
  });
});
