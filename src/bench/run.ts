import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { customerHealthCard } from '../app/cards/customer-health-handler';
import { cachedPortalContext } from '../app/card-dependencies';
import { assessCustomer } from '../domain/assessment/assess-customer';
import { companyPropertyValues } from '../domain/assessment/company-property-values';
import { DEFAULT_ENGINE_CONFIG as config } from '../domain/config/engine-config';
import type { Customer } from '../domain/customer';
import { createHubSpotGateway, ensureCsProperties, readCustomerNaively, readCustomerPages, readPortalContext, type HubSpotGateway } from '../hubspot';
import { runFullSync } from '../sync/full-sync';
import { loadChurnModel } from '../sync/model-store';
import { recomputeCompanies } from '../sync/recompute-companies';
import { fmt, secondsAtBudget, withPeakMemory } from './measure';

/**
 * `npm run bench`: the product's sync against a naive per-company reader on the same demo portal,
 * the cost of one card render and one incremental recompute, and the engine's scoring speed.
 * The sandbox runs in its own process so the memory figures are the sync's alone.
 */
const options = new Command()
  .option('--companies <n>', 'demo companies in the portal', '10000')
  .option('--naive-companies <n>', 'companies the naive reader reads (it costs ~21 calls each)', '300')
  .option('--engine-companies <n>', 'synthetic companies the engine scores', '100000')
  .parse(process.argv)
  .opts<{ companies: string; naiveCompanies: string; engineCompanies: string }>();

const asOf = new Date('2026-11-01T00:00:00Z');
const unlimited = { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 };

async function startSandboxProcess(companies: number, port: number, extra: string[] = []): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(__dirname, '../cli/cs-health.js'), 'sandbox', '--data', 'demo', '--companies', String(companies), '--seed', '42', '--as-of', asOf.toISOString(), '--port', String(port), ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const gatewayFor = (url: string) => createHubSpotGateway({ basePath: url, budget: unlimited });

async function measureSync(url: string, companies: number) {
  const gateway = gatewayFor(url);
  await ensureCsProperties(gateway);
  const setupCalls = gateway.totalCalls();
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const started = Date.now();
  const { result: summary, peakRssMb, peakHeapMb } = await withPeakMemory(() =>
    runFullSync({ gateway, config, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'bench', now: () => asOf }),
  );
  const calls = gateway.totalCalls() - setupCalls;
  await gateway.close();
  return { summary, calls, perCompany: calls / companies, seconds: (Date.now() - started) / 1000, peakRssMb, peakHeapMb, modelPath: join(dir, 'm.json') };
}

async function measureNaive(url: string, count: number, modelPath: string) {
  const gateway = gatewayFor(url);
  const context = await readPortalContext(gateway);
  const model = loadChurnModel(modelPath);
  const started = Date.now();
  let mismatches = 0;
  const product = gatewayFor(url);
  const { peakRssMb } = await withPeakMemory(async () => {
    for (let id = 1001; id < 1001 + count; id++) {
      const customer = await readCustomerNaively(gateway, context, config.mapping, String(id));
      const values = companyPropertyValues(assessCustomer(customer, config, asOf, model));
      // The naive reader would PATCH here (one call per company, counted below); the product already wrote, so compare instead.
      const stored = await product.call('verify', (client) => client.crm.objects.basicApi.getById('companies', String(id), [Object.keys(values).join(',')]));
      for (const [name, value] of Object.entries(values)) if ((stored.properties[name] || null) !== value) mismatches += 1;
    }
  });
  const calls = gateway.totalCalls() + count;
  await gateway.close();
  await product.close();
  return { calls, perCompany: calls / count, seconds: (Date.now() - started) / 1000, peakRssMb, mismatches };
}

async function measureRoundTrips(latencyMs: number) {
  const sandbox = await startSandboxProcess(50, 0, ['--fault-latency', '1', '--fault-latency-ms', String(latencyMs)]);
  try {
    const gateway = gatewayFor(sandbox.url);
    await ensureCsProperties(gateway);
    const portalContext = cachedPortalContext(gateway);
    await portalContext();
    const time = async (run: () => Promise<unknown>) => {
      const calls = gateway.totalCalls();
      const started = Date.now();
      await run();
      // Each sequential round-trip waits the injected latency once; local work adds well under one.
      return { calls: gateway.totalCalls() - calls, roundTrips: Math.floor((Date.now() - started) / latencyMs) };
    };
    const card = await time(() => customerHealthCard({ gateway, config, now: () => asOf, portalContext }, { recordId: '1001' }, {}));
    const context = await portalContext();
    const incremental = await time(() => recomputeCompanies(gateway, config, ['1002'], asOf, { context }));
    await gateway.close();
    return { card, incremental };
  } finally {
    sandbox.stop();
  }
}

async function measureEngine(url: string, target: number) {
  const gateway: HubSpotGateway = gatewayFor(url);
  const context = await readPortalContext(gateway);
  const sample: Customer[] = [];
  for await (const page of readCustomerPages(gateway, context, config.mapping)) {
    sample.push(...page.customers);
    if (sample.length >= 2000) break;
  }
  await gateway.close();
  for (let i = 0; i < 5_000; i++) assessCustomer(sample[i % sample.length], config, asOf); // warm-up
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  // 100,000 companies with their own histories, made one at a time (deep copies of real demo
  // customers with fresh ids) and dropped once scored, as the sync streams them; only scoring is timed.
  const { result: seconds, peakRssMb } = await withPeakMemory(async () => {
    let spent = 0n;
    for (let i = 0; i < target; i++) {
      const customer = { ...structuredClone(sample[i % sample.length]), id: String(i + 1) };
      const started = process.hrtime.bigint();
      assessCustomer(customer, config, asOf);
      spent += process.hrtime.bigint() - started;
    }
    return Number(spent) / 1e9;
  });
  return { companies: target, perSecond: target / seconds, seconds, peakRssMb, baselineRssMb };
}

async function main() {
  const companies = Number(options.companies);
  const naiveCount = Math.min(Number(options.naiveCompanies), companies);
  console.log(`cs-health benchmark: ${fmt(companies)} demo companies (seed 42), as of ${asOf.toISOString().slice(0, 10)}, node ${process.version}`);
  const sandbox = await startSandboxProcess(companies, 0);
  try {
    const sync = await measureSync(sandbox.url, companies);
    const naive = await measureNaive(sandbox.url, naiveCount, sync.modelPath);
    const engine = await measureEngine(sandbox.url, Number(options.engineCompanies));
    const trips = await measureRoundTrips(150);
    const at100k = sync.perCompany * 100_000;
    const rows = [
      ['', 'product sync', `naive reader (${fmt(naiveCount)} companies)`],
      ['API calls, total', fmt(sync.calls), fmt(naive.calls)],
      ['API calls per company', fmt(sync.perCompany, 3), fmt(naive.perCompany, 1)],
      ['time those calls cost at 190 req/10 s, per 10,000 companies', `${fmt(secondsAtBudget(sync.perCompany * 10_000) / 60, 1)} min`, `${fmt(secondsAtBudget(naive.perCompany * 10_000) / 60, 1)} min`],
      ['local wall time (sandbox on loopback)', `${fmt(sync.seconds, 1)} s`, `${fmt(naive.seconds, 1)} s`],
      ['peak RSS of the syncing process', `${fmt(sync.peakRssMb)} MB`, `${fmt(naive.peakRssMb)} MB`],
    ];
    console.log('\n' + rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
    console.log(`\nfewer calls than the naive reader: ${fmt(naive.perCompany / sync.perCompany, 1)}x; properties that differ between the two: ${naive.mismatches}`);
    console.log(`churn model: ${sync.summary.churnModel.kind === 'fitted' ? `fitted, held-out AUC ${sync.summary.churnModel.auc?.toFixed(3)}` : sync.summary.churnModel.note}`);
    console.log(`100,000 companies: ~${fmt(at100k)} calls = ${fmt((at100k / 1_000_000) * 100, 2)} % of an Enterprise daily limit (1M), ${fmt(secondsAtBudget(at100k) / 60, 1)} min at 190 req/10 s`);
    console.log(`one card render: ${trips.card.calls} calls in ${trips.card.roundTrips} sequential round-trips; one incremental recompute: ${trips.incremental.calls} calls in ${trips.incremental.roundTrips} round-trips (portal context cached)`);
    console.log(`engine: ${fmt(engine.companies)} companies scored in ${fmt(engine.seconds, 2)} s = ${fmt(engine.perSecond)} companies/s on one core; peak RSS ${fmt(engine.peakRssMb)} MB, of which ${fmt(engine.baselineRssMb)} MB before scoring (node, tsx, the loaded modules and the 2,000 sample customers)`);
  } finally {
    sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
