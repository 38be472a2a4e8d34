/**
 * Calendar arithmetic for the demo portal, in UTC and on epoch milliseconds, so the same options
 * give the same bytes on any machine whatever its time zone (date-fns works in local time).
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** ISO-8601 with milliseconds, as HubSpot writes datetime properties. */
export const isoDateTime = (t: number): string => new Date(t).toISOString();

/** `YYYY-MM-DD`, as HubSpot writes date properties. */
export const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

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
