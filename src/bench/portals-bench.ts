import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createHubSpotGateway, ensureCsProperties } from '../hubspot';
import { queueSchemaOf, storeSchemaOf } from '../portals/portal-id';
import type { PortalRegistryInput } from '../portals/portal-registry';
import type { BenchFigure } from './bench-report';
import { fmt, secondsAtBudget } from './measure';
import type { BenchContext } from './optional-steps';
import { portalSize, readFloor, writeFloor } from './portal-floor';
import { runBundledProbe } from './probes/run-probe';
import { spawnSandbox, type SandboxProcess } from './sandbox-process';

/**
 * `npx tsx src/bench/portals-bench.ts` (and a step of `npm run bench`): one worker process syncing
 * PORTALS_BENCH_PORTALS portals (default 10) of PORTALS_BENCH_COMPANIES demo companies (default
 * 10,000) at once, each portal its own sandbox process with its own token and HubSpot's
 * Professional limits, and the worker pacing each to its own 190 calls / 10 s. Stores are a
 * PostgreSQL schema per portal when a server answers at CS_HEALTH_TEST_DATABASE_URL (else a PGlite
 * folder each). Figures: the total time, calls per portal beside the floor, each portal's finish
 * time (fastest, slowest: the fairness), and the worker's peak RSS.
 */
const PORTALS = Number(process.env.PORTALS_BENCH_PORTALS ?? 10);
// The issue's size (10 x 10,000); PORTALS_BENCH_COMPANIES=2000 for a quicker look.
const COMPANIES = Number(process.env.PORTALS_BENCH_COMPANIES ?? 10_000);
const DATABASE_URL = process.env.CS_HEALTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TIER = 'professional';
const PER_TEN_SECONDS = 190;

interface PortalsProbe {
  finishedMs: Record<string, number>;
  calls: Record<string, number>;
  totalMs: number;
  /** The worker's own CPU (user + system) from the first send to the last finish. */
  cpuSeconds: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

async function postgres(sql?: string): Promise<boolean> {
  const client = new Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    if (sql) await client.query(sql);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function benchFigures(context?: Pick<BenchContext, 'asOf'>): Promise<BenchFigure[]> {
  const asOf = context?.asOf ?? new Date('2026-11-01T00:00:00Z');
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-portals-'));
  const ids = Array.from({ length: PORTALS }, (_, i) => `bench_${i + 1}`);
  const dropSchemas = ids.map((id) => `DROP SCHEMA IF EXISTS ${storeSchemaOf(id)} CASCADE; DROP SCHEMA IF EXISTS ${queueSchemaOf(id)} CASCADE;`).join(' ');
  const onPostgres = await postgres(dropSchemas);
  const sandboxes: SandboxProcess[] = [];
  try {
    const registry: PortalRegistryInput = { portals: [] };
    for (const [i, id] of ids.entries()) {
      const token = `bench-token-${id}`;
      const sandbox = await spawnSandbox(['--data', 'demo', '--companies', String(COMPANIES), '--seed', String(100 + i), '--as-of', asOf.toISOString(), '--token', token, '--hubspot-limits', TIER]);
      sandboxes.push(sandbox);
      // Set-up is its own step (cs-health setup), not part of the sync being measured.
      const setup = createHubSpotGateway({ basePath: sandbox.url, accessToken: token, budget: { perTenSeconds: PER_TEN_SECONDS } });
      await ensureCsProperties(setup);
      await setup.close();
      const tokenFile = join(dir, `${id}.token`);
      writeFileSync(tokenFile, token, { mode: 0o600 });
      registry.portals.push({ id, baseUrl: sandbox.url, token: { file: tokenFile }, tier: TIER });
    }
    const sizes = await Promise.all(sandboxes.map((sandbox) => portalSize(sandbox.url)));
    const loadBefore = loadavg()[0]!;
    const probe = await runBundledProbe<PortalsProbe>('portals-probe', { registry, storage: onPostgres ? { databaseUrl: DATABASE_URL } : { dataDir: join(dir, 'db') }, stateDir: join(dir, 'state'), asOf: asOf.toISOString() });

    const finish = ids.map((id) => probe.finishedMs[id]! / 1000);
    const calls = ids.map((id) => probe.calls[id]!);
    // Every company is new to its portal, so each is written once: the floor is its reads plus one write per 100 companies.
    const floors = sizes.map((size) => readFloor(size) + writeFloor(size.companies));
    const slowestFloor = Math.max(...calls.map((c) => secondsAtBudget(c, PER_TEN_SECONDS)));
    const fastest = Math.min(...finish);
    const slowest = Math.max(...finish);
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const section = `Many portals: ${PORTALS} x ${fmt(COMPANIES)} companies, one worker`;
    const load = `load average ${fmt(loadBefore, 1)} before, ${fmt(loadavg()[0]!, 1)} after, on ${cpus().length} cores`;
    const basis = `${load}; each portal its own sandbox process (HubSpot Professional limits) and token, paced to ${PER_TEN_SECONDS} calls / 10 s; stores a ${onPostgres ? 'PostgreSQL schema' : 'PGlite folder'} each; all full syncs sent at once`;
    return [
      { section, name: 'total time, all portals synced', value: probe.totalMs / 1000, unit: 's', floor: slowestFloor, note: `floor = the busiest portal's calls at its own budget (the portals run side by side); ${basis}` },
      { section, name: 'API calls per portal (mean)', value: mean(calls), unit: 'calls', floor: mean(floors), note: `per portal: ${calls.map((c) => fmt(c)).join(', ')}; ${fmt(mean(calls) / mean(floors), 3)}x the floor` },
      { section, name: 'finish time, fastest portal', value: fastest, unit: 's', floor: secondsAtBudget(Math.min(...calls), PER_TEN_SECONDS) },
      { section, name: 'finish time, slowest portal', value: slowest, unit: 's', floor: secondsAtBudget(Math.max(...calls), PER_TEN_SECONDS), note: `each portal: ${finish.map((s) => fmt(s, 1)).join(', ')} s` },
      { section, name: 'fairness: slowest / fastest finish', value: slowest / fastest, unit: 'x', floor: Math.max(...calls) / Math.min(...calls), note: 'floor = the ratio of the portals\' own call counts (what their budgets alone would give)' },
      {
        section,
        name: 'CPU time of the worker',
        value: probe.cpuSeconds,
        unit: 's',
        note: `${fmt(probe.cpuSeconds / PORTALS, 1)} s a portal, ${fmt((probe.cpuSeconds / (probe.totalMs / 1000)) * 100)} % of one core over the run; on a core of its own the run is bound by ${probe.cpuSeconds > slowestFloor ? `the worker's CPU (${fmt(probe.cpuSeconds)} s, past the budgets' ${fmt(slowestFloor)} s): more portals per process need a second worker` : `the portals' budgets (${fmt(slowestFloor)} s; the worker's CPU is ${fmt(probe.cpuSeconds)} s)`} (${load})`,
      },
      { section, name: 'peak RSS of the worker', value: probe.maxRssMb, unit: 'MB', note: `the worker process's own kernel high-water mark (VmHWM), every portal's full sync running at once (each keeps its results until the sync streams them); --max-full-syncs N bounds it; ${fmt(probe.rssBeforeMb)} MB of it is node and the bundled modules before the portals start` },
      { section, name: 'peak RSS of one sandbox (largest)', value: Math.max(...sandboxes.map((s) => s.peakRssMb() ?? Number.NaN)), unit: 'MB', note: 'a separate process, not part of the product' },
    ];
  } finally {
    await Promise.all(sandboxes.map((sandbox) => sandbox.stop()));
    if (onPostgres) await postgres(dropSchemas);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const started = Date.now();
  const figures = await benchFigures();
  for (const figure of figures) console.log(`${figure.name.padEnd(40)} ${fmt(figure.value, 2).padStart(10)} ${figure.unit}${figure.floor === undefined ? '' : `   (floor ${fmt(figure.floor, 2)})`}${figure.note ? `   ${figure.note}` : ''}`);
  console.log(`(the step took ${fmt((Date.now() - started) / 1000)} s in all)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
