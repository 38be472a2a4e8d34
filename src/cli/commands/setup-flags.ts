import { z } from 'zod';
import { baseUrlFlag } from '../base-url-flag';

/** `cs-health setup` flags; every message names its flag. */
export const setupFlags = z.object({ baseUrl: baseUrlFlag(), json: z.boolean().default(false) });
export type SetupFlags = z.infer<typeof setupFlags>;
