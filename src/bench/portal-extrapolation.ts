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
  /** Peak RSS of each 1,000 companies written, in order, MB (the writing phase cut finer). */
  writingPeaksMb?: number[];
}

/** How a phase's segment peaks (the read's assemblies, the writes' thousands) moved along the larger run: the basis of that phase's estimate. */
export interface SegmentTrend extends Trend {
  /** The slope and its interval in MB per 100,000 companies of the portal. */
  per100kMb: { slope: number; low: number; high: number };
  /** The highest and the median segment peak of the larger run (all of the phase), MB; the trend is its second half's. */
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
  readingTrend?: SegmentTrend;
  /** The writing phase's own trend, when the larger run cut it finer (`writingPeaksMb`). */
  writingTrend?: SegmentTrend;
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
    ...(byPhase ? { phasePeaksMb: byPhase.phases, readingTrend: byPhase.reading, writingTrend: byPhase.writing } : {}),
    ...(live ? { liveAfterReadMb: live.at(companies), liveAfterReadPer100kMb: live.slope * 100_000 } : {}),
    sandboxGb: sandbox.at(companies) / 1024,
  };
}

/**
 * The peak by phase, where both runs cut their peak into phases and the larger one cut its read into assemblies.
 * Why not the whole run's line: the peak is the highest of many segments, and most of it is garbage
 * between collections, so two whole-run peaks differ by the collector's run-to-run spread (+-20 MB
 * on one build) as much as by the portal, and the highest of 200 segments sits above the highest of
 * 10 drawn from the same spread; a line through them reads both as growth per company. By phase:
 * - a phase cut into segments (the read per assembly of pages, the writes per 1,000 companies
 *   written): the larger run's highest segment, plus the trend of its segments' peaks along the
 *   second half of the phase (least squares over the portal's companies: 100 points at 200,000
 *   rather than 2) carried to the larger portal at the upper end of its 95 % interval, never below 0;
 * - a phase that is one segment (the fit, the statements): the larger run's peak plus the read's
 *   trend carried the same way. What they hold is bounded by design (the lesson reservoir is full
 *   at 200,000; the statements stream 250 records at a time), so what could make them larger is the
 *   process's state after a longer read, which the read's trend bounds. At 10,000 the reservoir is
 *   not yet full and the writes are short, which is why their two-point lines climb;
 * - setup, before anything is read: the larger run's.
 */
function phaseEstimate(small: MeasuredSync, large: MeasuredSync, companies: number): { phases: Record<string, number>; reading: SegmentTrend; writing?: SegmentTrend } | undefined {
  if (!small.phasePeaksMb || !large.phasePeaksMb) return undefined;
  const reading = segmentTrend(large.assemblyPeaksMb ?? [], large.companies);
  if (!reading) return undefined;
  const writing = segmentTrend(large.writingPeaksMb ?? [], large.companies);
  const more = Math.max(0, companies - large.companies);
  const carried = (trend: SegmentTrend, highest: number) => highest + Math.max(0, trend.high) * more;
  const phases: Record<string, number> = {};
  for (const [phase, largePeak] of Object.entries(large.phasePeaksMb)) {
    if (phase === 'reading') phases.reading = carried(reading, Math.max(largePeak, reading.highestMb));
    else if (phase === 'writing' && writing) phases.writing = carried(writing, Math.max(largePeak, writing.highestMb));
    else if (phase === 'setup') phases.setup = largePeak;
    else phases[phase] = carried(reading, largePeak);
  }
  return { phases, reading, ...(writing ? { writing } : {}) };
}

/**
 * The trend of a phase's segment peaks along the second half of the phase, over the portal's
 * companies (segment i of n at (i + 1) / n of them), with the highest and median segment.
 * The second half: the first segments climb while what is bounded fills up (the model's lesson
 * reservoir, the heap's first limits), which a larger portal does not do again.
 */
function segmentTrend(peaks: readonly number[], portalCompanies: number): SegmentTrend | undefined {
  if (peaks.length === 0) return undefined;
  const from = Math.floor(peaks.length / 2);
  const tail = peaks.slice(from);
  const trend = trendOf(tail.map((_, index) => ((from + index + 1) / peaks.length) * portalCompanies), tail);
  if (!trend) return undefined;
  const { median: medianMb, highest: highestMb } = spreadOf(peaks);
  return { ...trend, per100kMb: { slope: trend.slope * 100_000, low: trend.low * 100_000, high: trend.high * 100_000 }, highestMb, medianMb };
}
