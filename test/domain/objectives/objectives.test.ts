import fc from 'fast-check';
import type { Customer } from '../../../src/domain/customer';
import { measureAttainment } from '../../../src/domain/objectives/attainment';
import { objectiveAttainment, projectedPay, proratedAttainment } from '../../../src/domain/objectives/objective-attainment';
import { DEFAULT_PLANS, loadPlans, rolePlanSchema } from '../../../src/domain/objectives/plan-schema';
import { canViewAttainment } from '../../../src/domain/objectives/visibility';
import { at, createMockCustomer, wonDeal } from '../fixtures/customer-fixtures';

const period = { start: at('2026-07-01T00:00:00Z'), end: at('2026-09-30T23:59:59Z') };
const csm = rolePlanSchema.parse(DEFAULT_PLANS.csm);

/** An account paying 1,000 from before the quarter, contacted in it, keeping or losing its revenue. */
function account(id: string, keeps: boolean): Customer {
  return createMockCustomer({
    id,
    engagement: { lastTouchAt: at('2026-08-01T00:00:00Z') },
    deals: [wonDeal(1000, '2025-06-01T00:00:00Z', keeps ? '2027-06-01T00:00:00Z' : '2026-08-15T00:00:00Z')],
    tickets: [{ id: `t${id}`, createdAt: at('2026-08-01T00:00:00Z'), closedAt: at('2026-08-01T12:00:00Z'), isClosed: true }],
    feedback: [{ id: `f${id}`, surveyType: 'CSAT', value: 5, submittedAt: at('2026-08-02T00:00:00Z') }],
  });
}

describe('plans', () => {
  it('default to the brief: CSM 50/30/20 levels, 75 % lead, 15 % variable', () => {
    const plans = loadPlans({ period });
    expect(plans.roles.csm?.levels).toEqual({ individual: 50, team: 30, department: 0, company: 20 });
    expect(plans.roles.csm?.leadPercent).toBe(75);
    expect(plans.roles.am?.leadPercent).toBe(25);
    expect(plans.roles.cs_manager?.levels).toEqual({ individual: 0, team: 50, department: 20, company: 30 });
  });

  it('reject weights that do not sum to 100 %, a cap below target, a period ending before it starts, an unknown measure', () => {
    expect(() => loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, levels: { individual: 50, team: 30, department: 0, company: 30 } } } })).toThrow('roles.csm.levels: level weights must sum to 100 %, got 110 %');
    expect(() => loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, measures: [{ measure: 'grr', weight: 100, target: 92, threshold: 80, capPercent: 90 }] } } })).toThrow(/roles\.csm\.measures\.0\.capPercent/);
    expect(() => loadPlans({ period: { start: '2026-10-01', end: '2026-09-01' } })).toThrow('period.end: the period must end after it starts');
    expect(() => loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, measures: [{ measure: 'happiness', weight: 100, target: 1, threshold: 0 }] } } })).toThrow(/unknown measure "happiness"/);
    expect(() => loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, measures: [{ measure: 'grr', weight: 100, target: 92, threshold: 95 }] } } })).toThrow(/threshold 95 must be at or below the target 92/);
  });
});

describe('measureAttainment', () => {
  const grr = { measure: 'grr' as const, weight: 100, target: 92, threshold: 80, capPercent: 150, accelerator: 1.5 };
  it('pays 0 below the threshold, is linear to the target, accelerates above it and stops at the cap', () => {
    expect(measureAttainment(79, grr)).toBe(0);
    expect(measureAttainment(86, grr)).toBeCloseTo(50);
    expect(measureAttainment(92, grr)).toBeCloseTo(100);
    expect(measureAttainment(94, grr)).toBeCloseTo(125);
    expect(measureAttainment(100, grr)).toBe(150);
  });
  it('runs the other way for lower-is-better measures', () => {
    const hours = { measure: 'median_resolution_hours' as const, weight: 100, target: 24, threshold: 72, capPercent: 150, accelerator: 1.5 };
    expect(measureAttainment(80, hours)).toBe(0);
    expect(measureAttainment(24, hours)).toBeCloseTo(100);
  });
  it('never falls when the result improves, and never passes the cap (property)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      return measureAttainment(lo, grr) <= measureAttainment(hi, grr) && measureAttainment(hi, grr) <= grr.capPercent;
    }));
  });
});

describe('objective attainment, explained', () => {
  const ana = ['a1', 'a2', 'a3', 'a4'].map((id, i) => account(id, i !== 3));
  const bo = ['b1', 'b2', 'b3', 'b4'].map((id, i) => account(id, i !== 3));
  const team = { customers: [...ana, ...bo], ownerIds: ['ana', 'bo'] };

  it('splits each level 75 % lead / 25 % lag and shows every measure with its contribution', () => {
    const result = objectiveAttainment({ plan: csm, period, scopes: { individual: { customers: ana, ownerIds: ['ana'] }, team, company: team } });
    const individual = result.levels.find((l) => l.level === 'individual');
    const share = (kind: string) => individual?.measures.filter((m) => m.kind === kind).reduce((s, m) => s + m.weight, 0);
    expect(share('lead')).toBeCloseTo(0.75);
    expect(share('lag')).toBeCloseTo(0.25);
    expect(individual?.measures.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(individual?.attainment as number);
    expect(result.levels.map((l) => l.level)).toEqual(['individual', 'team', 'company']);
  });

  it('leaves accounts hit by a declared market shock out of the individual result only', () => {
    const shock = { accountIds: ['a4'], reason: 'Market shock: the customer\'s sector was banned', author: 'manager@vendor.example', declaredAt: at('2026-08-20T00:00:00Z') };
    const scopes = { individual: { customers: ana, ownerIds: ['ana'] }, team, company: team };
    const hit = objectiveAttainment({ plan: csm, period, scopes });
    const excused = objectiveAttainment({ plan: csm, period, scopes, exclusions: [shock] });
    const level = (r: typeof hit, l: string) => r.levels.find((x) => x.level === l)?.attainment;
    expect(level(excused, 'individual')).toBeGreaterThan(level(hit, 'individual') as number);
    expect(level(excused, 'team')).toBe(level(hit, 'team'));
    expect(excused.exclusions[0].reason).toContain('Market shock');
    // Bo has the same book without the excuse: same individual result as Ana before it.
    const boResult = objectiveAttainment({ plan: csm, period, scopes: { individual: { customers: bo, ownerIds: ['bo'] }, team, company: team } });
    expect(level(boResult, 'individual')).toBeCloseTo(level(hit, 'individual') as number);
  });

  it('prorates a mid-quarter reassignment by days under each portfolio, for three new CSMs', () => {
    for (const [before, after] of [[80, 120], [100, 60], [0, 150]]) {
      expect(proratedAttainment([{ days: 46, attainment: before }, { days: 46, attainment: after }])).toBeCloseTo((before + after) / 2);
    }
    expect(proratedAttainment([{ days: 30, attainment: 90 }, { days: 62, attainment: undefined }])).toBe(90);
  });

  it('mirrors the team objectives on the individual level during a declared transition', () => {
    const result = objectiveAttainment({ plan: csm, period, scopes: { individual: { customers: [ana[3]], ownerIds: ['ana'] }, team, company: team }, inTransition: true });
    const [individual, teamLevel] = result.levels;
    expect(individual.attainment).toBeCloseTo(teamLevel.attainment as number);
    expect(individual.note).toBe('portfolio transition: mirrors the team objectives');
  });

  it('pays a manager without a portfolio on 50 % team, 20 % department, 30 % company', () => {
    const manager = rolePlanSchema.parse(DEFAULT_PLANS.cs_manager);
    const department = { customers: [...team.customers, account('c1', false)], ownerIds: ['ana', 'bo', 'cy'] };
    const company = { customers: [...department.customers, account('d1', true)], ownerIds: ['ana', 'bo', 'cy', 'dee'] };
    const result = objectiveAttainment({ plan: manager, period, scopes: { team, department, company } });
    const at = (l: string) => result.levels.find((x) => x.level === l)?.attainment as number;
    expect(result.overall).toBeCloseTo(0.5 * at('team') + 0.2 * at('department') + 0.3 * at('company'));
    expect(result.levels.some((l) => l.level === 'individual')).toBe(false);
  });

  it('gives a CSM with no accounts "no data" per measure, not 0 %', () => {
    const result = objectiveAttainment({ plan: csm, period, scopes: { individual: { customers: [], ownerIds: ['new'] } } });
    expect(result.overall).toBeUndefined();
    expect(result.levels[0].measures.every((m) => m.actual.kind === 'no_data' && m.attainment === undefined)).toBe(true);
  });

  it('takes the target from a HubSpot goal when the person has one for the measure', () => {
    const goals = [{ id: 'g', ownerUserId: 7001, name: 'GRR Q3', measure: 'grr', target: 95, start: period.start, end: period.end }];
    const result = objectiveAttainment({ plan: csm, period, scopes: { individual: { customers: ana, ownerIds: ['ana'] } }, goals, userId: 7001 });
    const grr = result.levels[0].measures.find((m) => m.measure === 'grr');
    expect(grr).toMatchObject({ target: 95, targetSource: 'HubSpot goal' });
  });

  it('projects the variable pay from the attainment', () => {
    expect(projectedPay(100, 60_000, 15, 0.5)).toEqual({ projectedVariable: 9_000, elapsedShare: 0.5 });
    expect(projectedPay(undefined, 60_000, 15, 0.5).projectedVariable).toBeUndefined();
  });
});

describe('who may see whose attainment', () => {
  const team = ['11'];
  it('lets a person see their own, a manager their team, and refuses a peer and an unknown user', () => {
    expect(canViewAttainment({ ownerId: '101', role: 'csm', teamIds: team }, { ownerId: '101', teamIds: team })).toEqual({ allowed: true });
    expect(canViewAttainment({ ownerId: '100', role: 'cs_manager', teamIds: team }, { ownerId: '101', teamIds: team })).toEqual({ allowed: true });
    expect(canViewAttainment({ ownerId: '102', role: 'csm', teamIds: team }, { ownerId: '101', teamIds: team })).toEqual({ allowed: false, reason: 'individual figures are visible to the person and their manager only' });
    expect(canViewAttainment({ ownerId: '100', role: 'cs_manager', teamIds: ['99'] }, { ownerId: '101', teamIds: team }).allowed).toBe(false);
    expect(canViewAttainment(undefined, { ownerId: '101', teamIds: team })).toEqual({ allowed: false, reason: 'you are not a HubSpot owner known to cs-health' });
  });
});
