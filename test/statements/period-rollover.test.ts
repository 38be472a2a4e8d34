import type { Owner } from '../../src/domain/customer';
import { loadPlans } from '../../src/domain/objectives/plan-schema';
import { computeStatements } from '../../src/statements/compute-statements';
import { periodKey, quarterOf } from '../../src/statements/period-key';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { at, createMockCustomer, wonDeal } from '../domain/fixtures/customer-fixtures';

const period = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('periodKey', () => {
  it.each([
    ['2026-10-01T00:00:00Z', '2026-12-31T23:59:59.999Z', '2026-Q4'],
    ['2026-01-01T00:00:00Z', '2026-12-31T23:59:59.999Z', '2026'],
    ['2026-11-01T00:00:00Z', '2026-11-30T23:59:59.999Z', '2026-11'],
    ['2026-07-01T00:00:00Z', '2026-10-31T00:00:00Z', '2026-07'],
    ['2026-07-15T00:00:00Z', '2026-10-14T23:59:59.999Z', '2026-07'],
  ])('names %s to %s %s', (start, end, key) => {
    expect(periodKey(period(start, end))).toBe(key);
  });

  it('keys the quarter a date falls in', () => {
    expect(periodKey(quarterOf(at('2027-02-10T12:00:00Z')))).toBe('2027-Q1');
  });
});

const ana: Owner = { id: '501', userId: 9001, email: 'ana@example.com', teamIds: ['t1'], teamNames: ['Customer Success'] };
const customers = ['1', '2'].map((id) => createMockCustomer({ id, ownerId: '501', createdAt: at('2025-01-01T00:00:00Z'), deals: [wonDeal(100, '2025-01-01', '2027-12-31')], contacts: [{ id: `p${id}`, lastContactedAt: at('2026-11-20T00:00:00Z') }] }));

describe('statements without saved plans follow the calendar quarter', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
    await store.companies.write(customers.map((customer) => ({ customer, readAt: at('2026-11-29T03:00:00Z') })));
  });
  afterAll(() => store.close());

  it('when a new quarter starts, settles the one before: judged to its end and locked', async () => {
    const compute = (asOf: string) => computeStatements({ store, owners: [ana], asOf: at(asOf), settingsVersion: 0 });
    expect((await compute('2026-11-29T03:00:00Z')).periods.map((p) => p.periodKey)).toEqual(['2026-Q4']);
    const rolled = await compute('2027-01-02T03:00:00Z');
    expect(rolled.periods.map((p) => [p.periodKey, p.recorded, p.locked])).toEqual([['2026-Q4', 1, 1], ['2027-Q1', 1, 0]]);
    const q4 = await store.statements.latest('501', '2026-Q4');
    expect(q4?.lockedAt).toEqual(at('2027-01-02T03:00:00Z'));
    expect((q4?.body.attainment as { asOf: string }).asOf).toBe('2026-12-31T23:59:59.999Z');
    // Settled once: the next run leaves the locked quarter alone.
    expect((await compute('2027-01-03T03:00:00Z')).periods.map((p) => p.periodKey)).toEqual(['2027-Q1']);
  });

  it('computes nothing for a saved plan period that has not started, and says so per person', async () => {
    const plans = loadPlans({ period: { start: '2027-04-01', length: 'quarter' } });
    const run = await computeStatements({ store, plans, owners: [ana], asOf: at('2027-01-03T03:00:00Z'), settingsVersion: 4 });
    expect(run.skipped).toEqual([{ ownerId: '501', periodKey: '2027-Q2', reason: 'the period has not started' }]);
    expect(await store.statements.latest('501', '2027-Q2')).toBeUndefined();
  });

  it('records nothing while the store holds no company records, and says why', async () => {
    const empty = await openStore({ memory: true });
    try {
      const run = await computeStatements({ store: empty, owners: [ana], asOf: at('2026-11-29T03:00:00Z'), settingsVersion: 0 });
      expect(run.skipped).toEqual([{ ownerId: '501', periodKey: '2026-Q4', reason: 'the store holds no company records yet: a full sync writes them' }]);
      expect(await empty.statements.forPeriod('2026-Q4')).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
