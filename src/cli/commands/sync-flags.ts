import { z } from 'zod';
import { baseUrlFlag } from '../base-url-flag';
import { wholeNumberFlag } from '../flag-schemas';
import { TIER_NAMES } from '../hubspot-tiers';

const time = (flag: string, example: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: `${flag} must be a date or time such as ${example}` });

/** `cs-health sync` flags; every message names its flag. */
export const syncFlags = z.object({
  baseUrl: baseUrlFlag(),
  config: z.string().optional(),
  stateDir: z.string().min(1, '--state-dir must name a folder'),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  restart: z.boolean().default(false),
  since: time('--since', '2026-11-21T00:00:00Z'),
  asOf: time('--as-of', '2026-11-01T00:00:00Z'),
  tier: z.enum(TIER_NAMES as [string, ...string[]]),
  rateLimit: wholeNumberFlag('--rate-limit', { min: 1 }).optional(),
  batchCompanies: wholeNumberFlag('--batch-companies', { min: 100 }),
  ranges: wholeNumberFlag('--ranges', { min: 1, max: 1_000 }).optional(),
});
export type SyncFlags = z.infer<typeof syncFlags>;
