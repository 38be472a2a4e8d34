import { z } from 'zod';

/** A port flag; the message names the flag whatever is wrong (not a number, a fraction, out of range). */
export function portFlag(flag: string) {
  const message = `${flag} must be a port number (0-65535, 0 = any free port)`;
  return z.coerce.number({ message }).int(message).min(0, message).max(65_535, message);
}

/** A whole-number flag within bounds, named in every message. */
export function wholeNumberFlag(flag: string, bounds: { min?: number; max?: number } = {}) {
  const range = bounds.min !== undefined && bounds.max !== undefined ? ` from ${bounds.min} to ${bounds.max}` : bounds.min !== undefined ? ` of at least ${bounds.min}` : '';
  const message = `${flag} must be a whole number${range}`;
  let schema = z.coerce.number({ message }).int(message);
  if (bounds.min !== undefined) schema = schema.min(bounds.min, message);
  if (bounds.max !== undefined) schema = schema.max(bounds.max, message);
  return schema;
}
