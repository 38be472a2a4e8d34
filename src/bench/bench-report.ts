import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';
import { RUNTIME_TUNING } from '../cli/runtime-tuning';

/**
 * One measured figure, beside what it is judged against: the floor (the least any reader could do)
 * and the naive reader (one company at a time), where they apply.
 */
export const benchFigureSchema = z.object({
  section: z.string(),
  name: z.string(),
  value: z.number(),
  unit: z.string(),
  floor: z.number().optional(),
  naive: z.number().optional(),
  target: z.string().optional(),
  note: z.string().optional(),
});
export type BenchFigure = z.infer<typeof benchFigureSchema>;

export const benchRunSchema = z.object({
  date: z.string(),
  /** `runtime`: how the probes' node was started (the `cs-health` launcher's settings); absent in runs before it. */
  machine: z.object({ cpu: z.string(), cores: z.number(), memoryGb: z.number(), node: z.string(), platform: z.string(), runtime: z.string().optional() }),
  options: z.record(z.string(), z.union([z.string(), z.number()])),
  figures: z.array(benchFigureSchema),
  /** Steps that were skipped or failed, with why (an optional helper file absent, a probe that crashed). */
  skipped: z.array(z.object({ step: z.string(), reason: z.string() })),
  /** Measurements behind a figure kept whole, by name (each assembly's peak RSS along a sync's read): to see whether it climbs steadily or in steps. */
  series: z.record(z.string(), z.array(z.number())).optional(),
});
export type BenchRun = z.infer<typeof benchRunSchema>;

export function describeMachine(): BenchRun['machine'] {
  const cores = cpus();
  return { cpu: cores[0]?.model.trim() ?? 'unknown', cores: cores.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}`, runtime: runtimeTuning() };
}

/** The launcher's settings in words: `node --max-semi-space-size=8, MALLOC_MMAP_THRESHOLD_=131072, …`. */
const runtimeTuning = (): string => [`node ${RUNTIME_TUNING.nodeFlags.join(' ')}`, ...Object.entries(RUNTIME_TUNING.env).map(([name, value]) => `${name}=${value}`)].join(', ');

export function writeBenchRun(path: string, run: BenchRun): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(benchRunSchema.parse(run), null, 2)}\n`);
}
