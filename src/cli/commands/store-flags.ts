import type { Command } from 'commander';
import { z } from 'zod';
import { storeOptionsFromEnv, type StoreOptions } from '../../store/open-store';

/** The flags every store-backed command takes; `DATABASE_URL` in the environment is the default server. */
export const storeFlagsSchema = z.object({
  databaseUrl: z.string().optional(),
  dataDir: z.string().optional(),
  json: z.boolean().default(false),
});

export function withStoreFlags(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL; without one, the embedded database)')
    .option('--data-dir <dir>', 'folder of the embedded database (default: $CS_HEALTH_DATA_DIR or .cs-health/db)')
    .option('--json', 'print the result as JSON');
}

/** Flags first, then the environment. */
export function storeOptionsFrom(flags: z.infer<typeof storeFlagsSchema>, env: NodeJS.ProcessEnv = process.env): StoreOptions {
  const fromEnv = storeOptionsFromEnv(env);
  const databaseUrl = flags.databaseUrl ?? fromEnv.databaseUrl;
  return databaseUrl ? { databaseUrl } : { dataDir: flags.dataDir ?? fromEnv.dataDir };
}

/**
 * Runs a store command: its result printed as text or JSON; a failure as one line (or, with
 * `--json`, `{ ok: false, code, message, issues? }`) and exit code 1, never a stack.
 */
export async function runStoreCommand<T>(json: boolean, work: () => Promise<T>, describe: (result: T) => string): Promise<void> {
  try {
    const result = await work();
    console.log(json ? JSON.stringify({ ok: true, ...result }, null, 2) : describe(result));
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; issues?: unknown };
    const message = typeof e?.message === 'string' ? e.message : String(error);
    if (json) console.log(JSON.stringify({ ok: false, code: typeof e?.code === 'string' ? e.code : 'FAILED', message, ...(Array.isArray(e?.issues) ? { issues: e.issues } : {}) }, null, 2));
    else {
      // With issues, the head of the message then one line per bad path reads better than one long line.
      console.error(`cs-health: ${Array.isArray(e?.issues) ? message.slice(0, message.indexOf(':') + 1) : message}`);
      if (Array.isArray(e?.issues)) for (const issue of e.issues as { path: string; message: string }[]) console.error(`  ${issue.path}: ${issue.message}`);
    }
    process.exitCode = 1;
  }
}
