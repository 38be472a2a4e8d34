import { spreadOf, trendOf, type Trend } from './peak-trend';

/** What one measured full sync tells about its portal's size. */
export interface MeasuredSync {
  companies: number;
  /** API calls of the whole sync. */
  calls: number;
  /** The fewest calls any sync of that portal could make (see portal-floor.ts). */
  floorCalls: number;
  /** The syncing process's own peak RSS, MB. */
  peakRssMb: number;
  /** The sync's live heap once every page is read (after a full collection), MB, when measured. */
  liveAfterReadMb?: number;
  /** The sandbox's peak RSS while serving the portal, MB. */
  sandboxPeakRssMb: number;
  /** Peak RSS of each phase of the run (setup, reading, fitting, writing, statements), MB, where the kernel lets it be cut. */
  phasePeaksMb?: Record<string, number>;
  /** Peak RSS of each assembly of pages read, in order, MB (the reading phase cut finer). */
  assemblyPeaksMb?: number[];
}

/** How the larger run's reading peaks moved along its length: the basis of the reading phase's estimate. */
export interface ReadingTrend extends Trend {
  /** The slope and its interval in MB per 100,000 companies read. */
  per100kMb: { slope: number; low: number; high: number };
  /** The highest and the median assembly peak of the larger run (all of it), MB; the trend is its second half's. */
  highestMb: number;
  medianMb: number;
}

export interface Extrapolation {
  companies: number;
  calls: number;
  floorCalls: number;
  /** Calls that do not grow with the portal (context, setup checks), from the two-point line. */
  fixedCalls: number;
  callsPerCompany: number;
  peakRssMb: number;
  /** MB the sync's peak gains per 100,000 more companies, between the two measured sizes. */
  rssPer100kMb: number;
  /** The whole run's peak on the straight line through the two sizes (the basis when phases are not measured). */
  linePeakRssMb: number;
  /** How `peakRssMb` was reached: by phase (see extrapolate), or the two-point line. */
  peakBasis: 'phases' | 'line';
  /** Each phase's estimate at this size, MB, when the basis is by phase. */
  phasePeaksMb?: Record<string, number>;
  readingTrend?: ReadingTrend;
  /** The live heap once every page is read, on the same line, when both sizes measured it. */
  liveAfterReadMb?: number;
  liveAfterReadPer100kMb?: number;
  sandboxGb: number;
}

/**
 * A larger portal from two measured ones, by the straight line through them: calls and memory as
 * `a + b x companies`. Why a line: a full sync's reads are batched 100 objects a call across pages,
 * so calls grow with the objects, and the demo portal's objects per company do not depend on its
 * size; memory is bounded by design (one assembly of pages, a fixed-size lesson reservoir), so its
 * slope should be near zero, and the line says how far from zero it is. Two sizes are what make
 * this a measured basis rather than an assumption: with one, the fixed part is a guess.
 *
 * @example
 * extrapolate({ companies: 10_000, calls: 2_500, floorCalls: 2_400, peakRssMb: 250, sandboxPeakRssMb: 700 },
 *   { companies: 200_000, calls: 48_100, floorCalls: 47_000, peakRssMb: 270, sandboxPeakRssMb: 7_700 }, 1_000_000).calls; // 100 fixed + 0.24 each = 240,100
 */
export function extrapolate(small: MeasuredSync, large: MeasuredSync, companies: number): Extrapolation {
  if (!(large.companies > small.companies)) throw new Error(`extrapolate: the larger run (${large.companies} companies) must be larger than the smaller (${small.companies})`);
  const line = (y0: number, y1: number) => {
    const slope = (y1 - y0) / (large.companies - small.companies);
    return { slope, at: (n: number) => y1 + slope * (n - large.companies), intercept: y0 - slope * small.companies };
  };
  const calls = line(small.calls, large.calls);
  const floor = line(small.floorCalls, large.floorCalls);
  const rss = line(small.peakRssMb, large.peakRssMb);
  const sandbox = line(small.sandboxPeakRssMb, large.sandboxPeakRssMb);
  const byPhase = phaseEstimate(small, large, companies);
  const live = small.liveAfterReadMb !== undefined && large.liveAfterReadMb !== undefined ? line(small.liveAfterReadMb, large.liveAfterReadMb) : undefined;
  return {
    companies,
    calls: Math.round(calls.at(companies)),
    floorCalls: Math.round(floor.at(companies)),
    fixedCalls: Math.round(calls.intercept),
    callsPerCompany: calls.slope,
    peakRssMb: byPhase ? Math.max(...Object.values(byPhase.phases)) : rss.at(companies),
    rssPer100kMb: rss.slope * 100_000,
    linePeakRssMb: rss.at(companies),
    peakBasis: byPhase ? 'phases' : 'line',
    ...(byPhase ? { phasePeaksMb: byPhase.phases, readingTrend: byPhase.reading } : {}),
    ...(live ? { liveAfterReadMb: live.at(companies), liveAfterReadPer100kMb: live.slope * 100_000 } : {}),
    sandboxGb: sandbox.at(companies) / 1024,
  };
}

/**
 * The peak by phase, where both runs cut their peak into phases and the larger one into assemblies.
 * Why not the whole run's line: the peak is the highest of many segments, and most of it is garbage
 * between collections, so two whole-run peaks differ by the collector's run-to-run spread (+-20 MB
 * on one build) as much as by the portal, and a line through them reads that spread as growth per
 * company. By phase:
 * - reading, the phase that grows with the portal: the larger run's highest assembly peak, plus the
 *   trend of its assemblies' peaks along the second half of the run (least squares over companies
 *   read: 100 points at 200,000 rather than 2) carried to the larger portal at the upper end of its
 *   95 % interval, never below 0;
 * - every other phase (setup, fitting, writing, statements): the straight line through its peaks at
 *   the two sizes, as the whole run's was.
 */
function phaseEstimate(small: MeasuredSync, large: MeasuredSync, companies: number): { phases: Record<string, number>; reading: ReadingTrend } | undefined {
  const assemblies = large.assemblyPeaksMb ?? [];
  if (!small.phasePeaksMb || !large.phasePeaksMb || assemblies.length === 0) return undefined;
  const perAssembly = large.companies / assemblies.length;
  // The second half of the run: the first assemblies climb while what is bounded fills up (the
  // model's lesson reservoir, the heap's first limits), which a larger portal does not do again.
  const from = Math.floor(assemblies.length / 2);
  const tail = assemblies.slice(from);
  const trend = trendOf(tail.map((_, index) => (from + index + 1) * perAssembly), tail);
  if (!trend) return undefined;
  const { median: medianMb, highest: highestMb } = spreadOf(assemblies);
  const reading: ReadingTrend = {
    ...trend,
    per100kMb: { slope: trend.slope * 100_000, low: trend.low * 100_000, high: trend.high * 100_000 },
    highestMb,
    medianMb,
  };
  const phases: Record<string, number> = {};
  for (const [phase, largePeak] of Object.entries(large.phasePeaksMb)) {
    const smallPeak = small.phasePeaksMb[phase];
    if (phase === 'reading') phases.reading = highestMb + Math.max(0, trend.high) * Math.max(0, companies - large.companies);
    else if (smallPeak !== undefined) phases[phase] = largePeak + ((largePeak - smallPeak) / (large.companies - small.companies)) * (companies - large.companies);
  }
  return { phases, reading };
}
