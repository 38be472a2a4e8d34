import type { BenchFigure } from './bench-report';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { bundleAppFunction } from '../build/bundle-app-function';
import { FUNCTIONS } from '../build/hubspot-project-definition';
import { fmt, median } from './measure';

export interface BundleFigures {
  function: string;
  variant: 'shipped (fetch client, minified)' | 'with @hubspot/api-client';
  bytes: number;
  /** Median over `runs` fresh node processes: time to `require` the bundle. */
  loadMs: number;
  /** Median resident memory the load adds to a fresh node process. */
  loadRssMb: number;
}

/**
 * One cold load in a fresh node process, as HubSpot's executor loads a function (`require`):
 * the time the require takes and the resident memory it adds.
 */
function coldLoad(file: string): { ms: number; rssMb: number } {
  const script = `const before = process.memoryUsage().rss; const t = process.hrtime.bigint(); const m = require(${JSON.stringify(file)}); const ms = Number(process.hrtime.bigint() - t) / 1e6; if (typeof m.main !== 'function') throw new Error('no main'); console.log(JSON.stringify({ ms, rssMb: (process.memoryUsage().rss - before) / 2 ** 20 }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/**
 * Bundles every app function twice (as shipped, and with the api-client it replaced) and measures
 * each bundle's size and cold load. Returns the figures; `npm run bench` can print them.
 */
export function measureFunctionBundles(options: { root?: string; runs?: number } = {}): BundleFigures[] {
  const root = options.root ?? resolve(__dirname, '../..');
  const runs = options.runs ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'cs-fn-bench-'));
  const figures: BundleFigures[] = [];
  for (const fn of FUNCTIONS) {
    const entry = join(root, 'functions', `${fn.file}.ts`);
    const shipped = join(dir, `${fn.file}.js`);
    const errors = bundleAppFunction({ root, entry, outfile: shipped });
    if (errors.length) throw new Error(`functions/${fn.file}.ts: ${errors.join('; ')}`);
    const withSdk = join(dir, `${fn.file}.api-client.js`);
    buildSync({ entryPoints: [entry], outfile: withSdk, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', legalComments: 'none' });
    for (const [variant, file] of [['shipped (fetch client, minified)', shipped], ['with @hubspot/api-client', withSdk]] as const) {
      const loads = Array.from({ length: runs }, () => coldLoad(file));
      figures.push({ function: fn.uid, variant, bytes: statSync(file).size, loadMs: median(loads.map((l) => l.ms)), loadRssMb: median(loads.map((l) => l.rssMb)) });
    }
  }
  return figures;
}

/** The figures as the README's performance table. */
export function formatFunctionBundles(figures: BundleFigures[]): string {
  const rows = figures.map((f) => `| ${f.function} | ${f.variant} | ${fmt(f.bytes / 1024)} KB | ${fmt(f.loadMs)} ms | ${fmt(f.loadRssMb, 1)} MB |`);
  return ['| function | bundle | size | cold load | memory added |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** The `npm run bench` step: each function's shipped bundle beside the api-client bundle it replaced. */
export async function benchFigures(): Promise<BenchFigure[]> {
  const figures = measureFunctionBundles();
  return figures
    .filter((f) => f.variant !== 'with @hubspot/api-client')
    .flatMap((f) => {
      const sdk = figures.find((g) => g.function === f.function && g.variant === 'with @hubspot/api-client');
      return [
        { section: 'functions', name: `${f.function}: bundle size`, value: Math.round(f.bytes / 1024), unit: 'KB', naive: sdk && Math.round(sdk.bytes / 1024), target: '<= 1024 KB', note: 'naive = the same function bundled with @hubspot/api-client' },
        { section: 'functions', name: `${f.function}: cold load (median of 5 fresh processes)`, value: Math.round(f.loadMs), unit: 'ms', naive: sdk && Math.round(sdk.loadMs), target: '<= 150 ms' },
        { section: 'functions', name: `${f.function}: memory the load adds`, value: Number(f.loadRssMb.toFixed(1)), unit: 'MB', naive: sdk && Number(sdk.loadRssMb.toFixed(1)), target: '<= 40 MB' },
      ];
    });
}

if (require.main === module) console.log(formatFunctionBundles(measureFunctionBundles()));
