import { performance } from 'node:perf_hooks';
import { ScoringClock } from '../../src/bench/probes/scoring-clock';

/** Work the clock can see: a few milliseconds of arithmetic. */
function busy(ms: number): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until) x += Math.sqrt(x + 1);
  return x;
}

describe('the scoring clock', () => {
  it('adds up the timed loops on its three clocks', () => {
    const clock = new ScoringClock();
    clock.time(100, () => busy(20));
    clock.time(50, () => busy(20));
    const totals = clock.totals();
    expect([totals.companies, totals.loops]).toEqual([150, 2]);
    // 150 companies in about 40 ms of wall time: well under 150 / 0.04 per second on every clock.
    expect(totals.perWallSecond).toBeLessThan(150 / 0.035);
    expect(totals.perProcessCpuSecond).toBeGreaterThan(0);
    if (process.platform === 'linux') expect(totals.perThreadCpuSecond).toBeGreaterThan(0);
  });

  it('counts only the GC pauses that began inside a timed loop', () => {
    const clock = new ScoringClock();
    const before = performance.now();
    clock.time(1, () => busy(10));
    const after = performance.now();
    const pauses = [
      { at: before - 5, ms: 3 },
      { at: (before + after) / 2, ms: 2 },
      { at: after + 50, ms: 7 },
    ];
    expect(clock.totals(pauses)).toMatchObject({ gcPauses: 1, gcPauseSeconds: 0.002 });
  });
});
