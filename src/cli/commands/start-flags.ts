import { z } from 'zod';
import { portFlag, wholeNumberFlag } from '../flag-schemas';

/** `cs-health start` flags; every message names its flag. */
export const startFlags = z.object({
  port: portFlag('--port'),
  sandboxPort: portFlag('--sandbox-port'),
  companies: wholeNumberFlag('--companies', { min: 1, max: 100_000 }),
  seed: wholeNumberFlag('--seed'),
  config: z.string().optional(),
  json: z.boolean().default(false),
});
export type StartFlags = z.infer<typeof startFlags>;
