import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchFigure } from './bench-report';

/** What an optional step gets: the demo portal the bench seeded, and its date. */
export interface BenchContext {
  sandboxUrl: string;
  companies: number;
  asOf: Date;
}

/**
 * Steps other helpers own, run when their file exists. The contract: the file exports
 * `benchFigures(context: BenchContext): Promise<BenchFigure[]>`; its figures are printed and saved
 * with the others. A missing file or export is listed as skipped, not an error.
 */
export const OPTIONAL_STEPS = ['store-bench', 'function-bundles', 'cli-startup', 'queue-bench', 'pages-bench', 'freshness-bench', 'portals-bench'] as const;

type StepModule = { benchFigures?: (context: BenchContext) => Promise<BenchFigure[]> };

export async function runOptionalSteps(context: BenchContext, directory = __dirname): Promise<{ figures: BenchFigure[]; skipped: { step: string; reason: string }[] }> {
  const figures: BenchFigure[] = [];
  const skipped: { step: string; reason: string }[] = [];
  for (const step of OPTIONAL_STEPS) {
    const file = join(directory, `${step}.ts`);
    if (!existsSync(file)) {
      skipped.push({ step, reason: `src/bench/${step}.ts not present` });
      continue;
    }
    try {
      const module = (await import(file)) as StepModule;
      if (typeof module.benchFigures !== 'function') {
        skipped.push({ step, reason: 'exports no benchFigures(context)' });
        continue;
      }
      figures.push(...(await module.benchFigures(context)));
    } catch (error) {
      skipped.push({ step, reason: `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    }
  }
  return { figures, skipped };
}
