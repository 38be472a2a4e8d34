import { DEFAULT_ENGINE_CONFIG as config, engineConfigSchema } from '../../../src/domain/config/engine-config';
import { firedSignals } from '../../../src/domain/churn-risk/risk-signals';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import fc from 'fast-check';
import { addMonthsUtc, calendarDayIn, describeDaysAgo, isoInstant, utcDay } from '../../../src/domain/time/days';
import { at, createMockCustomer, nps, wonDeal } from '../fixtures/customer-fixtures';

describe('days in words follow the portal time zone', () => {
  it('calls an answer from the previous calendar day "yesterday", even 2 hours before', () => {
    expect(describeDaysAgo(at('2026-11-21T23:00:00Z'), at('2026-11-22T01:00:00Z'))).toBe('yesterday');
    expect(describeDaysAgo(at('2026-11-22T00:30:00Z'), at('2026-11-22T23:00:00Z'))).toBe('today');
    expect(describeDaysAgo(at('2026-11-18T23:59:00Z'), at('2026-11-22T00:01:00Z'))).toBe('4 days ago');
  });

  it('counts calendar days where the portal is', () => {
    // 23:00Z on the 21st is midnight on the 22nd in Paris: the same day as 01:00Z on the 22nd.
    expect(describeDaysAgo(at('2026-11-21T23:00:00Z'), at('2026-11-22T01:00:00Z'), 'Europe/Paris')).toBe('today');
    // 07:00Z on the 22nd is still the 21st in Los Angeles (23:00 PST); 09:00Z on the 22nd is the 22nd (01:00).
    expect(describeDaysAgo(at('2026-11-22T07:00:00Z'), at('2026-11-22T09:00:00Z'), 'America/Los_Angeles')).toBe('yesterday');
  });

  it('finds the UTC day by arithmetic exactly where Intl finds it, before 1970 and at midnight too', () => {
    // 'Etc/UTC' is the same zone by another name, so it still goes through Intl.
    const aroundMidnight = fc.tuple(fc.integer({ min: -25_000, max: 80_000 }), fc.constantFrom(-1, 0, 1)).map(([day, ms]) => day * 86_400_000 + ms);
    const instants = fc.oneof(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), aroundMidnight);
    fc.assert(fc.property(instants, (t) => calendarDayIn(t, 'UTC') === calendarDayIn(t, 'Etc/UTC')), { numRuns: 2_000 });
  });

  it('writes the detractor reason in the configured zone (default UTC)', () => {
    const customer = createMockCustomer({ deals: [wonDeal(500, '2025-01-01T00:00:00Z')], feedback: [nps(2, '2026-11-21T22:00:00Z')] });
    const asOf = at('2026-11-22T06:00:00Z');
    const reason = (cfg: typeof config) => firedSignals(signalsAt(customer, cfg, asOf), undefined, cfg).find((s) => s.rule === 'detractorRecent')?.reason;
    expect(reason(config)).toBe('Detractor answered yesterday');
    expect(reason(engineConfigSchema.parse({ timeZone: 'Asia/Kolkata' }))).toBe('Detractor answered today');
  });

  it('rejects a time zone the runtime does not know, naming the field', () => {
    const parsed = engineConfigSchema.safeParse({ timeZone: 'Mars/Olympus' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['timeZone'], message: 'expected an IANA time zone such as "UTC" or "Europe/Paris"' });
  });
});

describe('addMonthsUtc', () => {
  it('adds calendar months in UTC whatever the machine zone (Jan 31 + 1 = Feb 28; Jan 1 + 6 = Jul 1 00:00Z)', () => {
    expect(addMonthsUtc(at('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonthsUtc(at('2026-01-01T00:00:00Z'), 6).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(addMonthsUtc(at('2028-01-31T12:00:00Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });
});

describe('utcDay', () => {
  it('is toISOString\'s day for every kind of date: padded months and days, any hour, leap days, years outside 1000-9999', () => {
    const instants = [
      '2026-01-05T23:59:59.999Z', '2026-12-31T00:00:00Z', '2024-02-29T12:00:00Z', '1999-10-10T00:00:00Z', '1970-01-01T00:00:00Z',
      '1000-01-01T00:00:00Z', '0999-12-31T23:59:59Z', '0001-06-01T00:00:00Z', '9999-12-31T23:59:59Z', '+010000-01-01T00:00:00Z', '-000001-03-01T00:00:00Z',
    ].map((text) => new Date(text));
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 13) instants.push(new Date(t));
    for (const date of instants) expect([date.getTime(), utcDay(date)]).toEqual([date.getTime(), date.toISOString().slice(0, 10)]);
  });

  it('throws as toISOString does on an invalid date', () => {
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isoInstant', () => {
  it('is toISOString for every kind of instant: padded fields, milliseconds 0-999, years outside 1000-9999', () => {
    const instants = ['2026-11-01T00:00:00Z', '2026-01-05T09:08:07.006Z', '2026-12-31T23:59:59.999Z', '1000-01-01T00:00:00.050Z', '0999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z', '+010000-01-01T00:00:00Z', '-000001-03-01T00:00:00Z'].map((text) => new Date(text));
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 7 * 3_600_000 + 60_013) instants.push(new Date(t));
    const differing = instants.filter((date) => isoInstant(date) !== date.toISOString()).map((date) => date.getTime());
    expect(differing).toEqual([]);
    expect(instants.length).toBeGreaterThan(2_000);
  });
});
