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
});
