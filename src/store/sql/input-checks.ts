import type { SettingsIssue } from '../store';
import { StoreInputError } from '../store-errors';

/** A usable Date (from any realm: a test sandbox's Dates are not this realm's `Date`). */
export const isValidDate = (d: unknown): d is Date => Object.prototype.toString.call(d) === '[object Date]' && !Number.isNaN((d as Date).getTime());

/** Issues for each named value that is not a valid date. */
export const dateIssues = (values: Record<string, unknown>): SettingsIssue[] =>
  Object.entries(values).filter(([, v]) => !isValidDate(v)).map(([path]) => ({ path, message: `${path} must be a valid date` }));

/** A version or id: a whole number from `min`; anything else is the caller's mistake, named. */
export function requireWholeNumber(path: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw new StoreInputError([{ path, message: `${path} must be a whole number from ${min}` }]);
  return value;
}
