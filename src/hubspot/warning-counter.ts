/** Counts bad or missing values by kind (`deal.amount.invalid`), so a run can report them instead of crashing or writing 0. */
export class WarningCounter {
  private readonly counts = new Map<string, number>();

  add(kind: string, times = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + times);
  }

  get(kind: string): number {
    return this.counts.get(kind) ?? 0;
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}
