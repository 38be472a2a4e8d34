import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { startBackendRuntime } from '../app/backend-runtime';
import { engineStateFrom } from '../app/engine-state';
import { HUBSPOT_TIERS, SEARCH_PER_SECOND } from '../cli/hubspot-tiers';
import { DEFAULT_ENGINE_CONFIG } from '../domain/config/engine-config';
import { createHubSpotGateway, ensureCsProperties, type HubSpotGateway } from '../hubspot';
import { batchReadObjects } from '../hubspot/batch-reads';
import type { HubSpotObject } from '../hubspot/property-values';
import type { QueuePolicyOverrides } from '../jobs/job-definitions';
import { createLogger } from '../logging/logger';
import { generateDemoPortal } from '../sandbox/demo/generate-demo-portal';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { createBackend } from '../server/create-backend';
import { closeGracefully } from '../server/graceful-shutdown';
import { signRequest } from '../server/hubspot-signature-v3';
import { openStore } from '../store/open-store';
import { recomputeCompanies } from '../sync/recompute-companies';
import type { BenchFigure } from './bench-report';
import { makeChange, planChanges, type PlannedChange, type WebhookEventBody } from './freshness-changes';
import { fmt } from './measure';
import type { BenchContext } from './optional-steps';

const PORTAL = 42;
const SECRET = 'freshness-bench-client-secret';
const PUBLIC_URL = 'https://cs-health.example.com';
/** The app's token and the bench's own: the sandbox budgets each token apart, as HubSpot does per app. */
const APP_TOKEN = 'freshness-bench-app';
const ADMIN_TOKEN = 'freshness-bench-admin';
/** How often the bench looks at the changed companies (one batch read for all of them). */
const POLL_MS = 200;
/** A change not on its company this long after its webhook is counted as lost, not waited for. */
const GIVE_UP_MS = 60_000;

export interface FreshnessOptions {
  /** Demo companies in the sandbox portal. */
  companies?: number;
  /** Timed changes per run (one warm-up change comes before them). */
  changes?: number;
  /** Seconds between two changes. */
  intervalSeconds?: number;
  /** The demo portal's date; the backend's clock starts there and runs with the wall clock. */
  asOf?: Date;
  log?: (line: string) => void;
}

export interface FreshnessRun {
  label: string;
  changes: number;
  /** Seconds from the webhook's POST to the first look that saw the company rewritten, sorted. */
  seconds: number[];
  /** Changes never seen on their company within a minute. */
  lost: number;
  /** HubSpot calls the backend made for the timed changes (portal context already cached by the warm-up). */
  calls: number;
  /** The same calls by kind (`associations.batchRead`, `companies.batchRead`, ...). */
  callsByKind: Record<string, number>;
}

/** Nearest rank over every change: one never seen ranks above all the others (Infinity), it does not drop out and flatter the figure. */
const nearestRank = (run: FreshnessRun, p: number) => run.seconds[Math.max(0, Math.ceil((p / 100) * run.changes) - 1)] ?? Number.POSITIVE_INFINITY;
export const p50 = (run: FreshnessRun) => nearestRank(run, 50);
export const p95 = (run: FreshnessRun) => nearestRank(run, 95);
export const slowest = (run: FreshnessRun) => nearestRank(run, 100);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The backend as `serve` runs it (runtime on an embedded store, signed webhook route), on the sandbox with HubSpot's budget. */
async function startBackend(sandbox: RunningSandbox, policies: QueuePolicyOverrides | undefined, now: () => Date) {
  const store = await openStore({ memory: true });
  const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: APP_TOKEN });
  // FRESHNESS_DEBUG=1 shows the backend's log (jobs done, written or unchanged) when a change is never seen.
  const logger = process.env.FRESHNESS_DEBUG ? createLogger({ level: 'debug' }) : createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) });
  const stateDir = mkdtempSync(join(tmpdir(), 'cs-freshness-'));
  const runtime = await startBackendRuntime({ gateway, store, state: await engineStateFrom(store)(), logger, stateDir, portalKey: 'freshness-bench', queuePolicies: policies, now });
  const server: Server = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC_URL, portalId: PORTAL, ...runtime.backend, logger }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    gateway,
    /** Posts the events as HubSpot does: X-HubSpot-Signature-v3 over the public URL. */
    async postWebhook(events: WebhookEventBody[]) {
      const body = JSON.stringify(events);
      const response = await fetch(`${base}/hubspot/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json', ...signRequest({ secret: SECRET, method: 'POST', url: `${PUBLIC_URL}/hubspot/webhooks`, body }) }, body });
      if (response.status !== 200) throw new Error(`freshness bench: the backend answered the webhook with ${response.status}: ${await response.text()}`);
    },
    async stop() {
      await closeGracefully(server);
      await runtime.stop();
      await gateway.close();
      await store.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

interface Pending {
  change: PlannedChange;
  computedAt: string | null | undefined;
  postedAt: number;
  done: (seconds: number | undefined) => void;
}

/** One batch read per tick of every company still waiting; a company is rewritten when its `cs_health_computed_at` moves. */
function startWatching(admin: HubSpotGateway) {
  const pending = new Map<string, Pending>();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const ids = [...pending.keys()];
      if (ids.length > 0) {
        // A failed look (the admin token's own 429 after its retries) is only a missed tick.
        const companies = await batchReadObjects(admin, 'companies', ids, ['cs_health_computed_at']).catch(() => new Map<string, HubSpotObject>());
        const seenAt = performance.now();
        for (const id of ids) {
          const entry = pending.get(id)!;
          const moved = companies.get(id)?.properties.cs_health_computed_at !== entry.computedAt;
          if (moved || seenAt - entry.postedAt > GIVE_UP_MS) {
            pending.delete(id);
            entry.done(moved ? (seenAt - entry.postedAt) / 1000 : undefined);
          }
        }
      }
      await sleep(POLL_MS);
    }
  })();
  return {
    /** Resolves with the seconds until the company was seen rewritten, or undefined when it never was. */
    watch: (change: PlannedChange, computedAt: string | null | undefined, postedAt: number) => new Promise<number | undefined>((done) => pending.set(change.companyId, { change, computedAt, postedAt, done })),
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** Makes one change, posts its webhook, and resolves when its company has been rewritten. */
async function timeChange(admin: HubSpotGateway, sandbox: RunningSandbox, backend: Awaited<ReturnType<typeof startBackend>>, watcher: ReturnType<typeof startWatching>, change: PlannedChange, now: () => Date) {
  const [before] = (await batchReadObjects(admin, 'companies', [change.companyId], ['cs_health_computed_at'])).values();
  const events = await makeChange(admin, sandbox.url, change, PORTAL, now());
  const postedAt = performance.now();
  const seen = watcher.watch(change, before?.properties.cs_health_computed_at, postedAt);
  await backend.postWebhook(events);
  return seen;
}

async function measureRun(label: string, sandbox: RunningSandbox, admin: HubSpotGateway, planned: PlannedChange[], policies: QueuePolicyOverrides | undefined, intervalMs: number, now: () => Date): Promise<FreshnessRun> {
  const backend = await startBackend(sandbox, policies, now);
  const watcher = startWatching(admin);
  try {
    const [warmUp, ...timed] = planned;
    // The first job reads the portal context (owners, pipelines, goal targets) once; the figures are the steady state after it.
    if ((await timeChange(admin, sandbox, backend, watcher, warmUp!, now)) === undefined) throw new Error(`freshness bench (${label}): the warm-up change never reached company ${warmUp!.companyId}`);
    const callsBefore = backend.gateway.callCounts();
    const seen: Promise<number | undefined>[] = [];
    const started = performance.now();
    for (const [i, change] of timed.entries()) {
      await sleep(Math.max(0, started + i * intervalMs - performance.now()));
      const timing = timeChange(admin, sandbox, backend, watcher, change, now);
      // Handled now so a failed change cannot crash the process while later ones are made; Promise.all below still throws it.
      timing.catch(() => undefined);
      seen.push(timing);
    }
    const seconds = await Promise.all(seen);
    const reached = seconds.filter((s): s is number => s !== undefined).sort((a, b) => a - b);
    const callsByKind: Record<string, number> = {};
    for (const [kind, n] of Object.entries(backend.gateway.callCounts())) if (n > (callsBefore[kind] ?? 0)) callsByKind[kind] = n - (callsBefore[kind] ?? 0);
    const calls = Object.values(callsByKind).reduce((sum, n) => sum + n, 0);
    return { label, changes: timed.length, seconds: reached, lost: timed.length - reached.length, calls, callsByKind };
  } finally {
    await watcher.stop();
    await backend.stop();
  }
}

const summary = (run: FreshnessRun) =>
  `${run.label}: ${run.changes} changes, webhook to property p50 ${fmt(p50(run), 1)} s, p95 ${fmt(p95(run), 1)} s, max ${fmt(slowest(run), 1)} s; ${fmt(run.calls / run.changes, 1)} API calls per change (${Object.entries(run.callsByKind).map(([kind, n]) => `${kind} ${fmt(n / run.changes, 2)}`).join(', ')})${run.lost ? `; ${run.lost} never seen` : ''}`;

/**
 * Webhook to property on the sandbox with HubSpot's Professional limits (190 requests per 10 s, 5
 * searches per second per token): the backend runtime on an embedded store gets, every
 * `intervalSeconds`, a change made in the portal (a ticket turning urgent, a won deal's amount up by
 * half, a new NPS detractor answer) and the signed webhook events HubSpot would post for it; a
 * separate admin token polls the company until it is rewritten. Run twice on distinct companies: with
 * the jobs' debounce as shipped, and with every debounce at 0 s (the floor), so the difference is
 * what coalescing costs in freshness, beside what it saves in calls.
 *
 * @example
 * const [shipped, floor] = await benchFreshness({ changes: 40 });
 * // prints: debounce as shipped: 40 changes, webhook to property p50 6.0 s, p95 6.5 s, max 6.6 s; 7.9 API calls per change (...)
 */
export async function benchFreshness(options: FreshnessOptions = {}): Promise<FreshnessRun[]> {
  const companies = options.companies ?? 1_000;
  const count = options.changes ?? 40;
  const asOf = options.asOf ?? new Date('2026-11-01T00:00:00Z');
  const log = options.log ?? console.log;
  const { tenSecondly, daily } = HUBSPOT_TIERS.professional;
  const sandbox = await startSandbox({ port: 0, seed: (sink) => void generateDemoPortal({ companies, seed: 42, asOf }, sink), rateLimits: { tenSecondly, daily, searchPerSecond: SEARCH_PER_SECOND } });
  const admin = createHubSpotGateway({ basePath: sandbox.url, accessToken: ADMIN_TOKEN });
  const startedAt = Date.now();
  // The portal's day, moving with the wall clock: each rewrite gets a later `cs_health_computed_at`.
  const now = () => new Date(asOf.getTime() + (Date.now() - startedAt));
  try {
    await ensureCsProperties(admin);
    // The companies as a nightly sync left them, so a rewrite is the change's and not a first computation.
    const candidates = Array.from({ length: companies }, (_, i) => String(1001 + i));
    const baseline = await recomputeCompanies(admin, DEFAULT_ENGINE_CONFIG, candidates, now());
    const planned = await planChanges(admin, baseline.assessments, 2 * (count + 1));
    log(`${fmt(companies)} demo companies seeded and assessed, ${planned.length} changes planned in ${fmt((Date.now() - startedAt) / 1000, 1)} s`);
    const runs: FreshnessRun[] = [];
    for (const [label, policies, share] of [
      ['debounce as shipped', undefined, planned.slice(0, count + 1)],
      ['no debounce (floor)', { 'recompute-companies': { debounceSeconds: 0 }, 'resolve-changed-records': { debounceSeconds: 0 } }, planned.slice(count + 1)],
    ] as const) {
      const run = await measureRun(label, sandbox, admin, share, policies, (options.intervalSeconds ?? 0.75) * 1000, now);
      log(summary(run));
      runs.push(run);
    }
    return runs;
  } finally {
    await admin.close();
    await sandbox.close();
  }
}

/** The `npm run bench` step: its own 1,000-company sandbox with HubSpot's limits (the bench's portal runs without them). */
export async function benchFigures(context?: BenchContext): Promise<BenchFigure[]> {
  const [shipped, floor] = await benchFreshness({ asOf: context?.asOf, log: () => undefined });
  const section = 'Freshness: webhook to property (sandbox, HubSpot Professional limits)';
  // A figure must be a finite number: a p95 no change reached within the wait shows as the wait, named in the note.
  const seconds = (value: number) => Number(Math.min(value, GIVE_UP_MS / 1000).toFixed(2));
  const perChange = (run: FreshnessRun) => Number((run.calls / run.changes).toFixed(2));
  const lost = (run: FreshnessRun) => (run.lost ? `; ${run.lost} of ${run.changes} (${run.label}) not seen within ${GIVE_UP_MS / 1000} s, ranked last` : '');
  return [
    { section, name: 'p50 seconds, debounce as shipped', value: seconds(p50(shipped!)), unit: 's', floor: seconds(p50(floor!)), note: `floor: the same with every debounce at 0 s; ${shipped!.changes} changes 0.75 s apart (urgent ticket, deal amount, NPS detractor in turn), HubSpot's own delivery delay comes on top${lost(shipped!)}${lost(floor!)}` },
    { section, name: 'p95 seconds, debounce as shipped', value: seconds(p95(shipped!)), unit: 's', floor: seconds(p95(floor!)), target: '<= 10 s' },
    { section, name: 'max seconds, debounce as shipped', value: seconds(slowest(shipped!)), unit: 's', floor: seconds(slowest(floor!)) },
    { section, name: 'API calls the backend made per change, debounce as shipped', value: perChange(shipped!), unit: 'calls', target: '<= 8', note: 'portal context cached by a warm-up change' },
    { section, name: 'API calls the backend made per change, no debounce', value: perChange(floor!), unit: 'calls' },
  ];
}

if (require.main === module) {
  benchFreshness({ changes: Number(process.argv[2] ?? 40) }).catch((error: unknown) => {
    console.error(`freshness bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
