import { readFileSync, statSync } from 'node:fs';
import type { EngineConfig } from '../domain/config/engine-config';
import { loadEngineConfig } from '../domain/config/load-engine-config';
import { CliError } from './cli-error';
import { EXIT_CODES } from './exit-codes';

/** A bad config file is the user's to fix before anything runs: exit code 2, `error.code` CONFIG. */
const configError = (message: string) => new CliError(message, EXIT_CODES.usage, 'CONFIG');

/** A configuration is a few kilobytes; anything past this is not one (and would be read whole into memory). */
export const CONFIG_MAX_BYTES = 1024 * 1024;
/** The deepest real configuration nests about 5 levels; this leaves room and keeps parsing off deep recursion. */
export const CONFIG_MAX_DEPTH = 64;

/**
 * How deeply `{` and `[` nest in JSON text, counted without parsing (strings skipped), stopping as
 * soon as `limit` is passed: a file nested 100,000 levels must be refused before anything recurses.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

/**
 * The engine config from `--config <file>`, or the defaults. Every problem is one line naming the
 * file: unreadable, too large, nested too deep, not JSON, or a field the engine refuses.
 */
export function loadConfigFile(path: string | undefined): EngineConfig {
  if (!path) return loadEngineConfig({});
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > CONFIG_MAX_BYTES) throw configError(`--config ${path}: the file is ${size.toLocaleString('en-US')} bytes; the limit is ${CONFIG_MAX_BYTES.toLocaleString('en-US')} bytes (1 MiB)`);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(`--config ${path}: cannot read the file (${code ?? (error as Error).message}); check the path`);
  }
  if (jsonNestingDepth(text, CONFIG_MAX_DEPTH) > CONFIG_MAX_DEPTH) {
    throw configError(`--config ${path}: nested more than ${CONFIG_MAX_DEPTH} levels deep; the limit is ${CONFIG_MAX_DEPTH}`);
  }
  try {
    return loadEngineConfig(text);
  } catch (error) {
    throw configError(`--config ${path}: ${(error as Error).message}`);
  }
}
