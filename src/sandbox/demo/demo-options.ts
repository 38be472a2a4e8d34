import { z } from 'zod';

/** What a demo portal is made from; validated at the edge so a bad value names its field. */
export const demoOptionsSchema = z.object({
  companies: z
    .number({ error: 'companies must be a number' })
    .int('companies must be a whole number')
    .min(1, 'companies must be at least 1')
    .max(1_000_000, 'companies must be at most 1,000,000'),
  seed: z.number({ error: 'seed must be a number' }).int('seed must be a whole number'),
  // zod reports an Invalid Date as a wrong type: say which of the two it is.
  asOf: z.date({ error: (issue) => (issue.input instanceof Date ? 'asOf must be a valid date' : 'asOf must be a date') }),
});

export type DemoOptions = z.infer<typeof demoOptionsSchema>;

/** The options, or an error that names each bad field ("demo portal: companies: companies must be at most 1,000,000"). */
export function parseDemoOptions(options: unknown): DemoOptions {
  const parsed = demoOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new Error(`demo portal: ${issues.join('; ')}`);
}
