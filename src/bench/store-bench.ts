import type { BenchFigure } from './bench-report';
import { performance } from 'node:perf_hooks';
import type { CompanySnapshot, Store } from '../store/store';
import { benchPostgresUrl, onEachBenchStore } from './bench-databases';
import { fmt } from './measure';

export interface StoreBenchFigures {
  engine: Store['engine'];
  companies: number;
  /** Seconds to write one day's snapshot of every company (the issue asks under 30 s on PostgreSQL). */
  writeSeconds: number;
  /** Milliseconds to read one company's 365-day history, median of the reads (the issue asks under 50 ms). */
  historyMedianMs: number;
  historyDays: number;
}

const DAY_MS = 86_400_000;
const dayAfter = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const snapshot = (companyId: string, day: string, i: number): CompanySnapshot => ({
  companyId, day, score: i % 101, band: i % 101 > 75 ? 'healthy' : i % 101 > 50 ? 'neutral' : 'at_risk', riskLevel: i % 3 === 0 ? 'high' : 'low', riskScore: (i * 7) % 100,
  components: { usage: i % 100, supportLoad: 60, resolution: null, sentiment: 70, commercial: 55, relationship: 80 }, override: null, settingsVersion: 1, modelVersion: 1,
});

/** Writes `companies` snapshots for one day, then 365 days for one company, and times a history read on the full table. */
async function benchOn(store: Store, companies: number, reads: number): Promise<StoreBenchFigures> {
  const rows = Array.from({ length: companies }, (_, i) => snapshot(String(100_000 + i), '2026-11-28', i));
  const t0 = performance.now();
  await store.snapshots.write(rows);
  const writeSeconds = (performance.now() - t0) / 1000;
  // A year of history for the companies read, on top of the day above: the read must find 365 rows among many.
  const history = Array.from({ length: 365 }, (_, d) => snapshot('100042', dayAfter('2025-11-29', d), d));
  await store.snapshots.write(history);
  const timings: number[] = [];
  let days = 0;
  for (let r = 0; r < reads; r += 1) {
    const t = performance.now();
    days = (await store.snapshots.history('100042', '2025-11-29', '2026-11-28')).length;
    timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  return { engine: store.engine, companies, writeSeconds, historyMedianMs: timings[Math.floor(timings.length / 2)]!, historyDays: days };
}

/**
 * The store's scale figures on the embedded engine and, when `postgresUrl` answers, on PostgreSQL
 * (in a database of its own, dropped afterwards). Printed and returned.
 *
 * @example
 * await benchStore({ companies: 100_000, postgresUrl: 'postgres://postgres@127.0.0.1:5432/test' })
 * // prints: postgres: 100,000 snapshots written in 6.1 s; 365-day history read in 1.2 ms (median of 20)
 */
export async function benchStore(options: { companies?: number; postgresUrl?: string; reads?: number; log?: (line: string) => void } = {}): Promise<StoreBenchFigures[]> {
  const companies = options.companies ?? 100_000;
  const reads = options.reads ?? 20;
  const log = options.log ?? console.log;
  return onEachBenchStore(options.postgresUrl, log, async (store) => {
    const f = await benchOn(store, companies, reads);
    log(`${f.engine}: ${fmt(f.companies)} snapshots written in ${fmt(f.writeSeconds, 1)} s; ${f.historyDays}-day history read in ${fmt(f.historyMedianMs, 1)} ms (median of ${reads})`);
    return f;
  });
}

if (require.main === module) {
  benchStore({ companies: Number(process.argv[2] ?? 100_000), postgresUrl: benchPostgresUrl() }).catch((error: unknown) => {
    console.error(`store bench: ${(error as Error).message}`);
    process.exitCode = 1;
  });
}

/** The `npm run bench` step: the figures above, judged against the targets. */
export async function benchFigures(): Promise<BenchFigure[]> {
  const figures = await benchStore({ companies: 100_000, postgresUrl: benchPostgresUrl(), log: () => undefined }).catch(() => benchStore({ companies: 100_000, log: () => undefined }));
  return figures.flatMap((f) => [
    { section: 'store', name: `${f.engine}: ${fmt(f.companies)} daily snapshots written`, value: Number(f.writeSeconds.toFixed(2)), unit: 's', target: '< 30 s' },
    { section: 'store', name: `${f.engine}: one company's ${f.historyDays}-day history read (median)`, value: Number(f.historyMedianMs.toFixed(1)), unit: 'ms', target: '< 50 ms' },
  ]);
}
