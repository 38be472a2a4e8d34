/**
 * Texts the engine writes for nearly every customer (a component's summary, a no-data reason, a
 * risk reason, an action), kept by the whole numbers that decide them and shared: a string is
 * immutable, so every assessment may hold the same one. Built afresh, a template string is a tree of
 * pieces: those texts were ~1.3 KB of an assessment's ~4.4 KB (measured on the demo portal), and on
 * a page just read, collecting garbage was over half of the engine's time.
 *
 * Bounded: a cache holds at most 2,048 texts, a new one taking the slot of an older one, so a
 * long-running process keeps no more. A key is undefined when its numbers are not small whole
 * numbers: the text is then built every time, as before.
 *
 * @example
 * const days = new TextCache();
 * days.text(smallKey(3), (n) => `${n} days`, 3) === days.text(smallKey(3), (n) => `${n} days`, 3) // => true (one string)
 */
export class TextCache {
  // Direct-mapped: a key's slot is a hash of it, and a later key of the same slot takes its place.
  // Two array reads and a compare, where a Map's lookup was 8 % of assessCustomer's profile.
  private readonly keys = new Int32Array(SLOTS).fill(-1);
  private readonly texts = new Array<string>(SLOTS).fill('');
  private contextA = Number.NaN;
  private contextB = Number.NaN;

  /**
   * The text of `key`, made by `build(a, b, c, d)` the first time. `build` is a module-level
   * function given the numbers rather than a closure over them, so a cached text costs no allocation.
   */
  text(key: number | undefined, build: (a: number, b: number, c: number, d: number) => string, a = 0, b = 0, c = 0, d = 0): string {
    if (key === undefined) return build(a, b, c, d);
    // Fibonacci hashing: the top bits of key x 2^32/phi spread keys that differ only in high parts.
    const slot = Math.imul(key, 0x9e3779b1) >>> (32 - SLOT_BITS);
    if (this.keys[slot] === key) return this.texts[slot];
    const text = build(a, b, c, d);
    this.keys[slot] = key;
    this.texts[slot] = text;
    return text;
  }

  /**
   * This cache for texts that also depend on two configured numbers (a window, a norm): emptied
   * when they change, so the keys stay small.
   */
  within(a: number, b: number): this {
    if (a !== this.contextA || b !== this.contextB) {
      this.keys.fill(-1);
      this.contextA = a;
      this.contextB = b;
    }
    return this;
  }
}

/** 2,048 texts at most per cache (~48 KB): the demo portal's texts of one kind are a few hundred. */
const SLOT_BITS = 11, SLOTS = 2 ** SLOT_BITS;

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
