import { smallKey, TextCache } from '../../src/domain/text-cache';

describe('the engine\'s shared texts', () => {
  it('packs one, two or three small whole numbers into distinct keys that V8 keeps unboxed', () => {
    const triples = new Set<number | undefined>(), pairs = new Set<number | undefined>();
    for (const a of [0, 1, 1023]) for (const b of [0, 1, 1023]) for (const c of [0, 7, 1023]) triples.add(smallKey(a, b, c));
    for (const a of [0, 1, 32767]) for (const b of [0, 1, 32767]) pairs.add(smallKey(a, b));
    expect([triples.size, pairs.size]).toEqual([27, 9]);
    for (const key of [...triples, ...pairs]) expect(key !== undefined && key < 2 ** 30).toBe(true);
    expect(smallKey(2 ** 30 - 1)).toBe(2 ** 30 - 1);
  });

  it('gives no key for what it cannot pack, so such a text is built every time', () => {
    for (const n of [-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect([n, smallKey(n), smallKey(0, n), smallKey(n, 0), smallKey(0, 0, n)]).toEqual([n, undefined, undefined, undefined, undefined]);
    expect([smallKey(2 ** 30), smallKey(0, 2 ** 15), smallKey(0, 0, 2 ** 10)]).toEqual([undefined, undefined, undefined]);
  });

  it('empties a cache whose configured numbers changed', () => {
    let built = 0;
    const build = (n: number, m: number, days: number) => `${n} in ${days} (${++built})`;
    const cache = new TextCache();
    expect(cache.within(90, 5).text(smallKey(1, 2), build, 1, 2, 90)).toBe('1 in 90 (1)');
    expect(cache.within(90, 5).text(smallKey(1, 2), build, 1, 2, 90)).toBe('1 in 90 (1)');
    expect(cache.within(30, 5).text(smallKey(1, 2), build, 1, 2, 30)).toBe('1 in 30 (2)');
    expect(cache.within(30, 6).text(smallKey(1, 2), build, 1, 2, 30)).toBe('1 in 30 (3)');
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
