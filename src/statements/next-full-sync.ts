import { DEFAULT_FULL_SYNC_CRON } from '../jobs/job-definitions';

const two = (n: number) => String(n).padStart(2, '0');

/**
 * When the next scheduled full sync (which computes the statements) runs, in words, for a daily
 * cron (`M H * * *`, UTC, as the worker schedules it); any other cron is quoted as it is.
 *
 * @example
 * nextFullSyncText(new Date('2026-11-29T10:00:00Z')) // => 'the nightly full sync at 03:00 UTC (next: 2026-11-30 03:00 UTC)'
 */
export function nextFullSyncText(now: Date, cron: string = DEFAULT_FULL_SYNC_CRON): string {
  const daily = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (!daily) return `the scheduled full sync (cron "${cron}", UTC)`;
  const [minute, hour] = [Number(daily[1]), Number(daily[2])];
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, minute));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return `the nightly full sync at ${two(hour)}:${two(minute)} UTC (next: ${next.toISOString().slice(0, 10)} ${two(hour)}:${two(minute)} UTC)`;
}
