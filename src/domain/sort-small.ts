/**
 * Sorts a short array in place, stably, by insertion; longer arrays go to `Array.prototype.sort`.
 *
 * The engine sorts a handful of values per customer (a median's hours, trend movers, risk reasons,
 * contracts out of order). V8's sort allocates its work arrays on every call, which was a fifth of
 * the engine's garbage; insertion does not allocate and is faster for a few items. For a comparator
 * that is a consistent order (no NaN, transitive), both stable sorts give the same order, so callers
 * pass only such comparators: each says why its keys are never NaN.
 *
 * @example
 * sortSmall([3, 1, 2], (a, b) => a - b) // => [1, 2, 3]
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[];
/**
 * The numeric form: the first `count` numbers (none NaN, at most 16) ascending, compared in place
 * rather than through a comparator, whose fractional differences V8 boxes on every call. The
 * median's few hours take it; the same insertion as the comparator form.
 */
export function sortSmall(items: number[], compare: undefined, count: number): number[];
export function sortSmall<T>(items: T[], compare: ((a: T, b: T) => number) | undefined, count = items.length): T[] {
  if (compare === undefined) {
    if (count > SMALL) throw new RangeError(`sortSmall sorts at most ${SMALL} numbers in place, not ${count}`);
  } else if (items.length > SMALL) return items.sort(compare);
  for (let i = 1; i < count; i++) {
    const item = items[i];
    let j = i - 1;
    // Strictly greater only: an equal item stays after the ones before it (stable).
    for (; j >= 0 && (compare === undefined ? items[j] > item : compare(items[j], item) > 0); j--) items[j + 1] = items[j];
    items[j + 1] = item;
  }
  return items;
}

const SMALL = 16;
