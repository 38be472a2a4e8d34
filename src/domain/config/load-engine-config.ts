import { z } from 'zod';
import { engineConfigSchema, type EngineConfig } from './engine-config';

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid configuration: ${issues.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates a configuration (parsed JSON or JSON text) and fills the defaults. A bad config fails
 * here, at load, with every problem named by its path and what was expected.
 *
 * @example
 * loadEngineConfig({ health: { weights: { usage: 'abc' } } })
 * // throws ConfigError: invalid configuration: health.weights.usage: expected a number >= 0, got "abc"
 */
export function loadEngineConfig(input: unknown): EngineConfig {
  let raw = input;
  if (typeof input === 'string') {
    try {
      raw = JSON.parse(input);
    } catch (error) {
      throw new ConfigError([`the file is not valid JSON (${(error as Error).message})`]);
    }
  }
  const parsed = engineConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => describeIssue(issue, raw)));
}

/** The engine config from JSON text or a parsed object: `loadEngineConfig` under the name issue 3 uses. */
export const loadConfig = loadEngineConfig;

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path.length ? issue.path.join('.') : '(root)';
  const got = valueAt(raw, issue.path);
  const shown = got === undefined ? '' : `, got ${JSON.stringify(got)}`;
  return `${path}: ${issue.message}${issue.code === 'unrecognized_keys' ? '' : shown}`;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let current = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
