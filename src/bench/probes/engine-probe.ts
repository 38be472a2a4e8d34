import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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
 * bundled by esbuild as the shipped CLI is (`runBundledProbe`).
 */
const args = probeArgs(z.object({ url: z.string(), companies: z.number().int().positive(), asOf: z.string(), asRead: z.number().int().nonnegative().default(0) }).parse);
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
  const scoring = memoryNow(); // the copies' peak, before the as-read part holds a whole portal
  const asRead = await scoreAsRead(gateway, context);
  await gateway.close();
  answer({ companies: args.companies, seconds, cpuSeconds, perSecond: args.companies / seconds, perCpuSecond: args.companies / cpuSeconds, gcPauses: inTimed.length, gcPauseSeconds, rssBeforeMb: before.rssMb, maxRssBeforeMb: before.maxRssMb, ...scoring, ...asRead });
}

/**
 * The engine on customers straight from the reader, each scored once, as the sync scores them: up
 * to `asRead` companies read after the 2,000 of the sample (the engine is warm by now). Nothing
 * else runs while they are scored: they are all read first and a full collection is made and let
 * finish, so neither the reading's CPU nor its collector's background threads are counted. These
 * objects sit where the reader and the collector left them, and each is touched for the first time:
 * the copies above are packed together and young. In trials this ran at about half the copies'
 * speed, and a second pass over the same objects near the copies' speed: the gap is the first touch
 * of scattered objects, not the arithmetic. A sync scores each page right after reading it, while it
 * is still in cache, so its engine speed lies between the two. Both are reported so neither hides
 * the other.
 */
async function scoreAsRead(gateway: ReturnType<typeof createHubSpotGateway>, context: Awaited<ReturnType<typeof readPortalContext>>) {
  if (args.asRead === 0) return {};
  const customers: Customer[] = [];
  let seen = 0;
  for await (const page of readCustomerPages(gateway, context, config.mapping)) {
    for (const customer of page.customers) if (seen++ >= sample.length && customers.length < args.asRead) customers.push(customer);
    if (customers.length >= args.asRead) break;
  }
  if (customers.length === 0) return {};
  setFlagsFromString('--expose-gc'); // a context made after this has gc(); this process's own global does not
  (runInNewContext('gc') as () => void)();
  await sleep(500);
  const cpu = process.cpuUsage();
  for (const customer of customers) assessCustomer(customer, config, asOf);
  const used = process.cpuUsage(cpu);
  return { asReadCompanies: customers.length, asReadPerCpuSecond: customers.length / ((used.user + used.system) / 1e6) };
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
