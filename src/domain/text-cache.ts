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
}

/** Each part of a key takes 13 bits: 4 parts fit a double's 53 exactly-held bits. */
const PART = 8192;

/**
 * Up to four whole numbers 0-8191 packed into one key, or undefined when one is not (NaN, a
 * fraction, negative or too large): distinct numbers give distinct keys. A cache passes the same
 * count of numbers for every key.
 *
 * @example
 * smallKey(2, 12) // => 98306 (2 + 12 * 8192)
 * smallKey(2.5) // => undefined
 */
export function smallKey(a: number, b = 0, c = 0, d = 0): number | undefined {
  if (!(isPart(a) && isPart(b) && isPart(c) && isPart(d))) return undefined;
  return a + PART * (b + PART * (c + PART * d));
}

const isPart = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < PART;
