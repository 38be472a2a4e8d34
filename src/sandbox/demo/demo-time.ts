/**
 * Calendar arithmetic for the demo portal, in UTC and on epoch milliseconds, so the same options
 * give the same bytes on any machine whatever its time zone (date-fns works in local time).
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

// Formatting dates was half of the generation time with Date#toISOString; a portal spans a few
// thousand days, so each day's "YYYY-MM-DDT" is made once and the time of day is plain arithmetic.
const dayPrefixes = new Map<number, string>();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dayPrefix(dayIndex: number): string {
  let prefix = dayPrefixes.get(dayIndex);
  if (prefix === undefined) {
    prefix = new Date(dayIndex * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(dayIndex, prefix);
  }
  return prefix;
}

/** ISO-8601 with milliseconds in UTC, as HubSpot writes datetime properties (same text as Date#toISOString). */
export function isoDateTime(t: number): string {
  const ms = Math.floor(t);
  const dayIndex = Math.floor(ms / DAY);
  let rest = ms - dayIndex * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${dayPrefix(dayIndex)}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(rest - seconds * 1000, 3)}Z`;
}

/** `YYYY-MM-DD`, as HubSpot writes date properties. */
export const isoDate = (t: number): string => dayPrefix(Math.floor(Math.floor(t) / DAY)).slice(0, 10);

/** Midnight UTC of the day `t` falls in: contracts start and end on day boundaries. */
export const startOfDay = (t: number): number => t - (((t % DAY) + DAY) % DAY);

/** The same calendar day `months` later (negative: earlier), clamped to the month's last day. */
export function addMonths(t: number, months: number): number {
  const date = new Date(t);
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0)).getUTCDate();
  return first + (Math.min(date.getUTCDate(), lastDay) - 1) * DAY + (t - startOfDay(t));
}

/** The calendar quarter `offset` quarters from the one `t` falls in: [start, end] with end the last millisecond. */
export function quarter(t: number, offset = 0): { start: number; end: number; label: string } {
  const date = new Date(t);
  const index = Math.floor(date.getUTCMonth() / 3) + offset;
  const start = Date.UTC(date.getUTCFullYear(), index * 3, 1);
  const end = Date.UTC(date.getUTCFullYear(), index * 3 + 3, 1) - 1;
  const startDate = new Date(start);
  return { start, end, label: `Q${Math.floor(startDate.getUTCMonth() / 3) + 1} ${startDate.getUTCFullYear()}` };
}

/**
 * Midnight of `t`'s day, moved to the 1st of the next month when it falls on the 29th-31st:
 * contracts start on days every month has, so start + n months is exact and a line item's term
 * gives back the deal's end date.
 */
export function contractDay(t: number): number {
  const day = startOfDay(t);
  const date = new Date(day);
  return date.getUTCDate() > 28 ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) : day;
}
