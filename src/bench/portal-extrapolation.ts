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
  const live = small.liveAfterReadMb !== undefined && large.liveAfterReadMb !== undefined ? line(small.liveAfterReadMb, large.liveAfterReadMb) : undefined;
  return {
    companies,
    calls: Math.round(calls.at(companies)),
    floorCalls: Math.round(floor.at(companies)),
    fixedCalls: Math.round(calls.intercept),
    callsPerCompany: calls.slope,
    peakRssMb: rss.at(companies),
    rssPer100kMb: rss.slope * 100_000,
    ...(live ? { liveAfterReadMb: live.at(companies), liveAfterReadPer100kMb: live.slope * 100_000 } : {}),
    sandboxGb: sandbox.at(companies) / 1024,
  };
}
