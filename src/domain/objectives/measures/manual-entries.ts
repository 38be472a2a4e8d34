import { z } from 'zod';
import { noData, value } from '../../metric';
import { MANUAL_MEASURE_KEYS } from '../measure-catalogue';
import { day, within, type MeasureActual, type MeasureScope } from './measure-scope';

/**
 * A figure a manager enters by hand (help-centre articles, webinars, trainings given): for whom,
 * when the work happened, and who entered it and when, so a review can trace it.
 */
export const manualEntrySchema = z.strictObject({
  measure: z.enum(MANUAL_MEASURE_KEYS, { error: (issue) => `measure ${JSON.stringify(issue.input)} is not entered by hand; manual measures: ${MANUAL_MEASURE_KEYS.join(', ')}` }),
  ownerId: z.string().min(1, 'ownerId is required'),
  value: z.number({ error: () => 'value must be a number' }).min(0, 'value must be 0 or more'),
  occurredAt: z.coerce.date({ error: () => 'occurredAt must be a date' }),
  enteredBy: z.string().min(1, 'enteredBy is required: who entered the figure'),
  enteredAt: z.coerce.date({ error: () => 'enteredAt must be a date' }),
  note: z.string().optional(),
});

export type ManualEntry = z.infer<typeof manualEntrySchema>;

/**
 * Sum of a manager's entries for the scope's people within the window; "no data" when nothing was
 * entered (an empty entry is not a zero: the manager may simply not have entered it yet).
 *
 * @example
 * manualMeasure('webinars', scope) // => { actual: { kind: 'value', value: 2 }, basis: '2 from 2 entries: 1 by lea@vendor.example on 2026-08-02, ...' }
 */
export function manualMeasure(measure: ManualEntry['measure'], scope: Pick<MeasureScope, 'manual' | 'ownerIds' | 'window'>): MeasureActual {
  const entries = scope.manual.filter((e) => e.measure === measure && scope.ownerIds.includes(e.ownerId) && within(e.occurredAt, scope.window));
  if (entries.length === 0) return { actual: noData('nothing entered by a manager for this period'), basis: 'manual entries' };
  const sum = entries.reduce((s, e) => s + e.value, 0);
  const who = entries.map((e) => `${e.value} by ${e.enteredBy} on ${day(e.enteredAt)}`).join(', ');
  return { actual: value(sum), basis: `${sum} from ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}: ${who}` };
}
