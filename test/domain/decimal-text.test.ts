import fc from 'fast-check';
import { scaledDecimal } from '../../src/domain/decimal-text';

describe('scaledDecimal', () => {
  it('is String(scaled / 10 ** digits) for every whole number of tenths and hundredths, near and far', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2_000, max: 2_000 }), fc.integer(), fc.double({ noNaN: true }).map(Math.round)), fc.constantFrom(1 as const, 2 as const), (scaled, digits) => scaledDecimal(scaled, digits) === String(scaled / 10 ** digits)),
      { numRuns: 5_000 },
    );
  });

  it('is String\'s text on the edges: zero of either sign, the fast range\'s bounds, NaN, infinities and fractions', () => {
    const edges = [0, -0, 1, -1, 9, -9, 10, -10, 99, 100, 101, -101, 999_999_999, -999_999_999, 1e9, -1e9, 1e21, 1e22, Number.NaN, Infinity, -Infinity, 0.5, -12.25, Number.MAX_SAFE_INTEGER];
    for (const digits of [1, 2] as const) for (const scaled of edges) expect([scaled, digits, scaledDecimal(scaled, digits)]).toEqual([scaled, digits, String(scaled / 10 ** digits)]);
  });

  it('writes the figures the engine rounds: tenths and hundredths of fractional values', () => {
    const differing: [number, number][] = [];
    for (let n = -300; n <= 300; n += 0.0137) {
      const tenths = Math.round(n * 10), hundredths = Math.round(n * 100);
      if (scaledDecimal(tenths, 1) !== String(tenths / 10)) differing.push([n, 1]);
      if (scaledDecimal(hundredths, 2) !== String(hundredths / 100)) differing.push([n, 2]);
    }
    expect(differing).toEqual([]);
  });
});
