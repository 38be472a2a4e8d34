import fc from 'fast-check';
import { measureAttainment } from '../../../src/domain/objectives/measure-attainment';

const grr = { target: 92, threshold: 80, capPercent: 150, accelerator: 1.5, higherIsBetter: true };
const hours = { target: 24, threshold: 72, capPercent: 150, accelerator: 1.5, higherIsBetter: false };

describe('measureAttainment', () => {
  it('pays 0 below the threshold and exactly at it', () => {
    expect(measureAttainment(79.9, grr)).toBe(0);
    expect(measureAttainment(80, grr)).toBe(0);
  });

  it('is linear from the threshold to the target', () => {
    expect(measureAttainment(86, grr)).toBeCloseTo(50);
    expect(measureAttainment(92, grr)).toBeCloseTo(100);
  });

  it('counts each point above the target accelerator times, then stops at the cap', () => {
    expect(measureAttainment(94, grr)).toBeCloseTo(100 + (2 / 12) * 100 * 1.5);
    expect(measureAttainment(98, grr)).toBe(150);
    expect(measureAttainment(100, grr)).toBe(150);
    expect(measureAttainment(94, { ...grr, accelerator: 1 })).toBeCloseTo(100 + (2 / 12) * 100);
  });

  it('runs the other way for lower-is-better measures', () => {
    expect(measureAttainment(80, hours)).toBe(0);
    expect(measureAttainment(48, hours)).toBeCloseTo(50);
    expect(measureAttainment(24, hours)).toBeCloseTo(100);
    expect(measureAttainment(0, hours)).toBe(150);
  });

  it('is all-or-nothing when the threshold equals the target', () => {
    const step = { ...grr, threshold: 92 };
    expect(measureAttainment(91.9, step)).toBe(0);
    expect(measureAttainment(92, step)).toBe(100);
    expect(measureAttainment(99, step)).toBe(100);
  });

  it('scores a non-finite actual 0 instead of NaN', () => {
    expect(measureAttainment(Number.NaN, grr)).toBe(0);
  });

  const plans = fc.record({
    target: fc.double({ min: -100, max: 1000, noNaN: true }),
    gap: fc.double({ min: 0, max: 500, noNaN: true }),
    capPercent: fc.double({ min: 100, max: 300, noNaN: true }),
    accelerator: fc.double({ min: 1, max: 4, noNaN: true }),
    higherIsBetter: fc.boolean(),
  }).map(({ target, gap, higherIsBetter, ...rest }) => ({ ...rest, target, higherIsBetter, threshold: higherIsBetter ? target - gap : target + gap }));

  it('never falls when the result improves, stays within 0 and the cap (property)', () => {
    fc.assert(fc.property(plans, fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), (plan, a, b) => {
      const [worse, better] = plan.higherIsBetter ? [Math.min(a, b), Math.max(a, b)] : [Math.max(a, b), Math.min(a, b)];
      const low = measureAttainment(worse, plan), high = measureAttainment(better, plan);
      return low <= high && low >= 0 && high <= plan.capPercent;
    }));
  });
});
