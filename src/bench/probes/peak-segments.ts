import { writeFileSync } from 'node:fs';
import { peakRssMb } from './probe-output';

/** Sets VmHWM back to the current RSS (Linux 4.0+: `5` to /proc/self/clear_refs); false where refused. */
function resetHighWater(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The kernel's peak RSS cut into segments (a sync's phases, each assembly of pages): the whole run's
 * high-water mark says how high memory went, the segments say where and whether it climbs with the
 * run's length. Each `cut()` reads the high-water mark since the last cut and resets it, so every
 * segment's peak is exact, not sampled; the whole run's peak is the highest segment. Where the
 * kernel does not let a process reset its mark, `segmented` is false and each cut returns the peak
 * so far (a running maximum).
 */
export class PeakSegments {
  private highest: number;
  readonly segmented: boolean;

  constructor() {
    // What came before (node and the modules loading) counts toward the whole run's peak.
    this.highest = peakRssMb();
    this.segmented = resetHighWater();
  }

  /** The peak RSS of the segment that ends now, MB; the next segment starts here. */
  cut(): number {
    const peak = peakRssMb();
    this.highest = Math.max(this.highest, peak);
    if (this.segmented) resetHighWater();
    return peak;
  }

  /** The process's peak RSS over every segment, the one still open included, MB. */
  overall(): number {
    return Math.max(this.highest, peakRssMb());
  }
}
