import fc from 'fast-check';
import { objectiveAttainment } from '../../../src/domain/objectives/objective-attainment';
import { rolePlanSchema } from '../../../src/domain/objectives/plan-schema';
import { at, createMockCustomer, ticket } from '../fixtures/customer-fixtures';
import { book, csmPlan, quarter } from './objective-fixtures';

const ana = book('a', 4, [4]);
const individual = (r: ReturnType<typeof objectiveAttainment>) => r.levels.find((l) => l.level === 'individual');

describe('objective attainment, explained', () => {
  it('splits a level 75 % lead / 25 % lag and shows each measure\'s actual, target, source, weight and contribution', () => {
    const result = objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: 'ana' }, portfolio: [{ customers: ana }], scopes: {} });
    const level = individual(result);
    const share = (kind: string) => level?.measures.filter((m) => m.kind === kind).reduce((s, m) => s + m.weight, 0);
    expect(share('lead')).toBeCloseTo(0.75);
    expect(share('lag')).toBeCloseTo(0.25);
    expect(level?.measures.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(level?.attainment as number);
    const grr = level?.measures.find((m) => m.measure === 'grr');
    expect(grr).toMatchObject({ actual: { kind: 'value', value: 75 }, target: 92, threshold: 80, targetSource: 'plan', attainment: 0, contribution: 0, basis: 'starting MRR 4,000; contraction 0; churned 1,000' });
    expect(grr?.weight).toBeCloseTo(0.25 * 0.6);
    const hours = level?.measures.find((m) => m.measure === 'median_resolution_hours');
    // 12 h against a 24 h target from a 72 h threshold: 125 % linear, the 25 points above 100 accelerated x1.5.
    expect(hours?.attainment).toBeCloseTo(137.5);
    expect(hours?.contribution).toBeCloseTo(137.5 * 0.75 * 0.3);
  });

  it('puts the AM on 25 % lead / 75 % lag', () => {
    const am = rolePlanSchema.parse({ variableSharePercent: 20, levels: { individual: 100, team: 0, department: 0, company: 0 }, split: { lead: 25, lag: 75 }, measures: [{ measure: 'accounts_contacted', weight: 100, target: 80, threshold: 50 }, { measure: 'nrr', weight: 100, target: 110, threshold: 95 }] });
    const level = individual(objectiveAttainment({ plan: am, period: quarter, scopes: { individual: { customers: ana, ownerIds: ['ana'] } } }));
    expect(level?.measures.map((m) => [m.measure, m.weight])).toEqual([['accounts_contacted', 0.25], ['nrr', 0.75]]);
  });

  it('weights levels 50/30/20 for a CSM and explains the overall as their sum', () => {
    const team = { customers: [...ana, ...book('b', 4)], ownerIds: ['ana', 'bo'] };
    const company = { customers: [...team.customers, ...book('c', 4, [1, 2])], ownerIds: ['ana', 'bo', 'cy'] };
    const result = objectiveAttainment({ plan: csmPlan, period: quarter, scopes: { individual: { customers: ana, ownerIds: ['ana'] }, team, company } });
    expect(result.levels.map((l) => [l.level, l.weight])).toEqual([['individual', 0.5], ['team', 0.3], ['company', 0.2]]);
    expect(result.overall).toBeCloseTo(result.levels.reduce((s, l) => s + (l.attainment as number) * l.planWeight / 100, 0));
    expect(result.levels.reduce((s, l) => s + l.contribution, 0)).toBeCloseTo(result.overall as number);
  });

  it('gives a CSM with no accounts "no data" per measure and no overall, not 0 %', () => {
    const result = objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: 'new' }, portfolio: [{ customers: [] }], scopes: {}, baseSalaryForPeriod: 15_000 });
    expect(result.overall).toBeUndefined();
    expect(individual(result)?.measures.every((m) => m.actual.kind === 'no_data' && m.attainment === undefined && m.contribution === 0)).toBe(true);
    expect(result.leftOut).toContainEqual({ level: 'individual', reason: 'no measure has data' });
    expect(result.pay).toEqual({ kind: 'no_data', reason: 'no attainment to pay on yet' });
  });

  it('re-spreads the weight of a measure without data over the others and names it', () => {
    const quiet = ana.map((c) => ({ ...c, feedback: [] }));
    const level = individual(objectiveAttainment({ plan: csmPlan, period: quarter, scopes: { individual: { customers: quiet, ownerIds: ['ana'] } } }));
    expect(level?.segments[0].leftOut).toEqual([{ measure: 'csat', reason: 'no CSAT answers' }]);
    expect(level?.measures.find((m) => m.measure === 'accounts_contacted')?.weight).toBeCloseTo(0.75 * (40 / 70));
  });
});

describe('targets', () => {
  const goal = (extra: object) => ({ id: 'g1', ownerUserId: 7001, name: 'GRR Q3', measure: 'grr', target: 95, start: quarter.start, end: quarter.end, ...extra });
  const grrOf = (goals: object[], userId?: number) => individual(objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: 'ana', userId }, portfolio: [{ customers: ana }], scopes: {}, goals: goals as never }))?.measures.find((m) => m.measure === 'grr');

  it('come from the person\'s HubSpot goal for the measure and period, saying so', () => {
    expect(grrOf([goal({})], 7001)).toMatchObject({ target: 95, targetSource: 'HubSpot goal', goal: { id: 'g1', name: 'GRR Q3' } });
    // The threshold keeps its proportion to the target: 80/92 of 95.
    expect(grrOf([goal({})], 7001)?.threshold).toBeCloseTo((80 / 92) * 95);
  });

  it('fall back to the plan when the goal is someone else\'s, for another measure or another period', () => {
    for (const goals of [[goal({ ownerUserId: 7002 })], [goal({ measure: 'nrr' })], [goal({ start: at('2026-01-01T00:00:00Z'), end: at('2026-03-31T00:00:00Z') })]]) {
      expect(grrOf(goals, 7001)).toMatchObject({ target: 92, targetSource: 'plan' });
    }
    expect(grrOf([goal({})], undefined)).toMatchObject({ target: 92, targetSource: 'plan' });
  });

  it('scale a monthly goal for a count to the quarter', () => {
    const plan = rolePlanSchema.parse({ variableSharePercent: 15, levels: { individual: 100, team: 0, department: 0, company: 0 }, split: { lead: 100, lag: 0 }, measures: [{ measure: 'tickets_resolved', weight: 100, target: 30, threshold: 0 }] });
    const monthly = { id: 'g2', ownerUserId: 1, name: 'Tickets per month', measure: 'tickets_resolved', target: 10, start: quarter.start, end: at('2026-07-31T23:59:59.999Z') };
    const m = individual(objectiveAttainment({ plan, period: quarter, person: { ownerId: 'ana', userId: 1 }, portfolio: [{ customers: ana }], scopes: {}, goals: [monthly] }))?.measures[0];
    expect(m?.targetSource).toBe('HubSpot goal');
    expect(m?.target).toBeCloseTo(10 * (92 / 31), 1);
  });
});

describe('pace and pay', () => {
  const plan = rolePlanSchema.parse({ variableSharePercent: 20, levels: { individual: 100, team: 0, department: 0, company: 0 }, split: { lead: 100, lag: 0 }, measures: [{ measure: 'tickets_resolved', weight: 100, target: 30, threshold: 0, capPercent: 150, accelerator: 1.5 }] });
  const closedOn = (iso: string) => ticket(iso, { isClosed: true, closedAt: at(iso) });
  const busy = createMockCustomer({ id: 'busy', tickets: Array.from({ length: 10 }, (_, i) => closedOn(`2026-07-${String(i + 10).padStart(2, '0')}T00:00:00Z`)) });
  const asOf = at('2026-08-15T00:00:00Z');

  it('judges counts to date against the share of the target due by then and projects the pay linearly', () => {
    const result = objectiveAttainment({ plan, period: quarter, asOf, person: { ownerId: 'ana' }, portfolio: [{ customers: [busy] }], scopes: {}, baseSalaryForPeriod: 12_000 });
    const elapsed = (asOf.getTime() - quarter.start.getTime()) / (quarter.end.getTime() - quarter.start.getTime());
    expect(result.elapsedShare).toBeCloseTo(elapsed);
    const m = individual(result)?.measures[0];
    expect(m?.target).toBeCloseTo(30 * elapsed);
    expect(result.overall).toBeCloseTo((10 / (30 * elapsed)) * 100);
    expect(result.pay).toEqual({ kind: 'value', value: { atTarget: 2_400, projected: 2_400 * (result.overall as number) / 100, toDate: 2_400 * (result.overall as number) / 100 * result.elapsedShare, attainment: result.overall } });
  });

  it('judges the whole period once it is over', () => {
    const result = objectiveAttainment({ plan, period: quarter, asOf: at('2026-12-01T00:00:00Z'), person: { ownerId: 'ana' }, portfolio: [{ customers: [busy] }], scopes: {} });
    expect(result.elapsedShare).toBe(1);
    expect(result.overall).toBeCloseTo((10 / 30) * 100);
  });

  it('has nothing to judge before the period starts', () => {
    const result = objectiveAttainment({ plan, period: quarter, asOf: at('2026-06-01T00:00:00Z'), person: { ownerId: 'ana' }, portfolio: [{ customers: [busy] }], scopes: {} });
    expect(result.overall).toBeUndefined();
    expect(result.leftOut).toEqual([{ level: 'individual', reason: 'the period has not started' }]);
  });

  it('never pays more than the highest cap times the variable at target (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 92 }), fc.double({ min: 0, max: 500_000, noNaN: true }), (tickets, day, salary) => {
      const customer = createMockCustomer({ tickets: Array.from({ length: tickets }, () => closedOn('2026-07-01T12:00:00Z')) });
      const when = new Date(quarter.start.getTime() + day * 86_400_000);
      const r = objectiveAttainment({ plan, period: quarter, asOf: when, person: { ownerId: 'p' }, portfolio: [{ customers: [customer] }], scopes: {}, baseSalaryForPeriod: salary });
      if (r.pay.kind === 'no_data') return r.overall === undefined;
      return r.pay.value.projected <= 1.5 * r.pay.value.atTarget + 1e-6 && r.pay.value.toDate <= r.pay.value.projected + 1e-6;
    }), { numRuns: 60 });
  });
});
