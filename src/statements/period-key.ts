import type { Period } from '../domain/time/days';

const pad = (n: number) => String(n).padStart(2, '0');
const startsMonth = (d: Date) => d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
/** The first instant of the month `months` after the one `d` is in. */
const monthsAfter = (d: Date, months: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));

/**
 * The key a period's statements are stored under: `2026` for a calendar year, `2026-Q4` for a
 * calendar quarter, `2026-11` for a calendar month. Any other span (a plan period from 15 July,
 * or four months) is keyed by the month it starts in, `2026-07`: two plan periods cannot start
 * in the same month without overlapping, as plan periods run a month or more.
 *
 * @example
 * periodKey({ start: new Date('2026-10-01T00:00:00Z'), end: new Date('2026-12-31T23:59:59.999Z') }) // => '2026-Q4'
 */
export function periodKey(period: Period): string {
  const { start, end } = period;
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  // Plan periods end on the last instant before the next one (`periodEnd`); an end on the next
  // period's first instant names the same span.
  const endsBefore = (next: Date) => end.getTime() === next.getTime() - 1 || end.getTime() === next.getTime();
  if (startsMonth(start)) {
    if (month === 0 && endsBefore(monthsAfter(start, 12))) return String(year);
    if (month % 3 === 0 && endsBefore(monthsAfter(start, 3))) return `${year}-Q${month / 3 + 1}`;
  }
  return `${year}-${pad(month + 1)}`;
}

/**
 * The calendar quarter `at` falls in: the plan period when no plans were saved (as the My
 * objectives card does).
 *
 * @example
 * quarterOf(new Date('2026-11-29T10:00:00Z')) // => { start: 2026-10-01T00:00:00.000Z, end: 2026-12-31T23:59:59.999Z }
 */
export function quarterOf(at: Date): Period {
  const first = Math.floor(at.getUTCMonth() / 3) * 3;
  return { start: new Date(Date.UTC(at.getUTCFullYear(), first, 1)), end: new Date(Date.UTC(at.getUTCFullYear(), first + 3, 1) - 1) };
}
