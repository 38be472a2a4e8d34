import { trendOf } from '../../src/bench/peak-trend';
import { extrapolate } from '../../src/bench/portal-extrapolation';

describe('extrapolating a portal from two measured syncs', () => {
  const small = { companies: 10_000, calls: 2_500, floorCalls: 2_400, peakRssMb: 250, sandboxPeakRssMb: 700 };
  const large = { companies: 200_000, calls: 48_100, floorCalls: 47_000, peakRssMb: 270, sandboxPeakRssMb: 7_700 };

  it('draws the line through both sizes: fixed calls plus calls per company', () => {
    const million = extrapolate(small, large, 1_000_000);
    expect(million.callsPerCompany).toBeCloseTo(0.24, 10);
    expect(million.fixedCalls).toBe(100);
    expect(million.calls).toBe(240_100);
    expect(million.floorCalls).toBe(Math.round(2_400 + ((47_000 - 2_400) / 190_000) * 990_000));
  });

  it('gives back the measured points themselves', () => {
    expect(extrapolate(small, large, 10_000).calls).toBe(2_500);
    expect(extrapolate(small, large, 200_000).peakRssMb).toBeCloseTo(270, 10);
  });

  it('says how much memory grows per 100,000 companies, and the sandbox in GB', () => {
    const million = extrapolate(small, large, 1_000_000);
    expect(million.rssPer100kMb).toBeCloseTo((20 / 190_000) * 100_000, 10);
    expect(million.peakRssMb).toBeCloseTo(270 + (20 / 190_000) * 800_000, 10);
    expect(million.sandboxGb).toBeCloseTo((7_700 + (7_000 / 190_000) * 800_000) / 1024, 10);
    expect(million.liveAfterReadMb).toBeUndefined();
  });

  it('draws the live heap on its own line when both sizes measured it', () => {
    const million = extrapolate({ ...small, liveAfterReadMb: 20 }, { ...large, liveAfterReadMb: 21.9 }, 1_000_000);
    expect(million.liveAfterReadPer100kMb).toBeCloseTo(1, 10);
    expect(million.liveAfterReadMb).toBeCloseTo(21.9 + 8, 10);
    expect(extrapolate({ ...small, liveAfterReadMb: 20 }, large, 1_000_000).liveAfterReadMb).toBeUndefined();
  });

  it('refuses a "larger" run that is not larger, naming both sizes', () => {
    expect(() => extrapolate(large, small, 1_000_000)).toThrow('the larger run (10000 companies) must be larger than the smaller (200000)');
    expect(() => extrapolate(small, small, 1_000_000)).toThrow(/must be larger/);
  });

  describe('by phase, when both runs cut their peak into phases', () => {
    // 200 assemblies whose peaks alternate 250 / 260 MB: no trend along the run.
    const flat = Array.from({ length: 200 }, (_, index) => (index % 2 ? 260 : 250));
    const smallPhases = { setup: 90, reading: 228, fitting: 120, writing: 140, statements: 130 };
    const largePhases = { setup: 90, reading: 260, fitting: 125, writing: 150, statements: 130 };

    it('takes the larger run\'s highest assembly when its assemblies do not climb, and gives the phases after the read the read\'s trend', () => {
      const million = extrapolate({ ...small, phasePeaksMb: smallPhases }, { ...large, peakRssMb: 281, phasePeaksMb: largePhases, assemblyPeaksMb: flat }, 1_000_000);
      expect(million.peakBasis).toBe('phases');
      expect(million.readingTrend?.highestMb).toBe(260);
      expect(million.readingTrend?.medianMb).toBe(250);
      expect(Math.abs(million.readingTrend?.per100kMb.slope ?? 1)).toBeLessThan(0.5);
      // The trend is the run's second half: 100 points, perfectly anti-correlated, so worth all 100.
      // Their +-5 MB still leave the slope uncertain by about 3.5 MB per 100,000 companies, and the
      // estimate takes the interval's top.
      expect(million.readingTrend?.points).toBe(100);
      expect(million.readingTrend?.effectivePoints).toBe(100);
      const high = million.readingTrend?.per100kMb.high ?? 0;
      expect(high).toBeGreaterThan(2);
      expect(high).toBeLessThan(5);
      expect(million.phasePeaksMb?.reading).toBeCloseTo(260 + high * 8, 6);
      // The fit, writes and statements are the larger run's own peaks plus what the read's trend
      // allows a longer read to leave behind; their two-point lines (the writes 10 MB higher at 200,000) are not used.
      expect(million.phasePeaksMb?.writing).toBeCloseTo(150 + high * 8, 6);
      expect(million.phasePeaksMb?.fitting).toBeCloseTo(125 + high * 8, 6);
      expect(million.phasePeaksMb?.statements).toBeCloseTo(130 + high * 8, 6);
      expect(million.writingTrend).toBeUndefined();
      expect(million.phasePeaksMb?.setup).toBe(90);
      expect(million.peakRssMb).toBe(Math.max(...Object.values(million.phasePeaksMb ?? {})));
      // The whole-run line is still given beside it.
      expect(million.linePeakRssMb).toBeCloseTo(281 + (31 / 190_000) * 800_000, 10);
    });

    it('carries a climb along the run to the larger portal at the top of its interval', () => {
      const climbing = flat.map((peak, index) => peak + index * 0.1); // 0.1 MB per assembly of 1,000 companies
      const million = extrapolate({ ...small, phasePeaksMb: smallPhases }, { ...large, phasePeaksMb: largePhases, assemblyPeaksMb: climbing }, 1_000_000);
      const trend = million.readingTrend;
      expect(trend?.per100kMb.slope).toBeCloseTo(10, 0);
      expect(trend?.per100kMb.low).toBeLessThan(10);
      expect(trend?.per100kMb.high).toBeGreaterThan(10);
      expect(million.phasePeaksMb?.reading).toBeCloseTo(Math.max(...climbing) + (trend?.high ?? 0) * 800_000, 6);
      expect(million.peakRssMb).toBeGreaterThan(Math.max(...climbing) + 80);
    });

    it('gives the writes their own trend when the larger run cut them into segments of 1,000 companies', () => {
      // 170 segments (the companies that changed), flat at 150 / 156 MB, then one at 170: the highest counts, the trend is flat.
      const writes = [...Array.from({ length: 170 }, (_, index) => (index % 2 ? 156 : 150)), 170];
      const million = extrapolate({ ...small, phasePeaksMb: smallPhases }, { ...large, phasePeaksMb: largePhases, assemblyPeaksMb: flat, writingPeaksMb: writes }, 1_000_000);
      const trend = million.writingTrend;
      expect(trend?.highestMb).toBe(170);
      expect(trend?.points).toBe(86);
      const high = trend?.per100kMb.high ?? 0;
      expect(high).toBeGreaterThan(0);
      expect(million.phasePeaksMb?.writing).toBeCloseTo(170 + high * 8, 6);
      // A climbing series carries its climb: 0.2 MB per segment over 171 segments of a 200,000-company portal.
      const climbing = extrapolate({ ...small, phasePeaksMb: smallPhases }, { ...large, phasePeaksMb: largePhases, assemblyPeaksMb: flat, writingPeaksMb: writes.map((peak, index) => peak + index * 0.2) }, 1_000_000);
      expect(climbing.writingTrend?.per100kMb.slope).toBeGreaterThan(0.2 * (171 / 2));
      expect(climbing.phasePeaksMb?.writing ?? 0).toBeGreaterThan(million.phasePeaksMb?.writing ?? Infinity);
    });

    it('falls back to the whole run\'s line when a run was not cut into phases', () => {
      const million = extrapolate(small, { ...large, phasePeaksMb: largePhases, assemblyPeaksMb: flat }, 1_000_000);
      expect(million.peakBasis).toBe('line');
      expect(million.peakRssMb).toBe(million.linePeakRssMb);
      expect(million.phasePeaksMb).toBeUndefined();
    });
  });
});

describe('the trend of a series', () => {
  it('is the least-squares slope, with an interval that holds it', () => {
    const trend = trendOf([1, 2, 3, 4, 5], [10, 12.2, 13.8, 16.1, 17.9]);
    expect(trend?.slope).toBeCloseTo(1.97, 10);
    expect(trend?.low).toBeLessThan(1.97);
    expect(trend?.high).toBeGreaterThan(1.97);
  });

  it('widens the interval for a series whose neighbours move together', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i);
    const independent = xs.map((x) => (x % 2 ? 1 : -1));
    const together = xs.map((x) => (Math.floor(x / 10) % 2 ? 1 : -1));
    const loose = trendOf(xs, together);
    const tight = trendOf(xs, independent);
    expect(loose?.effectivePoints).toBeLessThan(20);
    expect(tight?.effectivePoints).toBe(100);
    expect((loose?.high ?? 0) - (loose?.low ?? 0)).toBeGreaterThan(3 * ((tight?.high ?? 0) - (tight?.low ?? 0)));
  });

  it('says nothing from fewer than three points or a single x', () => {
    expect(trendOf([1, 2], [3, 4])).toBeUndefined();
    expect(trendOf([5, 5, 5], [1, 2, 3])).toBeUndefined();
  });
});
