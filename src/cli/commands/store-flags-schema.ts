import { z } from 'zod';
import type { StoreOptions } from '../../store/open-store';

/** The flags every store-backed command takes; `DATABASE_URL` in the environment is the default server. */
export const storeFlagsSchema = z.object({
  databaseUrl: z.string().optional(),
  dataDir: z.string().optional(),
  json: z.boolean().default(false),
});

export type StoreFlags = z.infer<typeof storeFlagsSchema>;

/** Flags first, then the environment. */
export function storeOptionsFrom(flags: z.infer<typeof storeFlagsSchema>, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  // Loaded on use: the store's engines (PGlite, pg) must not slow `--help`.
  const { storeOptionsFromEnv } = require('../../store/open-store') as typeof import('../../store/open-store');
  const fromEnv = storeOptionsFromEnv(env);
  const databaseUrl = flags.databaseUrl ?? fromEnv.databaseUrl;
  return databaseUrl ? { databaseUrl } : { dataDir: flags.dataDir ?? fromEnv.dataDir };
}

