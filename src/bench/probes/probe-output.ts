/** Peak and current resident memory of this process, in MB: `maxRSS` is the kernel's high-water mark, not a sample. */
export const memoryNow = () => ({ maxRssMb: process.resourceUsage().maxRSS / 1024, rssMb: process.memoryUsage().rss / 2 ** 20 });

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
