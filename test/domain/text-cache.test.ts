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

  it('gives each key its own text however many keys share its slots, building again what was displaced', () => {
    let built = 0;
    const build = (n: number, m: number) => `${n}/${m}#${++built}`;
    const cache = new TextCache();
    // 10,000 keys in 2,048 slots, twice: most are displaced and built again, none is mistaken for another.
    for (let round = 0; round < 2; round++) {
      for (let n = 0; n < 100; n++) for (let m = 0; m < 100; m++) expect(cache.text(smallKey(n, m), build, n, m).startsWith(`${n}/${m}#`)).toBe(true);
    }
    expect(built).toBeGreaterThan(10_000);
  });

  it('keeps a few hundred texts of consecutive numbers (a count of days) without displacing one', () => {
    let built = 0;
    const build = (n: number) => `${n} days (${++built})`;
    const cache = new TextCache();
    for (let round = 0; round < 3; round++) for (let n = 0; n < 500; n++) cache.text(smallKey(n), build, n);
    expect(built).toBe(500);
  });
});
