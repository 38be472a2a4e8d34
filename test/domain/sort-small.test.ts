import fc from 'fast-check';
import { sortSmall } from '../../src/domain/sort-small';

describe('sortSmall', () => {
  it('gives the order Array.prototype.sort gives, ties kept in place, for short and long arrays', () => {
    const item = fc.record({ key: fc.integer({ min: -5, max: 5 }), tag: fc.nat() });
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
      }),
      { numRuns: 2_000 },
    );
  });

  it('sorts numbers ascending in place and returns the same array', () => {
    const values = [5, -1, 3.5, 3.5, 0, -0, 2];
    const sorted = sortSmall(values, (a, b) => a - b);
    expect(sorted).toBe(values);
    expect(values).toEqual([...[5, -1, 3.5, 3.5, 0, -0, 2]].sort((a, b) => a - b));
  });

  it('sorts the first count numbers in place without a comparator, leaving the rest as they were', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 24 }), fc.nat(16), (values, wanted) => {
        const count = Math.min(wanted, values.length, 16);
        const copy = [...values];
        expect(sortSmall(copy, undefined, count)).toBe(copy);
        expect(copy).toEqual([...values.slice(0, count).sort((a, b) => a - b), ...values.slice(count)]);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses more than 16 numbers in place, which Array.prototype.sort is for', () => {
    expect(() => sortSmall(new Array<number>(17).fill(1), undefined, 17)).toThrow(RangeError);
  });
});
