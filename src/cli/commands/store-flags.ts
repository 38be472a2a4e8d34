import type { Command } from 'commander';
import type { StoreOptions } from '../../store/open-store';
import type { StoreFlags } from './store-flags-schema';
import { envelope, printEnvelope } from '../command-runner';
import { EXIT_CODES } from '../exit-codes';

/**
 * The parsed flags and the store options they choose. zod and the store load here, on use, so a
 * command's `--help` loads commander alone.
 */
export function storeFlagsOf(raw: unknown): { flags: StoreFlags; storeOptions: () => StoreOptions } {
  const { storeFlagsSchema, storeOptionsFrom } = require('./store-flags-schema') as typeof import('./store-flags-schema');
  const { parseFlags } = require('../parse-flags') as typeof import('../parse-flags');
  const flags = parseFlags(storeFlagsSchema, raw);
  return { flags, storeOptions: () => storeOptionsFrom(flags) };
}

export function withStoreFlags(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL server; $DATABASE_URL when not given, else the embedded database')
    .option('--data-dir <dir>', 'folder of the embedded database; $CS_HEALTH_DATA_DIR or .cs-health/db when not given')
    .option('--json', 'print the result as JSON');
}

/**
 * Runs a store command: its result printed as text or as the CLI's one `--json` envelope
 * (`command`, `ok`, the figures, `durationMs`, `error`); a failure as one line per bad path (or the
 * envelope with `error` and the `issues`) and exit code 1, never a stack.
 */
export async function runStoreCommand<T extends Record<string, unknown>>(command: string, json: boolean, work: () => Promise<T>, describe: (result: T) => string): Promise<void> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = await work();
    if (json) printEnvelope(envelope(command, true, result, elapsed()));
    else console.log(describe(result));
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; issues?: unknown };
    const message = typeof e?.message === 'string' ? e.message : String(error);
    const code = typeof e?.code === 'string' ? e.code : 'FAILED';
    if (json) printEnvelope(envelope(command, false, Array.isArray(e?.issues) ? { issues: e.issues } : {}, elapsed(), { message, code }));
    else {
      // With issues, the head of the message then one line per bad path reads better than one long line.
      console.error(`cs-health: ${Array.isArray(e?.issues) ? message.slice(0, message.indexOf(':') + 1) : message}`);
      if (Array.isArray(e?.issues)) for (const issue of e.issues as { path: string; message: string }[]) console.error(`  ${issue.path}: ${issue.message}`);
    }
    process.exitCode = EXIT_CODES.failure;
  }
}
