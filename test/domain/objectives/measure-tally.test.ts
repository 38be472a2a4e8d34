import type { Customer } from '../../../src/domain/customer';
import { MEASURE_KEYS, type MeasureKey } from '../../../src/domain/objectives/measure-catalogue';
import { exactSum } from '../../../src/domain/objectives/measures/exact-sum';
import { manualEntrySchema } from '../../../src/domain/objectives/measures/manual-entries';
import { measureActual } from '../../../src/domain/objectives/measures/measure-actual';
import type { MeasureScope } from '../../../src/domain/objectives/measures/measure-scope';
import { measureTally, type TallyContext } from '../../../src/domain/objectives/measures/measure-tally';
import { objectiveAttainment, windowsJudged, type TalliedBook, type TalliedScope } from '../../../src/domain/objectives/objective-attainment';
import type { Period } from '../../../src/domain/time/days';
import { at, createMockCustomer, csat, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';
import { account, book, csmPlan, managerPlan, quarter } from './objective-fixtures';

// MRR of 0.1, 0.2 and 0.3: a running sum of them depends on the order customers come in.
const cents = (id: string, mrr: number, end?: string, extra: Partial<Customer> = {}) => createMockCustomer({ id, deals: [wonDeal(mrr, '2025-01-01T00:00:00Z', end, { ownerId: 'rep' })], ...extra });
const customers: Customer[] = [
  ...book('a', 4, [2]),
  cents('c1', 0.1, undefined, { feedback: [nps(10, '2026-08-01T00:00:00Z'), nps(6, '2026-08-03T00:00:00Z'), csat(4, '2026-08-04T00:00:00Z')] }),
  cents('c2', 0.2, '2026-08-20T00:00:00Z', { engagement: { lastTouchAt: at('2026-08-25T00:00:00Z') } }),
  cents('c3', 0.3, undefined, { tickets: [ticket('2026-07-02T00:00:00Z', { isClosed: true, closedAt: at('2026-07-03T07:30:00Z') })] }),
  createMockCustomer({ id: 'g', deals: [wonDeal(1000.55, '2025-01-01T00:00:00Z'), wonDeal(250.25, '2026-08-01T00:00:00Z')], feedback: [nps(8, '2026-09-01T00:00:00Z')] }),
  createMockCustomer({ id: 'r1', deals: [wonDeal(100, '2026-05-01T00:00:00Z', '2026-06-15T00:00:00Z', { ownerId: 'rep' })] }),
  createMockCustomer({ id: 'r2', deals: [wonDeal(100, '2026-05-10T00:00:00Z', undefined, { ownerId: 'rep' })] }),
];
const manual = [manualEntrySchema.parse({ measure: 'webinars', ownerId: 'ana', value: 2, occurredAt: '2026-08-01', enteredBy: 'lea@vendor.example', enteredAt: '2026-09-30T10:00:00Z' })];
const context: TallyContext = { window: quarter, ownerIds: ['ana', 'rep'], manual, touchCounts: { a1: 3, c1: 1 } };

const tallied = (measures: Iterable<MeasureKey>, over: TallyContext, list: readonly Customer[]) => {
  const tally = measureTally(measures, over);
  for (const c of list) tally.add(c);
  return tally;
};

describe('measure tallies', () => {
  it('give, measure for measure, what measureActual gives for the list, whatever order the customers come in', () => {
    const scope: MeasureScope = { customers, ...context };
    const reversed = tallied(MEASURE_KEYS, context, [...customers].reverse());
    const interleaved = tallied(MEASURE_KEYS, context, [...customers.filter((_, i) => i % 2), ...customers.filter((_, i) => i % 2 === 0)]);
    for (const m of MEASURE_KEYS) {
      expect({ m, actual: reversed.actual(m) }).toEqual({ m, actual: measureActual(m, scope) });
      expect({ m, actual: interleaved.actual(m) }).toEqual({ m, actual: measureActual(m, scope) });
    }
    expect(reversed.companies).toBe(customers.length);
  });

  it('give "no data" for every CRM measure of an empty scope, as lists do', () => {
    const empty = tallied(MEASURE_KEYS, context, []);
    for (const m of MEASURE_KEYS) expect({ m, actual: empty.actual(m) }).toEqual({ m, actual: measureActual(m, { customers: [], ...context }) });
    expect(empty.actual('grr')).toEqual({ actual: { kind: 'no_data', reason: 'no accounts in this portfolio' }, basis: 'no accounts' });
  });

  it('refuse a measure they were not asked to tally, naming it', () => {
    expect(() => tallied(['grr'], context, customers).actual('nps')).toThrow('measure nps (NPS of the portfolio) was not tallied over this scope; tallied: grr');
  });

  it('sum once-rounded: the same total in any order, where a running sum drifts', () => {
    const values = [0.1, 0.2, 0.3, 1e16, 1, -1e16, 333.33, 0.07];
    const orders = [values, [...values].reverse(), [...values].sort(), [...values].sort((x, y) => y - x)];
    const sums = orders.map((o) => {
      const s = exactSum();
      o.forEach((x) => s.add(x));
      return s.value();
    });
    expect(new Set(sums)).toEqual(new Set([335]));
    expect(new Set(orders.map((o) => o.reduce((x, y) => x + y, 0))).size).toBeGreaterThan(1);
    const s = exactSum();
    [0.1, 0.2, 0.3].forEach((x) => s.add(x));
    expect(s.value()).toBe(0.6);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
  });
});

describe('objectiveAttainment on tallied scopes', () => {
  const team = { customers: [...book('t', 5, [3]), ...customers], ownerIds: ['ana', 'bo', 'rep'] };
  const company = { customers: [...team.customers, ...book('x', 6, [1, 2])], ownerIds: [...team.ownerIds, 'cy'] };
  const transitions = [{ ownerIds: ['ana'], from: at('2026-07-20T00:00:00Z'), to: at('2026-08-10T00:00:00Z'), reason: 'Portfolios rebuilt', declaredBy: 'lea@vendor.example', declaredAt: at('2026-07-15T00:00:00Z') }];
  const asOf = at('2026-09-01T00:00:00Z');

  /** A scope streamed into tallies over the windows the person is judged on, in reverse order. */
  const talliedScope = (scope: { customers: readonly Customer[]; ownerIds: readonly string[] }, windows: readonly Period[], measures: readonly MeasureKey[]): TalliedScope => {
    const tallies = windows.map((window) => tallied(measures, { window, ownerIds: scope.ownerIds, manual }, [...scope.customers].reverse()));
    const over = (w: Period) => {
      const tally = tallies.find((t) => t.window.start.getTime() === w.start.getTime() && t.window.end.getTime() === w.end.getTime());
      if (!tally) throw new Error(`not tallied over ${w.start.toISOString()}`);
      return tally;
    };
    return { ownerIds: scope.ownerIds, companies: scope.customers.length, over };
  };

  it.each([['csm', csmPlan], ['cs manager', managerPlan]] as const)('judge a %s exactly as the lists do, a transition mirroring the tallied team included', (_, plan) => {
    const windows = windowsJudged({ period: quarter, asOf, ownerId: 'ana', transitions });
    expect(windows.mirroringTeam).toEqual([{ start: at('2026-07-20T00:00:00Z'), end: at('2026-08-10T00:00:00Z') }]);
    const measures = plan.measures.map((m) => m.measure);
    const input = { plan, period: quarter, asOf, person: { ownerId: 'ana' }, manual, transitions };
    const individual = { customers: [account('own1', true), account('own2', false)], ownerIds: ['ana'] };
    const lists = objectiveAttainment({ ...input, scopes: { individual, team, department: team, company } });
    const tallies = objectiveAttainment({ ...input, scopes: { individual, team: talliedScope(team, [windows.shared, ...windows.mirroringTeam], measures), department: talliedScope(team, [windows.shared], measures), company: talliedScope(company, [windows.shared], measures) } });
    expect(tallies).toEqual(lists);
    expect(lists.overall).toEqual(expect.any(Number));
  });
  it('judge a tallied own book exactly as its list: the stretches around a transition, an approved event\'s held account counted but left out of the actuals', () => {
    const windows = windowsJudged({ period: quarter, asOf, ownerId: 'ana', transitions });
    expect(windows.ownPortfolio).toEqual([{ start: quarter.start, end: at('2026-07-20T00:00:00Z') }, { start: at('2026-08-10T00:00:00Z'), end: asOf }]);
    const measures = csmPlan.measures.map((m) => m.measure);
    const own = [...customers, account('own1', true), account('own2', false)];
    const event = { accountIds: ['c2', 'not-in-book'], reason: 'Parent group insolvent', declaredBy: 'lea@vendor.example', declaredAt: at('2026-08-01T00:00:00Z') };
    const input = { plan: csmPlan, period: quarter, asOf, person: { ownerId: 'ana' }, manual, transitions, exceptionalEvents: [event] };
    const shared = { team, department: team, company };
    const lists = objectiveAttainment({ ...input, scopes: { individual: { customers: own, ownerIds: ['ana'] }, ...shared } });
    const kept = talliedScope({ customers: own.filter((c) => c.id !== 'c2'), ownerIds: ['ana'] }, windows.ownPortfolio, measures);
    const book: TalliedBook = { ...kept, companies: own.length, holds: (id) => own.some((c) => c.id === id) };
    const tallies = objectiveAttainment({ ...input, scopes: { individual: book, ...shared } });
    expect(tallies).toEqual(lists);
    expect(lists.exclusions).toEqual([{ ...event, accountIds: ['c2'] }]);
    expect(lists.levels.find((l) => l.level === 'individual')?.segments.map((s) => s.basis)).toEqual(['portfolio', 'transition', 'portfolio']);
  });
});
