import { z } from 'zod';
import type { Period } from '../time/days';

export const PERIOD_LENGTHS = ['month', 'quarter', 'year'] as const;
export type PeriodLength = (typeof PERIOD_LENGTHS)[number];

const MONTHS: Record<PeriodLength, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The last instant before the next period of this length starts, in UTC.
 *
 * @example
 * periodEnd(new Date('2026-07-01T00:00:00Z'), 'quarter') // => 2026-09-30T23:59:59.999Z
 */
export function periodEnd(start: Date, length: PeriodLength): Date {
  const next = new Date(start);
  next.setUTCMonth(next.getUTCMonth() + MONTHS[length]);
  return new Date(next.getTime() - 1);
}

/**
 * A plan period: its start and end, or its start and length (month, quarter or year), the end then
 * being the last instant of that length. The end must come after the start.
 */
export const planPeriodSchema = z
  .strictObject({
    length: z.enum(PERIOD_LENGTHS, { error: () => `period length must be one of ${PERIOD_LENGTHS.join(', ')}` }).optional(),
    start: z.coerce.date({ error: () => 'start must be a date' }),
    end: z.coerce.date({ error: () => 'end must be a date' }).optional(),
  }, { error: (issue) => (issue.code === 'invalid_type' ? 'the period is required: { start, end } or { start, length }' : undefined) })
  .superRefine((p, ctx) => {
    if (!p.end && !p.length) ctx.addIssue({ code: 'custom', path: ['end'], message: 'give the period an end or a length (month, quarter, year)' });
  })
  .transform((p) => ({ length: p.length, start: p.start, end: p.end ?? periodEnd(p.start, p.length ?? 'quarter') }))
  .refine((p) => p.end > p.start, { message: 'the period must end after it starts', path: ['end'] });

export type PlanPeriod = z.infer<typeof planPeriodSchema>;

/**
 * Share of the period elapsed at `asOf`, 0..1: what pace to date projects from.
 *
 * @example
 * elapsedShare({ start: new Date('2026-07-01'), end: new Date('2026-07-31') }, new Date('2026-07-16')) // => 0.5
 */
export function elapsedShare(period: Period, asOf: Date): number {
  const span = period.end.getTime() - period.start.getTime();
  return Math.min(1, Math.max(0, (asOf.getTime() - period.start.getTime()) / span));
}

/**
 * The part of the period already lived at `asOf` (the whole period once it is over).
 *
 * @example
 * periodToDate({ start: new Date('2026-07-01'), end: new Date('2026-09-30') }, new Date('2026-08-15')) // => { start: 2026-07-01, end: 2026-08-15 }
 */
export const periodToDate = (period: Period, asOf: Date): Period => ({ start: period.start, end: asOf < period.end ? asOf : period.end });
