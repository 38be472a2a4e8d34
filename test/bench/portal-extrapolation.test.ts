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
});
