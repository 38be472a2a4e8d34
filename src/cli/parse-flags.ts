import type { z } from 'zod';
import { usageError } from './cli-error';

/** `baseUrl` -> `--base-url`: the flag as the user typed it. */
export function flagName(key: PropertyKey): string {
  return `--${String(key).replace(/[A-Z]+|[0-9]+/g, (part) => `-${part.toLowerCase()}`)}`;
}

/**
 * Validates a command's flags; a problem is one line naming the flag (exit code 2), never a stack.
 * A message that already names its flag or variable is kept as it is.
 */
export function parseFlags<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw usageError(
    parsed.error.issues
      .map((issue) => (/^(--|[A-Z_]{4,})/.test(issue.message) || issue.path.length === 0 ? issue.message : `${flagName(issue.path[0])}: ${issue.message}`))
      .join('; '),
  );
}
