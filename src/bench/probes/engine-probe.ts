import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { assessCustomer } from '../../domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG as config } from '../../domain/config/engine-config';
import type { Customer } from '../../domain/customer';
import { createHubSpotGateway, readCustomerPages, readPortalContext } from '../../hubspot';
import { answer, fail, memoryNow, probeArgs } from './probe-output';

/**
 * The engine's speed and memory on one core, in its own process: the peak is the kernel's
 * high-water mark (`maxRSS`), so synchronous scoring cannot hide it from a timer that never fires.
 * Companies are deep copies of 2,000 real demo customers with fresh ids ({@link copyAsRead}: with the
 * object shapes the reader gave them), made 200 at a time and dropped once scored, as the sync streams them; only scoring is timed. The copies are young while
 * their batch is scored, as a page just read is during the sync, so a scavenge in the timed loop
 * copies them and is counted; the main thread's GC pauses inside the timed loop are reported beside
 * the figure (perf_hooks gc entries) so the collector's share is visible. The bench runs this probe
 * bundled by esbuild as the shipped CLI is (`runBundledProbe`). Customers as the reader makes them
 * and as the sync scores them: `engine-read-probe.ts`.
 */
const args = probeArgs(z.object({ url: z.string(), companies: z.number().int().positive(), asOf: z.string() }).parse);
const asOf = new Date(args.asOf);
const BATCH = 200;
/** The 2,000 customers the copies are made of, read first. */
const sample: Customer[] = [];

async function main() {
  const gateway = createHubSpotGateway({ basePath: args.url, budget: { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 } });
  const context = await readPortalContext(gateway);
  for await (const page of readCustomerPages(gateway, context, config.mapping)) {
    sample.push(...page.customers);
    if (sample.length >= 2_000) break;
  }
  // One copy of each first, so the copies' fields settle (V8 generalises a field once it is written) before the engine is warmed up.
  for (const customer of sample) copyAsRead(customer);
  for (let i = 0; i < 5_000; i++) assessCustomer(sample[i % sample.length], config, asOf); // warm-up
  const before = memoryNow();
  // Copies are made 200 at a time outside the timed part. CPU time (getrusage) is what "one core"
  // means on a shared machine: wall time also counts the time other processes held the core. It is
  // process-wide, so V8's background GC threads count too (forcing a GC between batches made the
  // figure worse, not cleaner: its sweeping ran on into the timed loop).
  let cpuMicros = 0;
  let wallNanos = 0n;
  const timed: [number, number][] = [];
  const pauses: { at: number; ms: number }[] = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  for (let done = 0; done < args.companies; ) {
    const batch: Customer[] = [];
    for (; batch.length < BATCH && done + batch.length < args.companies; ) batch.push({ ...copyAsRead(sample[(done + batch.length) % sample.length]), id: String(done + batch.length + 1) });
    const cpu = process.cpuUsage();
    const wall = process.hrtime.bigint();
    const from = performance.now();
    for (const customer of batch) assessCustomer(customer, config, asOf);
    timed.push([from, performance.now()]);
    wallNanos += process.hrtime.bigint() - wall;
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    done += batch.length;
  }
  await sleep(100); // the observer hears of the loop's collections only once the loop has yielded
  gcObserver.disconnect();
  const inTimed = pauses.filter((p) => timed.some(([from, to]) => p.at >= from && p.at < to));
  const gcPauseSeconds = inTimed.reduce((sum, p) => sum + p.ms, 0) / 1000;
  const seconds = Number(wallNanos) / 1e9;
  const cpuSeconds = cpuMicros / 1e6;
  const scoring = memoryNow();
  await gateway.close();
  answer({ companies: args.companies, seconds, cpuSeconds, perSecond: args.companies / seconds, perCpuSecond: args.companies / cpuSeconds, gcPauses: inTimed.length, gcPauseSeconds, rssBeforeMb: before.rssMb, maxRssBeforeMb: before.maxRssMb, ...scoring });
}

/**
 * A deep copy that keeps each object's hidden class (V8 map): spreading an object copies it with its
 * map, and its fields are then replaced in place. The engine's speed depends on those shapes (how
 * many a property access meets, whether fields sit in the object), so the copies must have the
 * reader's: structuredClone rebuilds every object with maps the reader never makes (four fields in
 * the object, the rest in a side array, shared by every customer), which made the customers look
 * uniform when the reader's were not.
 */
function copyAsRead<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyAsRead) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy = { ...value } as Record<string, unknown>;
  for (const key in copy) {
    const field = copy[key];
    if (field !== null && typeof field === 'object') copy[key] = copyAsRead(field);
  }
  return copy as T;
}

main().catch(fail);
