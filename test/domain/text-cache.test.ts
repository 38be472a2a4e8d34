import { smallKey, TextCache } from '../../src/domain/text-cache';

describe('the engine\'s shared texts', () => {
  it('packs up to four small whole numbers into distinct keys', () => {
    const keys = new Set<number | undefined>();
    for (const a of [0, 1, 8191]) for (const b of [0, 1, 8191]) for (const c of [0, 7]) for (const d of [0, 8191]) keys.add(smallKey(a, b, c, d));
    expect(keys.size).toBe(3 * 3 * 2 * 2);
    expect(keys.has(undefined)).toBe(false);
    expect(smallKey(3)).toBe(smallKey(3, 0, 0, 0));
  });

  it('gives no key for what it cannot pack, so such a text is built every time', () => {
    for (const n of [-1, 0.5, 8192, Number.NaN, Number.POSITIVE_INFINITY]) expect([n, smallKey(n), smallKey(0, n), smallKey(0, 0, n), smallKey(0, 0, 0, n)]).toEqual([n, undefined, undefined, undefined, undefined]);
  });

  it('builds a text once per key and shares it, and builds it each time without a key', () => {
    let built = 0;
    const build = (n: number, m: number) => `${n} of ${m} (${++built})`;
    const cache = new TextCache();
    const first = cache.text(smallKey(2, 5), build, 2, 5);
    expect(cache.text(smallKey(2, 5), build, 2, 5)).toBe(first);
    expect(cache.text(smallKey(5, 2), build, 5, 2)).toBe('5 of 2 (2)');
    expect(cache.text(undefined, build, 2.5, 5)).toBe('2.5 of 5 (3)');
    expect(cache.text(undefined, build, 2.5, 5)).toBe('2.5 of 5 (4)');
  });

  it('starts over when full, so a long run holds at most its limit', () => {
    let built = 0;
    const build = (n: number) => `${n}:${++built}`;
    const cache = new TextCache(2);
    cache.text(1, build, 1);
    cache.text(2, build, 2);
    expect(cache.text(1, build, 1)).toBe('1:1');
    expect(cache.text(3, build, 3)).toBe('3:3');
    expect(cache.text(1, build, 1)).toBe('1:4');
  });
});
