import { z } from 'zod';
import { portFlag, wholeNumberFlag } from '../flag-schemas';
import { TIER_NAMES } from '../hubspot-tiers';

const rate = (flag: string) => z.coerce.number({ message: `${flag}: must be between 0 and 1` }).min(0, `${flag}: must be between 0 and 1`).max(1, `${flag}: must be between 0 and 1`);

/** The flags, validated; each message names the flag. */
export const sandboxFlags = z.object({
  port: portFlag('--port'),
  host: z.string().min(1),
  data: z.enum(['demo', 'empty']),
  companies: wholeNumberFlag('--companies', { min: 1 }),
  seed: wholeNumberFlag('--seed'),
  asOf: z.string().refine((value) => !Number.isNaN(Date.parse(value)), '--as-of must be an ISO date such as 2026-11-01').optional(),
  token: z.string().min(1).optional(),
  tenSecondlyLimit: wholeNumberFlag('--ten-secondly-limit', { min: 1 }).optional(),
  dailyLimit: wholeNumberFlag('--daily-limit', { min: 1 }).optional(),
  searchLimit: wholeNumberFlag('--search-limit', { min: 1 }).optional(),
  hubspotLimits: z.enum(TIER_NAMES as [string, ...string[]]).optional(),
  faultSeed: wholeNumberFlag('--fault-seed').optional(),
  fault429: rate('--fault-429').optional(),
  fault429Daily: rate('--fault-429-daily').optional(),
  fault500: rate('--fault-500').optional(),
  fault502: rate('--fault-502').optional(),
  fault503: rate('--fault-503').optional(),
  faultReset: rate('--fault-reset').optional(),
  faultTruncate: rate('--fault-truncate').optional(),
  faultLatency: rate('--fault-latency').optional(),
  faultLatencyMs: wholeNumberFlag('--fault-latency-ms', { min: 0 }).optional(),
  // Checked against the sandbox's routes when the command runs (sandbox-action.ts).
  faultEndpoint: z.array(z.string()).optional(),
  json: z.boolean().default(false),
});

export type SandboxFlags = z.infer<typeof sandboxFlags>;
