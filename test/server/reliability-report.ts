import { appendFileSync } from 'node:fs';

/**
 * Prints one line per class of cases tried, for the README's reliability table; with
 * RELIABILITY_OUT set, also appends it there as a JSON line so a script can total the figures.
 */
export function reportCases(name: string, figures: Record<string, number | string>): void {
  const line = { suite: 'backend', name, ...figures };
  process.stdout.write(`reliability | ${name} | ${Object.entries(figures).map(([key, value]) => `${key}: ${value}`).join(', ')}\n`);
  if (process.env.RELIABILITY_OUT) appendFileSync(process.env.RELIABILITY_OUT, `${JSON.stringify(line)}\n`);
}
