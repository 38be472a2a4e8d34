/**
 * Texts the engine writes for nearly every customer (a component's summary, a no-data reason, a
 * risk reason, an action), kept by the whole numbers that decide them and shared: a string is
 * immutable, so every assessment may hold the same one. Built afresh, a template string is a tree of
 * pieces: those texts were ~1.3 KB of an assessment's ~4.4 KB (measured on the demo portal), and on
 * a page just read, collecting garbage was over half of the engine's time.
 *
 * Bounded: a cache that reaches `limit` texts starts over, so a long-running process holds at most
 * that many per cache. A key is undefined when its numbers are not small whole numbers: the text is
 * then built every time, as before.
 *
 * @example
 * const days = new TextCache();
 * days.text(smallKey(3), (n) => `${n} days`, 3) === days.text(smallKey(3), (n) => `${n} days`, 3) // => true (one string)
 */
export class TextCache {
  private readonly texts = new Map<number, string>();
  private contextA = Number.NaN;
  private contextB = Number.NaN;

  constructor(private readonly limit = 4096) {}

  /**
   * The text of `key`, made by `build(a, b, c, d)` the first time. `build` is a module-level
   * function given the numbers rather than a closure over them, so a cached text costs no allocation.
   */
  text(key: number | undefined, build: (a: number, b: number, c: number, d: number) => string, a = 0, b = 0, c = 0, d = 0): string {
    if (key === undefined) return build(a, b, c, d);
    let text = this.texts.get(key);
    if (text === undefined) {
      if (this.texts.size >= this.limit) this.texts.clear();
      text = build(a, b, c, d);
      this.texts.set(key, text);
    }
    return text;
  }

  /**
   * This cache for texts that also depend on two configured numbers (a window, a norm): emptied
   * when they change, so the keys stay small (V8 hashes a small whole number fastest and boxes a
   * larger one on every call).
   */
  within(a: number, b: number): this {
    if (a !== this.contextA || b !== this.contextB) {
      this.texts.clear();
      this.contextA = a;
      this.contextB = b;
    }
    return this;
  }
}

/**
 * One to three whole numbers packed into one small key (under 2^30, a number V8 keeps unboxed), or
 * undefined when one does not fit (NaN, a fraction, negative or too large): one number under 2^30,
 * two under 2^15 each, three under 2^10 each. Distinct numbers give distinct keys; a cache passes
 * the same count of numbers for every key.
 *
 * @example
 * smallKey(2, 12) // => 393218 (2 + 12 * 32768)
 * smallKey(2.5) // => undefined
 */
export function smallKey(a: number, b?: number, c?: number): number | undefined {
  if (b === undefined) return fits(a, ONE) ? a : undefined;
  if (c === undefined) return fits(a, TWO) && fits(b, TWO) ? a + TWO * b : undefined;
  return fits(a, THREE) && fits(b, THREE) && fits(c, THREE) ? a + THREE * (b + THREE * c) : undefined;
}

const ONE = 2 ** 30, TWO = 2 ** 15, THREE = 2 ** 10;
const fits = (n: number, limit: number): boolean => Number.isInteger(n) && n >= 0 && n < limit;
