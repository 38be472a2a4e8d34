import fc from 'fast-check';
import { addMonths, contractDay, isoDate, isoDateTime, quarter } from '../../../src/sandbox/demo/demo-time';

const utc = (text: string) => Date.parse(text);
// 1990..2100: the range a demo portal's dates can take.
const instant = fc.integer({ min: utc('1990-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z') });

describe('demo calendar arithmetic', () => {
  it('formats datetimes and dates exactly as Date#toISOString does', () => {
    fc.assert(fc.property(instant, (t) => isoDateTime(t) === new Date(t).toISOString() && isoDate(t) === new Date(t).toISOString().slice(0, 10)));
  });

  it('adds calendar months in UTC, clamped to the end of shorter months', () => {
    expect(isoDateTime(addMonths(utc('2026-01-31T10:00:00Z'), 1))).toBe('2026-02-28T10:00:00.000Z');
    expect(isoDateTime(addMonths(utc('2026-03-15T00:00:00Z'), -12))).toBe('2025-03-15T00:00:00.000Z');
    expect(isoDateTime(addMonths(utc('2024-02-29T00:00:00Z'), 12))).toBe('2025-02-28T00:00:00.000Z');
  });

  it('starts contracts on a day every month has, so adding and removing months gives the date back', () => {
    expect(isoDateTime(contractDay(utc('2026-05-30T13:00:00Z')))).toBe('2026-06-01T00:00:00.000Z');
    expect(isoDateTime(contractDay(utc('2026-05-12T13:00:00Z')))).toBe('2026-05-12T00:00:00.000Z');
    fc.assert(fc.property(instant, fc.integer({ min: -36, max: 36 }), (t, months) => {
      const start = contractDay(t);
      return addMonths(addMonths(start, months), -months) === start;
    }));
  });

  it('names the calendar quarter and its bounds', () => {
    expect(quarter(utc('2026-11-01T00:00:00Z'))).toEqual({ start: utc('2026-10-01T00:00:00Z'), end: utc('2027-01-01T00:00:00Z') - 1, label: 'Q4 2026' });
    expect(quarter(utc('2026-02-10T00:00:00Z'), -1).label).toBe('Q4 2025');
  });
});
