import { readFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Three clocks over the same synchronous scoring loops, because node 20 has no per-thread CPU time
 * and each other clock counts something else:
 * - main-thread CPU: the kernel's run time of this thread alone (`/proc/thread-self/schedstat`, in
 *   nanoseconds): the engine and the GC pauses it causes on the main thread, not V8's background
 *   GC threads (whose concurrent marking and sweeping the reader's allocations may have started);
 * - process CPU (`process.cpuUsage`, user + system): those background threads included;
 * - wall time: also the time other processes held the core (2 shared cores on the bench machine).
 */
export class ScoringClock {
  private companies = 0;
  private threadNanos = 0;
  private processMicros = 0;
  private wallNanos = 0n;
  private readonly intervals: [number, number][] = [];

  time<T>(companies: number, score: () => T): T {
    const from = performance.now();
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const thread = threadCpuNanos();
    const result = score();
    const threadAfter = threadCpuNanos();
    const used = process.cpuUsage(cpu);
    this.wallNanos += process.hrtime.bigint() - wall;
    this.intervals.push([from, performance.now()]);
    this.threadNanos += threadAfter === undefined || thread === undefined ? Number.NaN : threadAfter - thread;
    this.processMicros += used.user + used.system;
    this.companies += companies;
    return result;
  }

  /** Rates per second of each clock, and the main thread's GC pauses that fell inside the timed loops. */
  totals(pauses: readonly GcPause[] = []): ScoringTotals {
    const inside = pauses.filter((p) => this.intervals.some(([from, to]) => p.at >= from && p.at < to));
    const perSecond = (seconds: number) => (seconds > 0 ? this.companies / seconds : Number.NaN);
    return {
      companies: this.companies,
      loops: this.intervals.length,
      perThreadCpuSecond: perSecond(this.threadNanos / 1e9),
      perProcessCpuSecond: perSecond(this.processMicros / 1e6),
      perWallSecond: perSecond(Number(this.wallNanos) / 1e9),
      gcPauses: inside.length,
      gcPauseSeconds: inside.reduce((sum, p) => sum + p.ms, 0) / 1000,
    };
  }
}

export interface ScoringTotals {
  companies: number;
  loops: number;
  /** NaN where the kernel gives no per-thread run time (not Linux). */
  perThreadCpuSecond: number;
  perProcessCpuSecond: number;
  perWallSecond: number;
  gcPauses: number;
  gcPauseSeconds: number;
}

export interface GcPause {
  at: number;
  ms: number;
}

/** Records the main thread's GC pauses (perf_hooks) until the returned function is awaited. */
export function observeGcPauses(): () => Promise<GcPause[]> {
  const pauses: GcPause[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push({ at: entry.startTime, ms: entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return async () => {
    await sleep(100); // the observer hears of a loop's collections only once the loop has yielded
    observer.disconnect();
    return pauses;
  };
}

/** This thread's time on a CPU so far (Linux: first field of schedstat, ns); undefined elsewhere. */
function threadCpuNanos(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}
