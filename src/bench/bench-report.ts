import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';

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
  machine: z.object({ cpu: z.string(), cores: z.number(), memoryGb: z.number(), node: z.string(), platform: z.string() }),
  options: z.record(z.string(), z.union([z.string(), z.number()])),
  figures: z.array(benchFigureSchema),
  /** Steps that were skipped or failed, with why (an optional helper file absent, a probe that crashed). */
  skipped: z.array(z.object({ step: z.string(), reason: z.string() })),
});
export type BenchRun = z.infer<typeof benchRunSchema>;

export function describeMachine(): BenchRun['machine'] {
  const cores = cpus();
  return { cpu: cores[0]?.model.trim() ?? 'unknown', cores: cores.length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
}

export function writeBenchRun(path: string, run: BenchRun): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(benchRunSchema.parse(run), null, 2)}\n`);
}
