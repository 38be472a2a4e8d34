/**
 * A growing list of company ids, 8 bytes each where an id is a plain integer (HubSpot's are),
 * kept as a string otherwise. The statements note, for each seller, the companies they brought in
 * without owning them: as strings in an array that is some 40 bytes a company, 40 MB at
 * 1,000,000 companies; as numbers, 8 MB.
 *
 * @example
 * const ids = companyIds(); ids.push('1001'); ids.push('acme-7'); ids.list() // => ['1001', 'acme-7']
 */
export function companyIds(): { push(id: string): void; list(): string[]; readonly size: number } {
  let numbers = new Float64Array(8);
  let count = 0;
  const others: string[] = [];
  return {
    push(id) {
      const n = Number(id);
      if (!Number.isSafeInteger(n) || String(n) !== id) {
        others.push(id);
        return;
      }
      if (count === numbers.length) {
        const grown = new Float64Array(numbers.length * 2);
        grown.set(numbers);
        numbers = grown;
      }
      numbers[count++] = n;
    },
    list() {
      return [...Array.from(numbers.subarray(0, count), String), ...others];
    },
    get size() {
      return count + others.length;
    },
  };
}
