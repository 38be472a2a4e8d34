import { performance } from 'node:perf_hooks';
import { engineStateFrom } from '../app/engine-state';
import { portfolioPageFromStore } from '../app/pages/portfolio-page-from-store';
import { recordCompanies } from '../app/pages/record-companies';
import { DEFAULT_ENGINE_CONFIG } from '../domain/config/engine-config';
import type { Customer } from '../domain/customer';
import { createHubSpotGateway, readCustomerPages, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY, type PortalContext } from '../hubspot';
import { DEMO_MANAGER_OWNER_IDS, generateDemoPortal } from '../sandbox/demo/generate-demo-portal';
import { startSandbox } from '../sandbox/server';
import type { Store } from '../store/store';
import type { BenchFigure } from './bench-report';
import { benchPostgresUrl, onEachBenchStore } from './bench-databases';
import type { BenchContext } from './optional-steps';
import { fmt, median } from './measure';

/** The demo's CS manager (user 70100) is the leader (a settings admin: every company); CSM 101's user is 70101. */
const LEADER_USER = 70_100;
const CSM_USER = 70_101;

interface PageTiming {
  /** Median answer time, ms, over the runs (after one warm-up run). */
  medianMs: number;
  /** Median CPU time of this process per answer, ms: the part other processes on the machine cannot inflate (PostgreSQL's own work excluded). */
  cpuMs: number;
  /** The JSON answer's size, bytes (hubspot.fetch refuses more than 1 MB). */
  bytes: number;
  customers: number;
}

export interface PagesBenchFigures {
  engine: Store['engine'];
  companies: number;
  runs: number;
  leader: PageTiming;
  csm: PageTiming;
}

/** Every company of the portal as the sync reads it, and the portal context (the backend's cache holds it). */
async function readPortal(sandboxUrl: string): Promise<{ customers: Customer[]; context: PortalContext }> {
  const gateway = createHubSpotGateway({ basePath: sandboxUrl, budget: { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 } });
  try {
    const context = await readPortalContext(gateway);
    const customers: Customer[] = [];
    for await (const page of readCustomerPages(gateway, context, DEFAULT_ENGINE_CONFIG.mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) customers.push(...page.customers);
    return { customers, context };
  } finally {
    await gateway.close();
  }
}

/** Records the portal in `store`, then times the home page's answer for the leader and one CSM. */
async function benchOn(store: Store, portal: { customers: Customer[]; context: PortalContext }, asOf: Date, runs: number): Promise<PagesBenchFigures> {
  await store.settings.save({ engine: {}, plans: { period: { start: '2026-10-01', length: 'quarter' }, managers: [...DEMO_MANAGER_OWNER_IDS] }, admins: [String(LEADER_USER)] }, { kind: 'cli', id: 'bench' }, asOf);
  await recordCompanies(store, portal.customers, asOf);
  const state = await engineStateFrom(store)();
  const time = async (userId: number): Promise<PageTiming> => {
    const answer = () => portfolioPageFromStore({ store, portalContext: async () => portal.context, state, asOf, userId });
    const first = await answer();
    const timings: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r += 1) {
      const t = performance.now();
      const c = process.cpuUsage();
      await answer();
      const used = process.cpuUsage(c);
      timings.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    if (first.answer.status !== 'ok') throw new Error(`the page for user ${userId} answered ${first.answer.status}: ${JSON.stringify(first.answer)}`);
    return { medianMs: median(timings), cpuMs: median(cpu), bytes: Buffer.byteLength(JSON.stringify(first.answer)), customers: first.answer.view.scope.customers };
  };
  return { engine: store.engine, companies: portal.customers.length, runs, leader: await time(LEADER_USER), csm: await time(CSM_USER) };
}

/**
 * The app home page's answer from the store on a demo portal: its records written to an embedded
 * PGlite and, when it answers, a PostgreSQL database of its own; then the page for the leader (every
 * company) and for one CSM (their book), timed as the backend computes it (store read, scoring,
 * roll-ups; the HTTP framing aside), median of `runs`.
 *
 * @example
 * await benchPages({ sandboxUrl, asOf, postgresUrl: benchPostgresUrl() })
 * // prints (2 cores at load 15-20): postgres: 10,000 company records; leader (10,000 companies) 8,528 ms (2,427 ms CPU), 102,399 bytes; CSM (50 companies) 44 ms (10 ms CPU), ...
 */
export async function benchPages(options: { sandboxUrl: string; asOf: Date; postgresUrl?: string; runs?: number; log?: (line: string) => void }): Promise<PagesBenchFigures[]> {
  const log = options.log ?? console.log;
  const runs = options.runs ?? 5;
  const portal = await readPortal(options.sandboxUrl);
  return onEachBenchStore(options.postgresUrl, log, async (store) => {
    const f = await benchOn(store, portal, options.asOf, runs);
    const line = (who: string, t: PageTiming) => `${who} (${fmt(t.customers)} companies) ${fmt(t.medianMs)} ms (${fmt(t.cpuMs)} ms CPU), ${fmt(t.bytes)} bytes`;
    log(`${f.engine}: ${fmt(f.companies)} company records; ${line('leader', f.leader)}; ${line('CSM', f.csm)} (median of ${runs})`);
    return f;
  });
}

/** The `npm run bench` step, on the bench's demo portal. */
export async function benchFigures(context: BenchContext): Promise<BenchFigure[]> {
  const figures = await benchPages({ sandboxUrl: context.sandboxUrl, asOf: context.asOf, postgresUrl: benchPostgresUrl(), log: () => undefined });
  const section = 'App home page from the store';
  return figures.flatMap((f) => [
    { section, name: `${f.engine}: leader's page, all ${fmt(f.leader.customers)} companies (median)`, value: Number(f.leader.medianMs.toFixed(0)), unit: 'ms', target: '< 2,000 ms', note: `median of ${f.runs}; no HubSpot call; ${fmt(f.leader.cpuMs)} ms CPU of this process (wall time grows when other processes share the cores)` },
    { section, name: `${f.engine}: one CSM's page, ${fmt(f.csm.customers)} companies (median)`, value: Number(f.csm.medianMs.toFixed(0)), unit: 'ms', target: '< 2,000 ms' },
    { section, name: `${f.engine}: leader's answer size`, value: f.leader.bytes, unit: 'bytes', target: '< 1,000,000 (hubspot.fetch)' },
  ]);
}

// `npx tsx src/bench/pages-bench.ts [companies]`: the step alone, on a demo portal served in this process.
if (require.main === module) {
  (async () => {
    const asOf = new Date('2026-11-01T00:00:00Z');
    const sandbox = await startSandbox({ port: 0, seed: (sink) => void generateDemoPortal({ companies: Number(process.argv[2] ?? 10_000), seed: 42, asOf }, sink) });
    try {
      await benchPages({ sandboxUrl: sandbox.url, asOf, postgresUrl: benchPostgresUrl() });
    } finally {
      await sandbox.close();
    }
  })().catch((error: unknown) => {
    console.error(`pages bench: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
