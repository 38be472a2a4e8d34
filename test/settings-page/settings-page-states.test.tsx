import { Alert, Button, EmptyState, ErrorState, Input, LoadingSpinner, NumberInput, TableCell, Text, TextArea, hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { SettingsAnswer } from '../../extensions/settings/api/settings-api-types';
import { hubspotSend } from '../../extensions/settings/api/hubspot-send';
import { createSettingsClient, type Send } from '../../extensions/settings/api/settings-client';
import { SettingsPage } from '../../extensions/settings/components/settings-page';
import { eventually } from '../extensions/fixtures/eventually';

const ADMIN = '9001';
const answer = (over: Partial<SettingsAnswer> = {}): SettingsAnswer => ({
  version: 3,
  document: { engine: { health: { weights: { usage: 30 } } }, plans: { period: { length: 'quarter', start: '2026-10-01' }, managers: ['201'] }, admins: [ADMIN] },
  author: { kind: 'user', id: ADMIN, email: 'ada@vendor.example' },
  createdAt: '2026-11-19T08:30:00.000Z',
  history: [
    { version: 3, author: { kind: 'user', id: ADMIN, email: 'ada@vendor.example' }, createdAt: '2026-11-19T08:30:00.000Z', changes: { 'engine.health.weights.usage': { old: 25, new: 30 } } },
    { version: 2, author: { kind: 'cli', id: 'ops' }, createdAt: '2026-11-01T00:00:00.000Z', changes: {} },
  ],
  ...over,
});
const noEntries = { events: [], transitions: [], manual: [] };

/** A backend answering each route from a table, as the settings API would (status and JSON body). */
function backend(routes: Record<string, (body?: Record<string, unknown>) => { status: number; body: unknown } | Promise<never>>) {
  const calls: { path: string; method: string; body?: Record<string, unknown> }[] = [];
  const send: Send = async (path, init) => {
    calls.push({ path, method: init.method, body: init.body });
    const route = routes[`${init.method} ${path}`];
    if (!route) return { status: 404, json: async () => ({ status: 'error', code: 'NOT_FOUND', message: 'no route' }) };
    const answered = await route(init.body);
    return { status: answered.status, json: async () => answered.body };
  };
  return { client: createSettingsClient(send), calls };
}

function render(client: ReturnType<typeof backend>['client'], userId = ADMIN) {
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage client={client} viewer={{ userId }} />);
  return renderer;
}

describe('settings page, every state', () => {
  afterEach(() => jest.restoreAllMocks());

  it('spins while the settings and the entries load', () => {
    const pending = () => new Promise<never>(() => undefined);
    const page = render(backend({ 'GET /settings': pending, 'GET /entries': pending }).client);
    expect(page.findAll(LoadingSpinner).map((s) => s.props.label)).toEqual(['Loading the settings...', "Loading the team's entries..."]);
  });

  it('shows the API\'s message when the settings cannot be read, and tries again on request', async () => {
    let reads = 0;
    const { client } = backend({
      'GET /settings': () => (++reads === 1 ? { status: 503, body: { status: 'error', code: 'STORE_UNAVAILABLE', message: 'the store is unavailable; try again shortly' } } : { status: 200, body: answer() }),
      'GET /entries': () => ({ status: 403, body: { status: 'error', code: 'FORBIDDEN', message: 'you are not a HubSpot owner known to cs-health' } }),
    });
    const page = render(client);
    await eventually(() => expect(page.find(ErrorState, { title: 'The settings cannot be shown' }).find(Text).text).toBe('the store is unavailable; try again shortly'));
    expect(page.find(ErrorState, { title: 'The entries cannot be shown' }).find(Text).text).toBe('you are not a HubSpot owner known to cs-health');
    page.find(ErrorState, { title: 'The settings cannot be shown' }).find(Button).trigger('onClick');
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.health.weights.usage' }).props.value).toBe(30));
  });

  it('turns an answer it cannot read (HTML, a stack) into a plain message, never the raw body', async () => {
    const { client } = backend({ 'GET /settings': () => ({ status: 500, body: '<html>TypeError at x.js:1</html>' }), 'GET /entries': () => ({ status: 200, body: noEntries }) });
    const page = render(client);
    await eventually(() => expect(page.find(ErrorState).find(Text).text).toBe('cs-health answered something the settings page cannot read. Try again in a moment.'));
  });

  it('a new store: version 0 with the defaults shown as figures, no history, no entries, plans not set up', async () => {
    const { client } = backend({ 'GET /settings': () => ({ status: 200, body: { version: 0, document: { engine: {}, admins: [ADMIN] }, history: [] } }), 'GET /entries': () => ({ status: 200, body: noEntries }) });
    const page = render(client);
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.health.weights.usage' }).props.value).toBe(25));
    expect(page.find(NumberInput, { name: 'engine.churnRisk.weights.renewalLowHealth' }).props.value).toBe(35);
    expect(page.find(EmptyState, { title: 'No saved version yet' })).toBeTruthy();
    expect(page.find(EmptyState, { title: 'Nothing declared yet' })).toBeTruthy();
    expect(page.findAll(Text).map((t) => t.text)).toContain('No objective plans yet: the default plans apply and nobody is a manager.');
    page.find(Button, (b) => b.text === 'Set up objective plans').trigger('onClick');
    await eventually(() => expect(page.find(Input, { name: 'plans.managers' })).toBeTruthy());
  });

  it('data: the history says who saved which version, when (UTC) and what changed', async () => {
    const { client } = backend({ 'GET /settings': () => ({ status: 200, body: answer() }), 'GET /entries': () => ({ status: 200, body: noEntries }) });
    const page = render(client);
    await eventually(() => expect(page.findAll(TableCell).map((c) => c.text)).toEqual(expect.arrayContaining(['3', 'ada@vendor.example', '2026-11-19 08:30 UTC', 'engine.health.weights.usage: 25 → 30', 'cli ops', 'no change'])));
  });

  it('a field error found on the page is shown next to its field, and nothing is sent', async () => {
    const { client, calls } = backend({ 'GET /settings': () => ({ status: 200, body: answer() }), 'GET /entries': () => ({ status: 200, body: noEntries }) });
    const page = render(client);
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.health.bands.atRiskUpTo' })).toBeTruthy());
    page.find(NumberInput, { name: 'engine.health.weights.usage' }).trigger('onChange', -5 as never);
    page.find(NumberInput, { name: 'plans.roles.csm.levels.team' }).trigger('onChange', 40 as never);
    page.find(Button, (b) => b.text === 'Save settings').trigger('onClick');
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.health.weights.usage' }).props.validationMessage).toBe('expected a number >= 0'));
    expect(page.find(NumberInput, { name: 'engine.health.weights.usage' }).props.error).toBe(true);
    expect(page.find(NumberInput, { name: 'engine.health.weights.sentiment' }).props.error).toBe(false);
    expect(page.findAll(Text).map((t) => t.text)).toContain('plans.roles.csm.levels: level weights must sum to 100 %, got 110 %');
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('sends the whole document with the version it edited; an API issue lands on its field; a 409 says someone saved first', async () => {
    const puts: Record<string, unknown>[] = [];
    const answers = [
      { status: 400, body: { status: 'error', code: 'BAD_REQUEST', message: 'invalid settings change: engine.churnRisk.weights.noTouch: expected a number >= 0', issues: [{ path: 'engine.churnRisk.weights.noTouch', message: 'expected a number >= 0' }] } },
      { status: 409, body: { status: 'error', code: 'CONFLICT', message: 'the settings changed since you opened them (you edited version 3, the current one is 4); reload and apply your change again' } },
    ];
    const { client } = backend({
      'GET /settings': () => ({ status: 200, body: answer() }),
      'GET /entries': () => ({ status: 200, body: noEntries }),
      'PUT /settings': (body) => (puts.push(body!), answers[puts.length - 1]),
    });
    const page = render(client);
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.churnRisk.weights.noTouch' })).toBeTruthy());
    page.find(NumberInput, { name: 'engine.churnRisk.weights.noTouch' }).trigger('onChange', 10 as never);
    page.find(Button, (b) => b.text === 'Save settings').trigger('onClick');
    await eventually(() => expect(page.find(NumberInput, { name: 'engine.churnRisk.weights.noTouch' }).props.validationMessage).toBe('expected a number >= 0'));
    expect(puts[0]).toEqual({ expectedVersion: 3, document: { ...answer().document, engine: { health: { weights: { usage: 30 } } , churnRisk: { weights: { noTouch: 10 } } } } });
    page.find(Button, (b) => b.text === 'Save settings').trigger('onClick');
    await eventually(() => expect(page.find(Alert, { title: 'Someone else saved first' }).text).toContain('Someone else saved the settings after you opened them'));
    expect(page.find(NumberInput, { name: 'engine.churnRisk.weights.noTouch' }).props.validationMessage).toBeUndefined();
  });

  it('a viewer who is not an admin sees every figure read-only and no save button', async () => {
    const { client } = backend({ 'GET /settings': () => ({ status: 200, body: answer() }), 'GET /entries': () => ({ status: 200, body: noEntries }) });
    const page = render(client, '5002');
    await eventually(() => expect(page.find(Alert, { title: 'Read-only' })).toBeTruthy());
    const settingsFields = page.findAll(NumberInput).filter((n) => /^(engine|plans)\./.test(n.props.name));
    expect(settingsFields.length).toBeGreaterThan(30);
    expect(settingsFields.filter((n) => n.props.readOnly !== true).map((n) => n.props.name)).toEqual([]);
    expect(page.findAll(Input).filter((i) => i.props.name === 'admins' || i.props.name.startsWith('plans.')).every((i) => i.props.readOnly === true)).toBe(true);
    expect(page.maybeFind(Button, (b) => b.text === 'Save settings')).toBeNull();
  });

  it('entry forms: a field error is shown next to its field before sending, and an API issue after', async () => {
    const { client, calls } = backend({
      'GET /settings': () => ({ status: 200, body: answer() }),
      'GET /entries': () => ({ status: 200, body: noEntries }),
      'POST /entries/exceptional-events': () => ({ status: 400, body: { status: 'error', code: 'BAD_REQUEST', message: 'invalid exceptional event: accountIds.0: too small', issues: [{ path: 'accountIds', message: 'accountIds must name at least one account' }] } }),
    });
    const page = render(client, '5001');
    await eventually(() => expect(page.find(EmptyState, { title: 'Nothing declared yet' })).toBeTruthy());
    page.find(Button, (b) => b.text === 'Declare the event').trigger('onClick');
    await eventually(() => expect(page.find(TextArea, { name: 'reason' }).props.validationMessage).toBe('reason is required: say what happened'));
    expect(page.find(Input, { name: 'accountIds' }).props.validationMessage).toBe('accountIds must name at least one account');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    page.find(Input, { name: 'accountIds' }).trigger('onChange', 'c-1' as never);
    page.findAll(Input, { name: 'ownerIds' })[0].trigger('onChange', '101, 102' as never);
    page.findAll(TextArea, { name: 'reason' })[0].trigger('onChange', 'customer insolvency' as never);
    page.find(Button, (b) => b.text === 'Declare the event').trigger('onClick');
    await eventually(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ accountIds: ['c-1'], ownerIds: ['101', '102'], reason: 'customer insolvency' }));
    await eventually(() => expect(page.find(Input, { name: 'accountIds' }).props.validationMessage).toBe('accountIds must name at least one account'));
    expect(page.find(Alert, { title: 'Not recorded' }).text).toContain('invalid exceptional event');
  });

  it('in HubSpot, calls go through hubspot.fetch to the built backend URL, with the body as an object', async () => {
    const fetch = jest.spyOn(hubspot, 'fetch').mockResolvedValue({ status: 200, json: async () => ({ version: 1, createdAt: '2026-11-20T10:00:00.000Z', changes: {} }) } as Response);
    const client = createSettingsClient(hubspotSend);
    expect(await client.save({ engine: {}, admins: [ADMIN] }, 0)).toMatchObject({ ok: true, data: { version: 1 } });
    expect(fetch).toHaveBeenCalledWith('http://localhost:8080/hubspot/settings/settings', { method: 'PUT', timeout: 15_000, body: { document: { engine: {}, admins: [ADMIN] }, expectedVersion: 0 } });
    fetch.mockRejectedValueOnce(new Error('timeout'));
    expect(await client.load()).toMatchObject({ ok: false, message: 'The settings page could not reach cs-health. Try again in a moment.' });
  });
});
