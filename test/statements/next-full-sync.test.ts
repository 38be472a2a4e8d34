import { nextFullSyncText } from '../../src/statements/next-full-sync';

describe('nextFullSyncText', () => {
  it('names the next run of the nightly sync: today when its hour is still ahead, else tomorrow', () => {
    expect(nextFullSyncText(new Date('2026-11-29T02:59:00Z'))).toBe('the nightly full sync at 03:00 UTC (next: 2026-11-29 03:00 UTC)');
    expect(nextFullSyncText(new Date('2026-11-29T03:00:00Z'))).toBe('the nightly full sync at 03:00 UTC (next: 2026-11-30 03:00 UTC)');
    expect(nextFullSyncText(new Date('2026-12-31T23:00:00Z'), '30 1 * * *')).toBe('the nightly full sync at 01:30 UTC (next: 2027-01-01 01:30 UTC)');
  });

  it('quotes any other schedule as it is', () => {
    expect(nextFullSyncText(new Date('2026-11-29T10:00:00Z'), '0 */6 * * *')).toBe('the scheduled full sync (cron "0 */6 * * *", UTC)');
  });
});
