import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

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

  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let draw = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      draw -= w;
      if (draw < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A moment of a working day (08:00-18:00 UTC) on the day `dayStart` begins. */
  workingTime(dayStart: number): number {
    return dayStart + this.int(8 * 60, 18 * 60 - 1) * 60_000 + this.int(0, 59) * 1000;
  }
}
