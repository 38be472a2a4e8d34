/**
 * At most `size` tasks at once; the others wait in line and are let in first come, first served.
 * The portal worker asks for a slot once per running full sync, and each portal runs at most one,
 * so each portal holds at most one place in the line: a freed slot goes to the portal that has
 * waited longest, which is round-robin across portals whatever their backlogs.
 */
export class FairSlots {
  private running = 0;
  private readonly line: (() => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`slots: size must be a whole number of at least 1, not ${size}`);
  }

  /** Tasks waiting for a slot now. */
  get waiting(): number {
    return this.line.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.size) this.running += 1;
    // The slot is handed over by `release` (the running count stays), so no newcomer can cut in.
    else await new Promise<void>((resolve) => this.line.push(resolve));
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.line.shift();
    if (next) next();
    else this.running -= 1;
  }
}
