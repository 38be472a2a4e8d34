import { measureActual } from '../../../src/domain/objectives/measures/measure-actual';
import type { MeasureScope } from '../../../src/domain/objectives/measures/measure-scope';
import { manualEntrySchema } from '../../../src/domain/objectives/measures/manual-entries';
import { MEASURE_KEYS, MEASURES } from '../../../src/domain/objectives/measure-catalogue';
import { at, createMockCustomer, csat, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';
import { account, quarter } from './objective-fixtures';

const scope = (over: Partial<MeasureScope>): MeasureScope => ({ customers: [], window: quarter, ownerIds: ['ana'], manual: [], ...over });
const actual = (m: Parameters<typeof measureActual>[0], s: Partial<MeasureScope>) => measureActual(m, scope(s)).actual;

describe('measures', () => {
  it('give a CSM with no accounts "no data" for every CRM measure, never 0', () => {
    for (const m of MEASURE_KEYS.filter((k) => !MEASURES[k].manual)) {
      expect(actual(m, {})).toMatchObject({ kind: 'no_data' });
    }
  });

  it('read GRR, NRR, logo retention and expansion from the revenue of the accounts paying at the start', () => {
    const grows = createMockCustomer({ id: 'g', deals: [wonDeal(1000, '2025-01-01T00:00:00Z'), wonDeal(500, '2026-08-01T00:00:00Z')] });
    const customers = [account('a', true), account('b', false), grows];
    const valueOf = (m: Parameters<typeof measureActual>[0]) => { const a = actual(m, { customers }); return a.kind === 'value' ? a.value : Number.NaN; };
    expect(valueOf('grr')).toBeCloseTo((2000 / 3000) * 100);
    expect(valueOf('nrr')).toBeCloseTo((2500 / 3000) * 100);
    expect(valueOf('logo_retention')).toBeCloseTo((2 / 3) * 100);
    expect(measureActual('expansion_mrr', scope({ customers }))).toEqual({ actual: { kind: 'value', value: 500 }, basis: '1 account grew, from a starting MRR of 3,000' });
  });

  it('take NPS and CSAT from answers given within the window only', () => {
    const customers = [createMockCustomer({ feedback: [nps(10, '2026-08-01T00:00:00Z'), nps(3, '2026-08-02T00:00:00Z'), nps(0, '2026-05-01T00:00:00Z'), csat(5, '2026-08-01T00:00:00Z'), csat(2, '2026-08-03T00:00:00Z')] })];
    expect(measureActual('nps', scope({ customers }))).toEqual({ actual: { kind: 'value', value: 0 }, basis: '1 promoters, 0 passives, 1 detractors' });
    expect(actual('csat', { customers })).toEqual({ kind: 'value', value: 50 });
    expect(actual('nps', { customers: [createMockCustomer()] })).toEqual({ kind: 'no_data', reason: 'no NPS answers' });
  });

  it('count accounts touched in the month ending the window, leaving out those touched only since', () => {
    const touched = (iso?: string) => createMockCustomer({ engagement: { lastTouchAt: iso ? at(iso) : undefined } });
    const customers = [touched('2026-09-15T00:00:00Z'), touched('2026-08-01T00:00:00Z'), touched(), touched('2026-10-05T00:00:00Z')];
    expect(measureActual('accounts_contacted', scope({ customers }))).toEqual({ actual: { kind: 'value', value: (1 / 3) * 100 }, basis: '1 of 3 accounts touched between 2026-08-30 and 2026-09-30; 1 touched since, so not judged' });
  });

  it('use the data layer\'s touch counts for a month window and for touches per account', () => {
    const september = { start: at('2026-09-01T00:00:00Z'), end: at('2026-09-30T23:59:59Z') };
    const customers = [createMockCustomer({ id: 'x' }), createMockCustomer({ id: 'y' }), createMockCustomer({ id: 'z', engagement: { lastTouchAt: at('2026-09-03T00:00:00Z') } })];
    const touchCounts = { x: 4, y: 0 };
    // x and y by their counts, z (not counted) by its last touch.
    const contacted = actual('accounts_contacted', { customers, window: september, touchCounts });
    expect(contacted.kind === 'value' && contacted.value).toBeCloseTo((2 / 3) * 100);
    expect(measureActual('touches_per_account', scope({ customers, touchCounts }))).toEqual({ actual: { kind: 'value', value: 2 }, basis: '4 touches over 2 accounts; 1 not counted' });
    expect(actual('touches_per_account', { customers })).toEqual({ kind: 'no_data', reason: 'no touch counts from the data layer' });
  });

  it('count resolved tickets and the median hours they took, within the window', () => {
    const customers = [createMockCustomer({ tickets: [
      ticket('2026-08-01T00:00:00Z', { isClosed: true, closedAt: at('2026-08-01T10:00:00Z') }),
      ticket('2026-08-01T00:00:00Z', { isClosed: true, closedAt: at('2026-08-02T00:00:00Z') }),
      ticket('2026-08-01T00:00:00Z', { isClosed: true, closedAt: at('2026-08-01T02:00:00Z') }),
      ticket('2026-06-01T00:00:00Z', { isClosed: true, closedAt: at('2026-06-02T00:00:00Z') }),
      ticket('2026-08-01T00:00:00Z'),
    ] })];
    expect(actual('tickets_resolved', { customers })).toEqual({ kind: 'value', value: 3 });
    expect(actual('median_resolution_hours', { customers })).toEqual({ kind: 'value', value: 10 });
    expect(actual('median_resolution_hours', { customers: [account('q', true, { tickets: [] })] })).toEqual({ kind: 'no_data', reason: 'no ticket closed in the period' });
  });

  it('count a churned customer as interviewed only when touched after its churn date', () => {
    const left = (touch: string) => account(`l-${touch}`, false, { engagement: { lastTouchAt: at(touch) } });
    const customers = [left('2026-08-20T00:00:00Z'), left('2026-08-10T00:00:00Z'), account('k', true)];
    expect(measureActual('exit_interviews', scope({ customers }))).toEqual({ actual: { kind: 'value', value: 50 }, basis: '1 of 2 churned customers contacted after leaving' });
    expect(actual('exit_interviews', { customers: [account('k2', true)] })).toEqual({ kind: 'no_data', reason: 'no customer churned in the period' });
  });

  it('sum a manager\'s entries for the person within the window, saying who entered them and when', () => {
    const entry = (value: number, occurredAt: string, ownerId = 'ana') => manualEntrySchema.parse({ measure: 'webinars', ownerId, value, occurredAt, enteredBy: 'lea@vendor.example', enteredAt: '2026-09-30T10:00:00Z' });
    const manual = [entry(2, '2026-08-01'), entry(1, '2026-09-01'), entry(5, '2026-06-01'), entry(4, '2026-08-01', 'bo')];
    expect(measureActual('webinars', scope({ manual }))).toEqual({ actual: { kind: 'value', value: 3 }, basis: '3 from 2 entries: 2 by lea@vendor.example on 2026-09-30, 1 by lea@vendor.example on 2026-09-30' });
    expect(actual('trainings', { manual })).toEqual({ kind: 'no_data', reason: 'nothing entered by a manager for this period' });
  });

  it('reject a manual entry for a measure read from the CRM, or without its author', () => {
    const bad = manualEntrySchema.safeParse({ measure: 'nrr', ownerId: 'ana', value: 1, occurredAt: '2026-08-01', enteredAt: '2026-08-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'measure: measure "nrr" is not entered by hand; manual measures: help_articles, webinars, trainings',
      'enteredBy: Invalid input: expected string, received undefined',
    ]);
  });

  it('judge a sales rep on the new customers whose first 90 days ended in the window', () => {
    const won = (start: string, end: string | undefined, ownerId = 'rep') => createMockCustomer({ deals: [wonDeal(100, start, end, { ownerId })] });
    const customers = [won('2026-05-01T00:00:00Z', '2026-06-15T00:00:00Z'), won('2026-05-10T00:00:00Z', undefined), won('2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'), won('2026-05-01T00:00:00Z', '2026-06-01T00:00:00Z', 'other')];
    expect(measureActual('early_churn_rate', scope({ customers, ownerIds: ['rep'] }))).toEqual({ actual: { kind: 'value', value: 50 }, basis: '1 of 2 new customers lost within 90 days' });
  });
});
