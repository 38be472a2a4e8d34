import { signedClient } from '../server/signed-client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startBackendRuntime } from '../../src/app/backend-runtime';
import { engineStateFrom } from '../../src/app/engine-state';
import { ensureCsProperties, readPortalContext, type HubSpotGateway } from '../../src/hubspot';
import { createLogger } from '../../src/logging/logger';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import type { RunningSandbox } from '../../src/sandbox/server';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { runFullSync } from '../../src/sync/full-sync';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

jest.setTimeout(180_000);

const SECRET = 'one-source-of-truth-secret';
const PUBLIC = 'https://cs-health.example.com';
const PORTAL = 77;
/** The demo's CS manager: owner 100, HubSpot user 70100, admin of the settings below. */
const ADMIN = { ownerId: '100', userId: 70100 };

type Signed = (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<{ status: number; json: any }>;

async function sync(gateway: HubSpotGateway, store: Store, state: string) {
  const engine = await engineStateFrom(store, { ttlMs: 0 })();
  return runFullSync({ gateway, config: engine.config, checkpointPath: join(state, `checkpoint-${engine.settingsVersion}.jsonl`), modelPath: join(state, 'model.json'), runKey: `v${engine.settingsVersion}`, now: () => AS_OF, store, settingsVersion: engine.settingsVersion });
}

/** Every active company's card, as the viewer opens it, against the properties the sync wrote. */
async function cardsAgainstProperties(call: Signed, sandbox: RunningSandbox, viewer: string) {
  const active = [...sandbox.store.table('companies').values()].filter((c) => c.properties.cs_customer_status === 'active' && c.properties.cs_health_score).slice(0, 12);
  expect(active.length).toBeGreaterThan(5);
  const rows = [];
  for (const company of active) {
    const answer = await call('POST', `/hubspot/cards/customer-health?${viewer}`, { recordId: company.id });
    expect([answer.status, answer.json.message]).toEqual([200, undefined]);
    const fresh = sandbox.store.getObject('companies', company.id).properties;
    rows.push({ id: company.id, card: [answer.json.view.score, answer.json.view.churnRisk.score, answer.json.view.churnRisk.level], property: [Number(fresh.cs_health_score), Number(fresh.cs_churn_risk_score), fresh.cs_churn_risk], versions: answer.json.versions });
  }
  return rows;
}

describe('one source of truth: the sync, the settings API and the cards read one store', () => {
  it('a card equals its company\'s properties (the fitted model\'s risk included), before and after an admin changes a weight through the settings API, and names the versions it used', async () => {
    await withPortal({ seed: (sink) => void generateDemoPortal({ companies: 600, seed: 9, asOf: AS_OF }, sink) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const admin = (await readPortalContext(gateway)).owners.find((o) => o.id === ADMIN.ownerId);
      const viewer = `userId=${ADMIN.userId}&userEmail=${encodeURIComponent(admin?.email ?? '')}&portalId=${PORTAL}`;
      const store = await openStore({ memory: true });
      const state = mkdtempSync(join(tmpdir(), 'cs-one-truth-'));
      // The first admin is named from the command line (settings import), as on a new install.
      await store.settings.save({ engine: {}, admins: [String(ADMIN.userId)] }, { kind: 'cli', id: 'test' }, AS_OF);
      const first = await sync(gateway, store, state);
      expect(first.versions).toMatchObject({ settings: 1, model: expect.any(Number) });
      // 600 demo companies hold enough churn history for the fitted model to be used (not the rule weights).
      expect(first.churnModel.kind).toBe('fitted');

      const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
      const runtime = await startBackendRuntime({ gateway, store, state: await engineStateFrom(store, { ttlMs: 0 })(), logger, stateDir: state, portalKey: 'test', now: () => AS_OF });
      const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, portalId: PORTAL, ...runtime.backend, logger });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const call: Signed = signedClient(server, SECRET, PUBLIC);
      try {
        const before = await cardsAgainstProperties(call, sandbox, viewer);
        for (const row of before) expect({ id: row.id, card: row.card }).toEqual({ id: row.id, card: row.property });
        expect(before.every((row) => row.versions.settings === 1 && row.versions.model === first.versions?.model)).toBe(true);

        // An admin moves weight from usage to support in HubSpot's settings page (PUT through the backend).
        const current = await call('GET', `/hubspot/settings/settings?${viewer}`);
        expect(current.status).toBe(200);
        const document = { ...current.json.document, engine: { health: { weights: { usage: 5, supportLoad: 45, resolution: 10, sentiment: 20, commercial: 5, relationship: 15 } } } };
        const saved = await call('PUT', `/hubspot/settings/settings?${viewer}`, { document, expectedVersion: current.json.version });
        expect([saved.status, saved.json.message]).toEqual([200, undefined]);
        expect(saved.json.version).toBe(2);

        const second = await sync(gateway, store, state);
        expect(second.versions?.settings).toBe(2);
        const after = await cardsAgainstProperties(call, sandbox, viewer);
        for (const row of after) expect({ id: row.id, card: row.card }).toEqual({ id: row.id, card: row.property });
        expect(after.every((row) => row.versions.settings === 2 && row.versions.model === second.versions?.model)).toBe(true);
        // The new weights moved some scores: the cards followed the settings, not a copy of them.
        expect(after.some((row, i) => row.card[0] !== before[i].card[0])).toBe(true);

        // The store kept the day's snapshot of each company and the two runs.
        const day = AS_OF.toISOString().slice(0, 10);
        const snapshot = (await store.snapshots.history(before[0].id, day, day))[0];
        expect(snapshot).toMatchObject({ score: after[0].property[0], settingsVersion: 2 });
        expect((await store.syncRuns.recent(5)).map((r) => [r.outcome, r.settingsVersion])).toEqual([['ok', 2], ['ok', 1]]);
      } finally {
        await closeGracefully(server);
        await runtime.stop();
        await store.close();
      }
    });
  });
});
