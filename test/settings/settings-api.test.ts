import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import type { Owner } from '../../src/domain/customer';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createSettingsRouter } from '../../src/settings/create-settings-router';

const NOW = new Date('2026-11-20T10:00:00Z');
const owners: Owner[] = [
  { id: '201', userId: 5001, email: 'mia.manager@vendor.example', teamIds: ['t1'] },
  { id: '101', userId: 5002, email: 'ana@vendor.example', teamIds: ['t1'] },
  { id: '102', userId: 5003, email: 'ben@vendor.example', teamIds: ['t1'] },
  { id: '103', userId: 5004, email: 'cy@vendor.example', teamIds: ['t2'] },
];
const ADMIN = '9001';
const bootstrap = { engine: {}, plans: { period: { length: 'quarter', start: '2026-10-01' }, managers: ['201'] }, admins: [ADMIN] };

/** The backend verifies HubSpot's signature and hands the router the user; here a header stands for that verified identity. */
const callerOf = (req: express.Request) => (req.header('x-verified-user') ? { userId: req.header('x-verified-user')!, email: req.header('x-verified-email') } : undefined);

async function serve(store: Store): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use('/api', createSettingsRouter({ store, callerOf, owners: async () => owners, now: () => NOW }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, server };
}

let store: Store;
let api: { url: string; server: Server };

const call = async (method: string, path: string, user?: string, body?: unknown, raw?: string) => {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers['x-verified-user'] = user;
  const email = owners.find((o) => String(o.userId) === user)?.email;
  if (email) headers['x-verified-email'] = email;
  const res = await fetch(`${api.url}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
};

beforeAll(async () => {
  store = await openStore({ memory: true });
  api = await serve(store);
});
afterAll(async () => {
  await new Promise((resolve) => api.server.close(resolve));
  await store.close();
});
beforeEach(async () => {
  await store.database.exec('TRUNCATE cs_settings_versions, cs_exceptional_events, cs_transitions, cs_manual_entries RESTART IDENTITY');
});

describe('settings over HTTP', () => {
  it('answers 401 to a request without a verified HubSpot user', async () => {
    expect(await call('GET', '/settings')).toMatchObject({ status: 401, json: { code: 'UNAUTHORIZED' } });
  });

  it('shows the defaults as version 0 on a new store', async () => {
    expect((await call('GET', '/settings', '5002')).json).toEqual({ version: 0, document: { engine: {} }, history: [] });
  });

  it('refuses every change until an operator names the admins from the CLI', async () => {
    const res = await call('PUT', '/settings', ADMIN, { document: bootstrap });
    expect(res).toMatchObject({ status: 403, json: { code: 'FORBIDDEN' } });
    expect(res.json.message).toContain('cs-health settings import');
    expect(await store.settings.current()).toBeUndefined();
  });

  it('lets an admin save a new version, recorded with the author, time and changed paths', async () => {
    await store.settings.save(bootstrap, { kind: 'cli', id: 'ops' }, new Date('2026-11-01T00:00:00Z'));
    const put = await call('PUT', '/settings', ADMIN, { document: { ...bootstrap, engine: { health: { weights: { usage: 40 } } } }, expectedVersion: 1 });
    expect(put).toMatchObject({ status: 200, json: { version: 2, createdAt: NOW.toISOString(), changes: { 'engine.health.weights.usage': { new: 40 } } } });
    const got = (await call('GET', '/settings', '5002')).json;
    expect(got).toMatchObject({ version: 2, author: { kind: 'user', id: ADMIN }, document: { engine: { health: { weights: { usage: 40 } } } } });
    expect(got.history.map((h: { version: number; author: { kind: string } }) => [h.version, h.author.kind])).toEqual([[2, 'user'], [1, 'cli']]);
  });

  it('refuses a non-admin, a stale edit and a change that removes every admin, storing nothing', async () => {
    await store.settings.save(bootstrap, { kind: 'cli', id: 'ops' }, new Date('2026-11-01T00:00:00Z'));
    expect(await call('PUT', '/settings', '5001', { document: bootstrap })).toMatchObject({ status: 403, json: { message: 'only a cs-health admin can change the settings' } });
    expect(await call('PUT', '/settings', ADMIN, { document: bootstrap, expectedVersion: 0 })).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });
    expect(await call('PUT', '/settings', ADMIN, { document: { ...bootstrap, admins: [] } })).toMatchObject({ status: 400, json: { issues: [{ path: 'admins' }] } });
    expect((await store.settings.current())?.version).toBe(1);
  });

  it('refuses an invalid document whole, naming each bad path, and changes nothing', async () => {
    await store.settings.save(bootstrap, { kind: 'cli', id: 'ops' }, new Date('2026-11-01T00:00:00Z'));
    const res = await call('PUT', '/settings', ADMIN, { document: { engine: { health: { weights: { usage: -5 } } }, plans: { period: { start: '2026-10-01', end: '2026-09-01' } }, admins: [ADMIN] } });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('SETTINGS_INVALID');
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['engine.health.weights.usage', 'plans.period.end']));
    expect((await store.settings.current())?.version).toBe(1);
  });

  it('answers malformed JSON with a 400, not a stack', async () => {
    const res = await call('PUT', '/settings', ADMIN, undefined, '{"document":');
    expect(res).toMatchObject({ status: 400, json: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(res.json)).not.toContain('at ');
  });
});

describe('manager entries over HTTP', () => {
  beforeEach(async () => {
    await store.settings.save(bootstrap, { kind: 'cli', id: 'ops' }, new Date('2026-11-01T00:00:00Z'));
  });

  it('records a manual count a manager enters for a team member, stamped with the manager and the time', async () => {
    const res = await call('POST', '/entries/manual-counts', '5001', { measure: 'webinars', ownerId: '101', value: 3, occurredAt: '2026-11-12' });
    expect(res).toMatchObject({ status: 201, json: { id: 1, ownerId: '101', value: 3, enteredBy: 'mia.manager@vendor.example', enteredAt: NOW.toISOString() } });
    const listed = await store.entries.list({ ownerIds: ['101'] });
    expect(listed.manual).toHaveLength(1);
  });

  it('lets only the person\'s manager declare: not a peer, not the person, not another team\'s manager', async () => {
    const body = { measure: 'webinars', ownerId: '101', value: 1, occurredAt: '2026-11-12' };
    expect(await call('POST', '/entries/manual-counts', '5003', body)).toMatchObject({ status: 403, json: { code: 'FORBIDDEN' } });
    expect(await call('POST', '/entries/manual-counts', '5002', body)).toMatchObject({ status: 403, json: { message: 'only your manager can declare entries for you' } });
    expect(await call('POST', '/entries/manual-counts', '5001', { ...body, ownerId: '103' })).toMatchObject({ status: 403, json: { message: "only 103's manager can declare entries for them" } });
    expect(await call('POST', '/entries/manual-counts', '5001', { ...body, ownerId: '999' })).toMatchObject({ status: 400, json: { issues: [{ path: 'ownerIds' }] } });
    expect(await call('POST', '/entries/manual-counts', '7777', body)).toMatchObject({ status: 403 });
    expect((await store.entries.list()).manual).toEqual([]);
  });

  it('names each bad field of an event, and will not take the author from the body', async () => {
    const res = await call('POST', '/entries/exceptional-events', '5001', { accountIds: [], ownerIds: ['101'], reason: '' });
    expect(res.status).toBe(400);
    expect(res.json.issues.map((i: { path: string }) => i.path)).toEqual(['accountIds', 'reason']);
    const forged = await call('POST', '/entries/exceptional-events', '5001', { accountIds: ['c1'], ownerIds: ['101'], reason: 'insolvency', declaredBy: 'someone-else' });
    expect(forged.status).toBe(400);
    expect(forged.json.message).toContain('declaredBy');
    expect((await store.entries.list()).events).toEqual([]);
  });

  it('lets an admin who did not declare it approve an event, once', async () => {
    const declared = await call('POST', '/entries/exceptional-events', '5001', { accountIds: ['c1'], ownerIds: ['101'], reason: 'customer insolvency' });
    const id = declared.json.id as number;
    expect(await call('POST', `/entries/exceptional-events/${id}/approve`, '5001')).toMatchObject({ status: 403, json: { message: 'only a cs-health admin can approve exceptional events' } });
    expect(await call('POST', `/entries/exceptional-events/${id}/approve`, ADMIN)).toMatchObject({ status: 200, json: { id, approvedBy: 'hubspot-user:9001', approvedAt: NOW.toISOString() } });
    expect(await call('POST', `/entries/exceptional-events/${id}/approve`, ADMIN)).toMatchObject({ status: 409, json: { code: 'CONFLICT' } });
    expect(await call('POST', '/entries/exceptional-events/0/approve', ADMIN)).toMatchObject({ status: 400, json: { issues: [{ path: 'id' }] } });
    expect(await call('POST', '/entries/exceptional-events/42/approve', ADMIN)).toMatchObject({ status: 404, json: { code: 'NOT_FOUND' } });
  });

  it('records events and transitions, and lists them to the manager and the people concerned only', async () => {
    expect((await call('POST', '/entries/exceptional-events', '5001', { accountIds: ['c1'], ownerIds: ['101'], reason: 'customer insolvency' })).status).toBe(201);
    const transition = await call('POST', '/entries/transitions', '5001', { ownerIds: ['101', '102'], from: '2026-11-01', to: '2026-11-15', reason: 'portfolio rebuild' });
    expect(transition).toMatchObject({ status: 201, json: { ownerIds: ['101', '102'], declaredBy: 'mia.manager@vendor.example', from: '2026-11-01T00:00:00.000Z' } });
    expect(await call('POST', '/entries/transitions', '5001', { ownerIds: ['101'], from: '2026-11-15', to: '2026-11-01', reason: 'x rebuild' })).toMatchObject({ status: 400, json: { issues: [{ path: 'to' }] } });

    const forManager = (await call('GET', '/entries', '5001')).json;
    expect([forManager.events.length, forManager.transitions.length]).toEqual([1, 1]);
    const forBen = (await call('GET', '/entries', '5003')).json;
    expect([forBen.events.length, forBen.transitions.length]).toEqual([0, 1]);
    const forCy = (await call('GET', '/entries', '5004')).json;
    expect(forCy).toEqual({ events: [], transitions: [], manual: [] });
    expect(await call('GET', '/entries?from=yesterday', '5001')).toMatchObject({ status: 400, json: { issues: [{ path: 'from' }] } });
  });
});

describe('a store that is down', () => {
  it('answers 503 with Retry-After', async () => {
    const down = await openStore({ memory: true });
    await down.close();
    const other = await serve(down);
    try {
      const res = await fetch(`${other.url}/settings`, { headers: { 'x-verified-user': ADMIN } });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await res.json()).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      await new Promise((resolve) => other.server.close(resolve));
    }
  });
});
