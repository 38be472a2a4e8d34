import type { Customer } from '../../customer';
import type { Metric } from '../../metric';
import type { Period } from '../../time/days';
import type { ManualEntry } from './manual-entries';

/** What a measure is computed over: a book of accounts (a CSM's, a team's, the company's) in a window. */
export interface MeasureScope {
  customers: readonly Customer[];
  /** The window judged: the period to date, or the part of it a portfolio was held. */
  window: Period;
  /** Whose results these are: manual entries and a rep's early churn are matched on them. */
  ownerIds: readonly string[];
  manual: readonly ManualEntry[];
  /** Touches (calls, emails, meetings) per company id within the window, from the data layer's search counts. */
  touchCounts?: Readonly<Record<string, number>>;
}

/** A measure's actual value, or why there is none, and the figures behind it in words. */
export interface MeasureActual {
  actual: Metric<number>;
  /** How the actual was obtained, e.g. "3 of 4 accounts touched between 2026-09-01 and 2026-09-30". */
  basis: string;
}

/**
 * True when the date falls in the period, ends included.
 *
 * @example
 * within(new Date('2026-08-01'), { start: new Date('2026-07-01'), end: new Date('2026-09-30') }) // => true
 */
export const within = (d: Date | undefined, p: Period): d is Date => d !== undefined && d >= p.start && d <= p.end;

/**
 * The UTC day of a date, as explanations print it.
 *
 * @example
 * day(new Date('2026-08-01T10:00:00Z')) // => '2026-08-01'
 */
export const day = (d: Date): string => d.toISOString().slice(0, 10);

export const NO_ACCOUNTS = 'no accounts in this portfolio';
