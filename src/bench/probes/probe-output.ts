import { readFileSync } from 'node:fs';

/**
 * This process's own peak resident memory in MB: the kernel's high-water mark of its address space
 * (`VmHWM` in /proc/self/status), not a sample. Not `getrusage`'s maxRSS: Linux carries that across
 * fork and exec, so a probe spawned by a large bench process reported the parent's size (the 100,000
 * company sync and read both showed the bench's own 438 MB, while each alone peaks near 240 MB).
 * Elsewhere than Linux, maxRSS is the best there is.
 */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // no procfs: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** Peak and current resident memory of this process, in MB. */
export const memoryNow = () => ({ maxRssMb: peakRssMb(), rssMb: process.memoryUsage().rss / 2 ** 20 });

/** A probe answers with one JSON line on stdout, the last one it prints. */
export function answer(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export function probeArgs<T>(parse: (raw: unknown) => T): T {
  return parse(JSON.parse(process.argv[2] ?? '{}'));
}

export function fail(error: unknown): void {
  process.stderr.write(`probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
