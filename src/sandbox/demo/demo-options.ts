import { z } from 'zod';

/** What a demo portal is made from; validated at the edge so a bad value names its field. */
export const demoOptionsSchema = z.object({
  companies: z
    .number({ error: 'companies must be a number' })
    .int('companies must be a whole number')
    .min(1, 'companies must be at least 1')
    .max(100_000, 'companies must be at most 100,000'),
  seed: z.number({ error: 'seed must be a number' }).int('seed must be a whole number'),
  asOf: z.date({ error: 'asOf must be a date' }).refine((d) => !Number.isNaN(d.getTime()), { message: 'asOf must be a valid date' }),
});

export type DemoOptions = z.infer<typeof demoOptionsSchema>;

/** The options, or an error that names each bad field ("demo portal: companies: companies must be at most 100,000"). */
export function parseDemoOptions(options: unknown): DemoOptions {
  const parsed = demoOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new Error(`demo portal: ${issues.join('; ')}`);
}
