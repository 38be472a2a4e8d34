import { signedClient } from '../server/signed-client';
import { Writable } from 'node:stream';
import { Client } from '@hubspot/api-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBackendRuntime } from '../../src/app/backend-runtime';
import type { CardDependencies } from '../../src/app/card-dependencies';
import { engineStateFrom } from '../../src/app/engine-state';
import { ensureCsProperties, type HubSpotGateway } from '../../src/hubspot';
import { createLogger } from '../../src/logging/logger';
import type { RunningSandbox } from '../../src/sandbox/server';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { createBackend } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { TOKEN, withPortal } from '../hubspot/hubspot-test-portal';

export const SECRET = 'cards-data-test-secret-7f31';
const PUBLIC = 'https://cs-health.example.com';
export const PORTAL = 42;
/** Ana (owner 501, user 9001) owns both companies; HubSpot signs her userId and userEmail. */
export const ANA = `userId=9001&userEmail=ana%40example.com&portalId=${PORTAL}`;
/** The card's clock: the detractor of company 1 answered 2026-11-15, so its follow-up was due 2026-11-17 and is overdue. */
export const NOW = new Date('2026-11-20T12:00:00Z');

const iso = (text: string) => new Date(text).toISOString();

/**
 * Two active customers of Ana's: company 1 (the store has its days) and company 2 (the store has
 * none; HubSpot keeps its `cs_health_score` history). Each has a detractor answer not followed up.
 */
export function seedCards(sink: SeedSink) {
  sink.owner({ id: '501', email: 'ana@example.com', firstName: 'Ana', lastName: 'Csm', userId: 9001, teams: [{ id: 't1', name: 'CS', primary: true }] });
  sink.owner({ id: '502', email: 'bo@example.com', firstName: 'Bo', lastName: 'Rep', userId: 9002, teams: [{ id: 't2', name: 'Sales', primary: true }] });
  for (const [name, type] of [['cs_segment', 'string'], ['cs_usage_score', 'number']] as const) {
    sink.property({ objectType: 'companies', name, label: name, type, fieldType: type === 'number' ? 'number' : 'text', groupName: 'companyinformation' });
  }
  sink.property({ objectType: 'deals', name: 'cs_contract_end_date', label: 'end', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
  for (const [id, name, answered] of [['1', 'Globex', '2026-11-15T09:00:00Z'], ['2', 'Initech', '2026-11-19T09:00:00Z']] as const) {
    sink.object('companies', { id, createdAt: iso('2025-06-01T00:00:00Z'), properties: { name, hubspot_owner_id: '501', cs_segment: 'gold', cs_usage_score: '60', notes_last_contacted: iso('2026-11-01T00:00:00Z') } });
    const contact = `10000${id}`;
    sink.object('contacts', { id: contact, createdAt: iso('2025-06-01T00:00:00Z'), properties: { email: `p@c${id}.example`, notes_last_contacted: iso('2026-11-01T00:00:00Z') } });
    sink.associate('companies', id, 'contacts', contact);
    const feedback = `40000${id}`;
    sink.object('feedback_submissions', { id: feedback, createdAt: iso(answered), properties: { hs_survey_type: 'NPS', hs_value: '2', hs_submission_timestamp: iso(answered) } });
    sink.associate('contacts', contact, 'feedback_submissions', feedback);
    const deal = `20000${id}`;
    sink.object('deals', { id: deal, createdAt: iso('2025-06-01T00:00:00Z'), properties: { dealname: `${name} renewal`, amount: '12000', hs_mrr: '1000', dealstage: 'closedwon', pipeline: 'default', closedate: iso('2025-06-01T00:00:00Z'), cs_contract_end_date: '2027-06-30' } });
    sink.associate('deals', deal, 'companies', id);
    // The ticket behind company 1's planted drop on 2026-11-18.
    const ticket = `30000${id}`;
    sink.object('tickets', { id: ticket, createdAt: iso('2026-11-18T08:00:00Z'), properties: { subject: 'Export broken', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'URGENT', createdate: iso('2026-11-18T08:00:00Z') } });
    sink.associate('tickets', ticket, 'companies', id);
  }
  // HubSpot's property history of company 2's score (what the sync wrote on earlier days).
  sink.history?.('companies', '2', 'cs_health_score', '78', iso('2026-10-01T02:00:00Z'));
  sink.history?.('companies', '2', 'cs_health_score', '70', iso('2026-10-20T02:00:00Z'));
  sink.history?.('companies', '2', 'cs_health_score', '55', iso('2026-11-10T02:00:00Z'));
}

export type SignedCall = (path: string, body: unknown) => Promise<{ status: number; json: any; text: string }>;

export interface CardsHarness {
  call: SignedCall;
  store: Store;
  gateway: HubSpotGateway;
  sandbox: RunningSandbox;
  /** HubSpot's own client on the sandbox, to look at what the card wrote. */
  api: Client;
  /** The card dependencies the backend built, for calling a handler the way an app function would. */
  deps: CardDependencies;
}

/**
 * The backend as `serve` and `start` run it (createBackend over the backend runtime, which hands the
 * store's snapshots to the cards) on a sandbox portal, a PGlite store in memory, and signed requests
 * over real HTTP.
 */
export async function withCardsBackend(run: (h: CardsHarness) => Promise<void>, wrap: (g: HubSpotGateway) => HubSpotGateway = (g) => g) {
  const store = await openStore({ memory: true });
  try {
    await withPortal({ seed: seedCards }, async (rawGateway, sandbox) => {
      await ensureCsProperties(rawGateway);
      const gateway = wrap(rawGateway);
      const logger = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
      const stateDir = mkdtempSync(join(tmpdir(), 'cards-data-'));
      const runtime = await startBackendRuntime({ gateway, store, state: await engineStateFrom(store)(), logger, stateDir, portalKey: 'cards-data', now: () => NOW });
      const wiring = runtime.wiring;
      const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC, portalId: PORTAL, ...runtime.backend, logger });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      const signed = signedClient(server, SECRET, PUBLIC);
      const call: SignedCall = (path, body) => signed('POST', path, body);
      try {
        await run({ call, store, gateway, sandbox, api: new Client({ accessToken: TOKEN, basePath: sandbox.url }), deps: wiring.deps });
      } finally {
        await closeGracefully(server);
        await runtime.stop();
        rmSync(stateDir, { recursive: true, force: true });
      }
    });
  } finally {
    await store.close();
  }
}

/**
 * A gateway that measures the longest chain of HubSpot calls each waiting on an earlier one: a
 * call's depth is one more than the deepest call already finished when it starts. Calls that run
 * side by side share a depth; the measure can only overstate a chain, never hide one.
 */
export function chainMeasuring(gateway: HubSpotGateway): HubSpotGateway & { resetChain(): void; chain(): number } {
  let finishedDepth = 0;
  let deepest = 0;
  return Object.assign(Object.create(gateway) as HubSpotGateway, {
    call: async <T,>(kind: string, request: Parameters<HubSpotGateway['call']>[1]) => {
      const depth = finishedDepth + 1;
      deepest = Math.max(deepest, depth);
      try {
        return (await gateway.call(kind, request)) as T;
      } finally {
        finishedDepth = Math.max(finishedDepth, depth);
      }
    },
    resetChain: () => ((finishedDepth = 0), (deepest = 0)),
    chain: () => deepest,
  });
}
