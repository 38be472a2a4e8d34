import { splitIdRange } from '../../src/sync/ranges/id-ranges';

describe('cutting a portal’s company ids into ranges', () => {
  it('covers every id from the lowest to the highest once, in contiguous ranges of about equal width', () => {
    const ranges = splitIdRange('101', '400', 3);
    expect(ranges).toEqual([{ from: '101', to: '201' }, { from: '201', to: '301' }, { from: '301', to: '401' }]);
    const uneven = splitIdRange('1', '10', 4);
    expect(uneven[0]!.from).toBe('1');
    expect(uneven.at(-1)!.to).toBe('11');
    for (let i = 1; i < uneven.length; i++) expect(uneven[i]!.from).toBe(uneven[i - 1]!.to);
  });

  it('keeps ids past 2^53 exact', () => {
    const ranges = splitIdRange('9007199254740993', '9007199254741000', 2);
    expect(ranges).toEqual([{ from: '9007199254740993', to: '9007199254740997' }, { from: '9007199254740997', to: '9007199254741001' }]);
  });

  it('makes no empty range when asked for more ranges than ids', () => {
    expect(splitIdRange('5', '6', 4)).toEqual([{ from: '5', to: '6' }, { from: '6', to: '7' }]);
  });

  it('refuses a count that is not a whole number of at least 1, naming it', () => {
    expect(() => splitIdRange('1', '9', 0)).toThrow('ranges: must be a whole number of at least 1, got 0');
    expect(() => splitIdRange('1', '9', 1.5)).toThrow('ranges: must be a whole number of at least 1, got 1.5');
  });
});
