import { z } from 'zod';
import { baseUrlFlag } from '../base-url-flag';
import { portFlag, wholeNumberFlag } from '../flag-schemas';

/** `cs-health serve` flags; every message names its flag. */
export const serveFlags = z.object({
  port: portFlag('--port'),
  baseUrl: baseUrlFlag(),
  publicUrl: baseUrlFlag('--public-url'),
  portalId: wholeNumberFlag('--portal-id', { min: 1 }).optional(),
  config: z.string().optional(),
  stateDir: z.string().min(1, '--state-dir must name a folder'),
  json: z.boolean().default(false),
});
export type ServeFlags = z.infer<typeof serveFlags>;

export const serveSecrets = z.object({
  HUBSPOT_ACCESS_TOKEN: z.string({ error: 'HUBSPOT_ACCESS_TOKEN is not set (the private app access token)' }).min(1, 'HUBSPOT_ACCESS_TOKEN is empty (the private app access token)'),
  HUBSPOT_CLIENT_SECRET: z.string({ error: 'HUBSPOT_CLIENT_SECRET is not set (the app client secret that signs requests)' }).min(1, 'HUBSPOT_CLIENT_SECRET is empty (the app client secret that signs requests)'),
});
