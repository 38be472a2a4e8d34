import type { TrainingSample } from './churn-model';

/** Most lessons kept per side of the time split; a portal with more is sampled (see {@link LessonReservoir}). */
export interface LessonLimits {
  train: number;
  heldOut: number;
}

/** Room for every lesson: what fitting a list of samples in memory means. */
export const NO_LESSON_LIMIT: LessonLimits = { train: Infinity, heldOut: Infinity };

/**
 * Plenty for eight features; the pools take ~90 bytes a lesson (training keeps up to twice its
 * limit, churners and retained apart): about 9 MB, and the fit about as much again for a moment.
 */
export const SYNC_LESSON_LIMITS: LessonLimits = { train: 40_000, heldOut: 20_000 };

/** Lessons as the fit reads them: one row of features per lesson, in the order they arrived. */
export interface LessonRows {
  rows: Float64Array[];
  labels: number[];
  periods: number[];
}

/** What one side of the split saw and kept. */
export interface LessonCounts {
  seen: number;
  churnersSeen: number;
  used: number;
  churnersUsed: number;
}

interface KeptLesson {
  arrival: number;
  features: Float64Array;
  label: number;
  period: number;
}

/**
 * A seeded priority in [0, 2^32) for one lesson, from its customer id and period only: a lesson
 * is kept or dropped whatever order the portal is read in, so a resumed sync keeps the same ones.
 */
function lessonPriority(id: string, period: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (period + 0x9e3779b9), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The `capacity` lessons of lowest priority among those offered ("bottom-k"), in typed arrays that
 * grow up to the capacity and no further. A max-heap on (priority, arrival) finds the one to drop.
 */
class LessonPool {
  seen = 0;
  size = 0;
  private allocated = 0;
  private features = new Float64Array(0);
  private priorities = new Float64Array(0);
  private arrivals = new Float64Array(0);
  private labels = new Uint8Array(0);
  private periods = new Uint16Array(0);
  private heap = new Int32Array(0);

  constructor(private readonly capacity: number, private readonly width: number) {}

  offer(features: readonly number[], label: 0 | 1, period: number, priority: number, arrival: number): void {
    this.seen += 1;
    if (this.capacity <= 0) return;
    if (this.size < this.capacity) {
      if (this.size === this.allocated) this.grow();
      this.put(this.size, features, label, period, priority, arrival);
      this.heap[this.size] = this.size;
      this.size += 1;
      this.siftUp(this.size - 1);
      return;
    }
    const top = this.heap[0];
    if (!this.before(priority, arrival, this.priorities[top], this.arrivals[top])) return;
    this.put(top, features, label, period, priority, arrival);
    this.siftDown(0);
  }

  /** The `count` kept lessons of lowest priority. */
  lowest(count: number): KeptLesson[] {
    const slots = Array.from({ length: this.size }, (_, i) => i);
    slots.sort((a, b) => this.priorities[a] - this.priorities[b] || this.arrivals[a] - this.arrivals[b]);
    return slots.slice(0, Math.min(count, this.size)).map((slot) => ({
      arrival: this.arrivals[slot],
      features: this.features.subarray(slot * this.width, (slot + 1) * this.width),
      label: this.labels[slot],
      period: this.periods[slot],
    }));
  }

  private put(slot: number, features: readonly number[], label: 0 | 1, period: number, priority: number, arrival: number): void {
    this.features.set(features, slot * this.width);
    this.labels[slot] = label;
    this.periods[slot] = period;
    this.priorities[slot] = priority;
    this.arrivals[slot] = arrival;
  }

  private grow(): void {
    const next = Math.min(this.capacity, Math.max(1_024, this.allocated * 2));
    const grown = <T extends Float64Array | Uint8Array | Uint16Array | Int32Array>(old: T, make: (n: number) => T, per = 1) => {
      const fresh = make(next * per);
      fresh.set(old as never);
      return fresh;
    };
    this.features = grown(this.features, (n) => new Float64Array(n), this.width);
    this.priorities = grown(this.priorities, (n) => new Float64Array(n));
    this.arrivals = grown(this.arrivals, (n) => new Float64Array(n));
    this.labels = grown(this.labels, (n) => new Uint8Array(n));
    this.periods = grown(this.periods, (n) => new Uint16Array(n));
    this.heap = grown(this.heap, (n) => new Int32Array(n));
    this.allocated = next;
  }

  private before(priority: number, arrival: number, otherPriority: number, otherArrival: number): boolean {
    return priority < otherPriority || (priority === otherPriority && arrival < otherArrival);
  }

  /** Heap order: the slot of highest (priority, arrival) on top. */
  private above(i: number, j: number): boolean {
    const a = this.heap[i], b = this.heap[j];
    return this.before(this.priorities[b], this.arrivals[b], this.priorities[a], this.arrivals[a]);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i];
    this.heap[i] = this.heap[j];
    this.heap[j] = t;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1, right = left + 1;
      let top = i;
      if (left < this.size && this.above(left, top)) top = left;
      if (right < this.size && this.above(right, top)) top = right;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }
}

/**
 * The churn model's lessons with memory bounded whatever the portal's size. Lessons arrive one by
 * one (a sync offers each customer's as its page is scored); each side of the time split keeps at
 * most its limit:
 * - held out (period 0): a uniform sample, so the Brier score and calibration judge the model on
 *   the portal's real churn rate;
 * - training (periods from `firstTrainPeriod`): every churner while they fit beside as many
 *   retained customers (else half the room each), the retained sampled to fill the rest; the fit
 *   corrects its intercept for that sampling.
 * Which lessons are kept depends only on (customer id, period, seed), never on the reading order,
 * and the kept ones come back in arrival order: with room for every lesson the model is fitted on
 * exactly the list the portal gave, in its order.
 */
export class LessonReservoir {
  private arrivals = 0;
  private heldOutChurnersSeen = 0;
  private width: number | undefined;
  private heldOut: LessonPool | undefined;
  private trainChurners: LessonPool | undefined;
  private trainRetained: LessonPool | undefined;

  constructor(private readonly firstTrainPeriod: number, private readonly limits: LessonLimits = SYNC_LESSON_LIMITS, private readonly seed = 42) {}

  add(sample: TrainingSample): void {
    const period = sample.period ?? 0;
    const arrival = this.arrivals++;
    if (period !== 0 && period < this.firstTrainPeriod) return;
    const pools = this.poolsFor(sample.features.length);
    const priority = lessonPriority(sample.id, period, this.seed);
    if (period === 0) {
      this.heldOutChurnersSeen += sample.churned;
      pools.heldOut.offer(sample.features, sample.churned, period, priority, arrival);
    } else (sample.churned === 1 ? pools.trainChurners : pools.trainRetained).offer(sample.features, sample.churned, period, priority, arrival);
  }

  /** The held-out lessons kept, in arrival order. */
  heldOutRows(): LessonRows & { counts: LessonCounts } {
    const pool = this.heldOut;
    const rows = pool ? inArrivalOrder(pool.lowest(pool.size)) : empty();
    return { ...rows, counts: { seen: pool?.seen ?? 0, churnersSeen: this.heldOutChurnersSeen, used: rows.labels.length, churnersUsed: rows.labels.filter((y) => y === 1).length } };
  }

  /**
   * The training lessons kept, in arrival order: every churner while they fit beside at least as
   * many retained customers, else half the room each; the retained of lowest priority fill the rest.
   */
  trainRows(): LessonRows & { counts: LessonCounts } {
    const churners = this.trainChurners, retained = this.trainRetained;
    if (!churners || !retained) return { ...empty(), counts: { seen: 0, churnersSeen: 0, used: 0, churnersUsed: 0 } };
    const limit = Math.min(this.limits.train, churners.seen + retained.seen);
    const retainedKept = Math.min(retained.seen, Math.max(limit - churners.seen, Math.floor(limit / 2)));
    const churnersKept = Math.min(churners.seen, limit - retainedKept);
    const rows = inArrivalOrder([...churners.lowest(churnersKept), ...retained.lowest(retainedKept)]);
    return { ...rows, counts: { seen: churners.seen + retained.seen, churnersSeen: churners.seen, used: rows.labels.length, churnersUsed: churnersKept } };
  }

  private poolsFor(width: number): { heldOut: LessonPool; trainChurners: LessonPool; trainRetained: LessonPool } {
    if (this.width === undefined) {
      this.width = width;
      this.heldOut = new LessonPool(this.limits.heldOut, width);
      this.trainChurners = new LessonPool(this.limits.train, width);
      this.trainRetained = new LessonPool(this.limits.train, width);
    } else if (width !== this.width) {
      throw new Error(`features: a lesson has ${width} features where the others have ${this.width}`);
    }
    return { heldOut: this.heldOut as LessonPool, trainChurners: this.trainChurners as LessonPool, trainRetained: this.trainRetained as LessonPool };
  }
}

const empty = (): LessonRows => ({ rows: [], labels: [], periods: [] });

function inArrivalOrder(kept: KeptLesson[]): LessonRows {
  kept.sort((a, b) => a.arrival - b.arrival);
  return { rows: kept.map((k) => k.features), labels: kept.map((k) => k.label), periods: kept.map((k) => k.period) };
}
