import { UTCDate } from '@date-fns/utc';
import { addMonths } from 'date-fns';

/** Millisecond arithmetic for hot paths: the engine compares epoch numbers instead of allocating dates. */
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export const daysBetween = (earlier: Date | number, later: Date | number): number =>
  (Number(later) - Number(earlier)) / DAY_MS;

export const addDays = (date: Date | number, days: number): Date => new Date(Number(date) + days * DAY_MS);

/** The same calendar day `months` earlier, in UTC (clamped to the month's last day, like date-fns subMonths). */
export function subtractMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * `months` after `date` on the UTC calendar, clamped to the month's last day, whatever the
 * machine's time zone (plain date-fns counts in local time: Jan 31 + 1 month is Mar 1 in Los Angeles,
 * and Jan 1 + 6 months ends at 23:00 the day before in Berlin).
 *
 * @example
 * addMonthsUtc(new Date('2026-01-31T00:00:00Z'), 1) // => 2026-02-28T00:00:00.000Z
 */
export const addMonthsUtc = (date: Date, months: number): Date => new Date(addMonths(new UTCDate(date.getTime()), months).getTime());

/**
 * The UTC calendar day of a date as `YYYY-MM-DD`: `toISOString().slice(0, 10)` without the call,
 * which cost a third of assessCustomer's own time for churned customers (profile of the engine on
 * the demo portal). Years outside 0-9999 and invalid dates take toISOString's own path (its
 * extended years, its RangeError).
 *
 * @example
 * utcDay(new Date('2026-01-05T23:00:00Z')) // => '2026-01-05'
 */
export function utcDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString().slice(0, 10);
  const month = date.getUTCMonth() + 1, day = date.getUTCDate();
  return String.fromCharCode(digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), DASH, digit(month, 10), digit(month, 1), DASH, digit(day, 10), digit(day, 1));
}

/**
 * A date as `toISOString()` writes it (`YYYY-MM-DDTHH:mm:ss.sssZ`), without the call for years
 * 1000-9999 (see utcDay): each customer's property values carry their computed time, and the call
 * cost more than the rest of the values. Made from its character codes in one string (pieces joined
 * one by one were a dozen strings per call). Other years and invalid dates take toISOString's path.
 *
 * @example
 * isoInstant(new Date(Date.UTC(2026, 10, 1, 8, 5, 3, 7))) // => '2026-11-01T08:05:03.007Z'
 */
export function isoInstant(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) return date.toISOString();
  const month = date.getUTCMonth() + 1, day = date.getUTCDate(), hours = date.getUTCHours(), minutes = date.getUTCMinutes(), seconds = date.getUTCSeconds(), ms = date.getUTCMilliseconds();
  return String.fromCharCode(
    digit(year, 1000), digit(year, 100), digit(year, 10), digit(year, 1), DASH, digit(month, 10), digit(month, 1), DASH, digit(day, 10), digit(day, 1),
    T, digit(hours, 10), digit(hours, 1), COLON, digit(minutes, 10), digit(minutes, 1), COLON, digit(seconds, 10), digit(seconds, 1),
    DOT, digit(ms, 100), digit(ms, 10), digit(ms, 1), Z,
  );
}

/** The character code of the digit of `n` (0 or more) at `place` (1, 10, 100 or 1000). */
const digit = (n: number, place: number): number => 48 + (Math.floor(n / place) % 10);
const DASH = 45, T = 84, COLON = 58, DOT = 46, Z = 90;

export interface Period {
  start: Date;
  end: Date;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day of an instant in a time zone, as a UTC midnight epoch (so days subtract exactly).
 * In UTC that is plain arithmetic; other zones ask Intl, which costs microseconds (hot path: every
 * "N days ago" of every customer).
 */
export function calendarDayIn(instant: Date | number, timeZone: string): number {
  const t = Number(instant);
  if (timeZone === 'UTC' && Number.isFinite(t)) return t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  let year = NaN, month = NaN, day = NaN;
  for (const part of format.formatToParts(new Date(t))) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
  }
  return Date.UTC(year, month - 1, day);
}

/**
 * "today", "yesterday" or "N days ago" for `when` seen from `now`, in calendar days of the portal's
 * time zone (an answer given at 23:00 the day before is "yesterday", even one hour later).
 *
 * @example
 * describeDaysAgo(new Date('2026-11-21T23:00:00Z'), new Date('2026-11-22T01:00:00Z'), 'UTC') // => 'yesterday'
 * describeDaysAgo(new Date('2026-11-21T23:00:00Z'), new Date('2026-11-22T01:00:00Z'), 'Europe/Paris') // => 'today'
 */
export const describeDaysAgo = (when: Date | number, now: Date | number, timeZone = 'UTC'): string => daysAgoText(calendarDaysAgo(when, now, timeZone));

/** Calendar days from `when` to `now` in the time zone (describeDaysAgo's count; 0 or less reads "today"). */
export const calendarDaysAgo = (when: Date | number, now: Date | number, timeZone = 'UTC'): number => Math.round((calendarDayIn(now, timeZone) - calendarDayIn(when, timeZone)) / DAY_MS);

/** describeDaysAgo's words for a count of calendar days. */
export function daysAgoText(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}
