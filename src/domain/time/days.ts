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

export interface Period {
  start: Date;
  end: Date;
}

/** "today", "yesterday" or "N days ago", for reasons and actions a person reads. */
export function describeDaysAgo(days: number): string {
  if (days < 1) return 'today';
  if (days < 2) return 'yesterday';
  return `${Math.floor(days)} days ago`;
}
