/**
 * A sum of floating-point numbers rounded once, at the end (Shewchuk's partials, as Python's
 * `math.fsum`): the result does not depend on the order the numbers were added in. The statements
 * add a team's customers in the store's page order while a list-based scope adds them in book
 * order; with a plain running sum, MRR with cents could then differ in the last bit between the
 * two. Non-finite numbers are summed plainly (the result is then non-finite either way).
 *
 * @example
 * const s = exactSum(); [0.1, 0.2, 0.3].forEach((x) => s.add(x)); s.value() // => 0.6 (a running sum gives 0.6000000000000001)
 */
export function exactSum(): { add(x: number): void; value(): number } {
  const partials: number[] = [];
  let special = 0;
  return {
    add(input: number) {
      if (!Number.isFinite(input)) {
        special += input;
        return;
      }
      let x = input;
      let kept = 0;
      for (let j = 0; j < partials.length; j += 1) {
        let y = partials[j];
        if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo !== 0) partials[kept++] = lo;
        x = hi;
      }
      partials.length = kept;
      partials.push(x);
    },
    value() {
      if (special !== 0 || Number.isNaN(special)) return special;
      let n = partials.length;
      if (n === 0) return 0;
      let hi = partials[--n];
      let lo = 0;
      while (n > 0) {
        const x = hi;
        const y = partials[--n];
        hi = x + y;
        lo = y - (hi - x);
        if (lo !== 0) break;
      }
      // Round half to even across the partials left below `hi`.
      if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
        const y = lo * 2;
        const x = hi + y;
        if (y === x - hi) hi = x;
      }
      return hi;
    },
  };
}
