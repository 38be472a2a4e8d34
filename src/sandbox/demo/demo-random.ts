import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

interface WeightTable<T> {
  keys: T[];
  weights: number[];
  total: number;
}
const tables = new WeakMap<object, WeightTable<string>>();

/**
 * A seeded random source with the few draws the generator needs; same seed, same portal. One
 * source is consumed in a fixed order (no clock, no Math.random), which is what makes the output
 * byte-identical from run to run.
 */
export class DemoRandom {
  private readonly rng;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.rng);
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A key drawn in proportion to its weight. Pass a constant table: its entries are cached. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    let table = tables.get(weights) as WeightTable<T> | undefined;
    if (!table) {
      const entries = Object.entries(weights) as [T, number][];
      table = { keys: entries.map(([key]) => key), weights: entries.map(([, w]) => w), total: entries.reduce((sum, [, w]) => sum + w, 0) };
      tables.set(weights, table);
    }
    let draw = this.next() * table.total;
    for (let i = 0; i < table.keys.length; i++) {
      draw -= table.weights[i];
      if (draw < 0) return table.keys[i];
    }
    return table.keys[table.keys.length - 1];
  }

  /** A moment of a working day (08:00-18:00 UTC) on the day `dayStart` begins. */
  workingTime(dayStart: number): number {
    return dayStart + this.int(8 * 60, 18 * 60 - 1) * 60_000 + this.int(0, 59) * 1000;
  }
}
