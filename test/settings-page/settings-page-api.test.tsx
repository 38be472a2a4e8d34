import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { Alert, Button, DateInput, EmptyState, Input, NumberInput, TableCell, TextArea } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { Owner } from '../../src/domain/customer';
import { createSettingsRouter } from '../../src/settings/create-settings-router';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { createSettingsClient, type Send } from '../../extensions/settings/api/settings-client';
import { SettingsPage } from '../../extensions/settings/components/settings-page';
import { eventually } from '../extensions/fixtures/eventually';

// The page's own fetch calls, against the real settings Router on express (port 0) over an
// embedded PGlite store: the page and the API are proven to speak the same shapes.

const NOW = new Date('2026-11-20T10:00:00Z');
const owners: Owner[] = [
  { id: '201', userId: 5001, email: 'mia.manager@vendor.example', teamIds: ['t1'] },
  { id: '101', userId: 5002, email: 'ana@vendor.example', teamIds: ['t1'] },
  { id: '103', userId: 5004, email: 'cy@vendor.example', teamIds: ['t2'] },
];
const ADMIN = '9001';
const MANAGER = '5001';
const bootstrap = { engine: {}, plans: { period: { length: 'quarter', start: '2026-10-01' }, managers: ['201'] }, admins: [ADMIN] };

/** The backend verifies HubSpot's signature and hands the router the user; a header stands for it here. */
const callerOf = (req: express.Request) => (req.header('x-verified-user') ? { userId: req.header('x-verified-user')!, email: req.header('x-verified-email') } : undefined);

let store: Store;
let server: Server;
let baseUrl: string;

/** What `hubspot.fetch` does for the page: the same path and body, plus the signed user. */
const sendAs = (userId: string): Send => async (path, init) => {
  const email = owners.find((o) => String(o.userId) === userId)?.email;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-verified-user': userId, ...(email ? { 'x-verified-email': email } : {}) };
  return fetch(`${baseUrl}${path}`, { method: init.method, headers, body: init.body ? JSON.stringify(init.body) : undefined });
};

function renderPageAs(userId: string) {
  const renderer = createRenderer('settings');
  renderer.render(<SettingsPage client={createSettingsClient(sendAs(userId))} viewer={{ userId }} />);
  return renderer;
}
type Rendered = ReturnType<typeof renderPageAs>;
const field = (r: Rendered, name: string) => r.find(NumberInput, { name });
const alertTitles = (r: Rendered) => r.findAll(Alert).map((a) => a.props.title);
const saveButton = (r: Rendered) => r.maybeFind(Button, (b) => b.text === 'Save settings');
const loaded = (r: Rendered) => eventually(() => expect(r.findAll(NumberInput).length).toBeGreaterThan(10));

beforeAll(async () => {
  store = await openStore({ memory: true });
  const app = express();
  app.use('/hubspot/settings', createSettingsRouter({ store, callerOf, owners: async () => owners, now: () => NOW }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubspot/settings`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});
beforeEach(async () => {
  await store.database.exec('TRUNCATE cs_settings_versions, cs_exceptional_events, cs_transitions, cs_manual_entries RESTART IDENTITY');
  await store.settings.save(bootstrap, { kind: 'cli', id: 'ops' }, NOW);
});

describe('the settings page against the real settings API', () => {
  it('an admin changes a weight and a band; the API stores the whole document as version 2 and the page shows who changed what', async () => {
    const page = renderPageAs(ADMIN);
    await loaded(page);
    expect(field(page, 'engine.health.weights.usage').props.value).toBe(25);
    field(page, 'engine.health.weights.usage').trigger('onChange', 40 as never);
    field(page, 'engine.health.bands.atRiskUpTo').trigger('onChange', 45 as never);
    saveButton(page)!.trigger('onClick');
    await eventually(() => expect(alertTitles(page)).toContain('Saved'));
    expect((await store.settings.current())?.document).toEqual({ ...bootstrap, engine: { health: { weights: { usage: 40 }, bands: { atRiskUpTo: 45 } } } });
    await eventually(() => expect(field(page, 'engine.health.weights.usage').props.value).toBe(40));
    const cells = page.findAll(TableCell).map((c) => c.text);
    expect(cells).toEqual(expect.arrayContaining(['2', `user ${ADMIN}`, '2026-11-20 10:00 UTC']));
    expect(cells.find((c) => c?.startsWith('engine.health'))).toContain('engine.health.weights.usage: (none) → 40');
  });

  it('shows an error the API finds next to the field it names, and stores nothing', async () => {
    const page = renderPageAs(ADMIN);
    await loaded(page);
    page.find(Input, { name: 'plans.assignments.teams' }).trigger('onChange', 't1=boss' as never);
    saveButton(page)!.trigger('onClick');
    await eventually(() => expect(page.find(Input, { name: 'plans.assignments.teams' }).props.validationMessage).toContain('unknown role "boss"'));
    expect(page.find(Input, { name: 'plans.assignments.teams' }).props.error).toBe(true);
    expect(alertTitles(page)).toContain('Not saved: cs-health refused the change');
    expect((await store.settings.current())?.version).toBe(1);
  });

  it('an admin names CS managers and team roles as typed lists, stored as the plans expect them', async () => {
    const page = renderPageAs(ADMIN);
    await loaded(page);
    page.find(Input, { name: 'plans.managers' }).trigger('onChange', '201, 202' as never);
    page.find(Input, { name: 'plans.assignments.teams' }).trigger('onChange', 't1 = csm; t2=am' as never);
    saveButton(page)!.trigger('onClick');
    await eventually(() => expect(alertTitles(page)).toContain('Saved'));
    expect((await store.settings.current())?.document.plans).toMatchObject({ managers: ['201', '202'], assignments: { teams: { t1: 'csm', t2: 'am' } } });
  });

  it('tells the second of two admins editing at once that someone else saved first (409), and reloads on request', async () => {
    const first = renderPageAs(ADMIN);
    const second = renderPageAs(ADMIN);
    await Promise.all([loaded(first), loaded(second)]);
    field(first, 'engine.health.weights.usage').trigger('onChange', 30 as never);
    saveButton(first)!.trigger('onClick');
    await eventually(() => expect(alertTitles(first)).toContain('Saved'));
    field(second, 'engine.health.weights.sentiment').trigger('onChange', 5 as never);
    saveButton(second)!.trigger('onClick');
    await eventually(() => expect(alertTitles(second)).toContain('Someone else saved first'));
    expect((await store.settings.current())?.document.engine).toEqual({ health: { weights: { usage: 30 } } });
    second.find(Button, (b) => b.text === 'Reload the settings').trigger('onClick');
    await eventually(() => expect(field(second, 'engine.health.weights.usage').props.value).toBe(30));
  });

  it('a manager sees the settings read-only and declares a transition for their team, listed with their name', async () => {
    const page = renderPageAs(MANAGER);
    await loaded(page);
    expect(alertTitles(page)).toContain('Read-only');
    expect(saveButton(page)).toBeNull();
    expect(field(page, 'engine.health.weights.usage').props.readOnly).toBe(true);
    await eventually(() => expect(page.find(EmptyState, { title: 'Nothing declared yet' })).toBeTruthy());
    page.findAll(Input, { name: 'ownerIds' })[1].trigger('onChange', '101' as never);
    const dates = page.findAll(DateInput).filter((d) => d.props.name === 'from' || d.props.name === 'to');
    dates[0].trigger('onChange', { year: 2026, month: 10, date: 1 } as never);
    dates[1].trigger('onChange', { year: 2026, month: 10, date: 15 } as never);
    page.findAll(TextArea)[1].trigger('onChange', 'portfolio rebuild' as never);
    page.find(Button, (b) => b.text === 'Declare the transition').trigger('onClick');
    await eventually(() => expect(page.findAll(TableCell).map((c) => c.text)).toEqual(expect.arrayContaining(['Transition', '101', '2026-11-01 to 2026-11-15: portfolio rebuild', 'mia.manager@vendor.example, 2026-11-20 10:00 UTC'])));
    expect((await store.entries.list()).transitions).toHaveLength(1);
    expect(page.find(Alert, { title: 'Recorded' }).text).toContain('recorded with your name');
    expect(page.findAll(Input, { name: 'ownerIds' })[1].props.value).toBe('');
  });

  it('a manager entering a count for someone outside their team is told so by the API, and nothing is stored', async () => {
    const page = renderPageAs(MANAGER);
    await loaded(page);
    page.find(Input, { name: 'ownerId' }).trigger('onChange', '103' as never);
    page.find(NumberInput, { name: 'value' }).trigger('onChange', 2 as never);
    page.find(DateInput, { name: 'occurredAt' }).trigger('onChange', { year: 2026, month: 10, date: 3 } as never);
    page.find(Button, (b) => b.text === 'Enter the count').trigger('onClick');
    await eventually(() => expect(page.find(Alert, { title: 'Not allowed' }).text).toContain("only 103's manager can declare entries for them"));
    expect((await store.entries.list()).manual).toEqual([]);
  });
});
