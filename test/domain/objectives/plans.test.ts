import { DEFAULT_PLANS } from '../../../src/domain/objectives/default-plans';
import { loadPlans, PlanError, planWarnings } from '../../../src/domain/objectives/load-plans';
import { periodEnd } from '../../../src/domain/objectives/plan-period';
import { roleFor, planFor } from '../../../src/domain/objectives/role-assignment';

const period = { start: '2026-07-01', end: '2026-09-30' };

/** The issues a bad plan raises, as "path: message". */
function problems(input: unknown): string[] {
  try {
    loadPlans(input);
  } catch (error) {
    if (error instanceof PlanError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('plans', () => {
  it('default to the brief: CSM 50/30/20 and 75 % lead, AM 25 % lead, a manager 50/20/30, variable 15 % and 20 %', () => {
    const plans = loadPlans({ period });
    expect(plans.roles.csm.levels).toEqual({ individual: 50, team: 30, department: 0, company: 20 });
    expect(plans.roles.csm.split).toEqual({ lead: 75, lag: 25 });
    expect(plans.roles.am.split).toEqual({ lead: 25, lag: 75 });
    expect(plans.roles.cs_manager.levels).toEqual({ individual: 0, team: 50, department: 20, company: 30 });
    expect(plans.roles.csm.variableSharePercent).toBe(15);
    expect(plans.roles.am.variableSharePercent).toBe(20);
    expect(planWarnings(plans)).toEqual([]);
  });

  it('derive the end of a month, quarter or year from its start', () => {
    expect(loadPlans({ period: { length: 'quarter', start: '2026-07-01T00:00:00Z' } }).period.end.toISOString()).toBe('2026-09-30T23:59:59.999Z');
    expect(periodEnd(new Date('2026-02-01T00:00:00Z'), 'month').toISOString()).toBe('2026-02-28T23:59:59.999Z');
    expect(periodEnd(new Date('2026-01-01T00:00:00Z'), 'year').toISOString()).toBe('2026-12-31T23:59:59.999Z');
  });

  it('reject level weights that do not sum to 100 %, with the path', () => {
    expect(problems({ period, roles: { csm: { ...DEFAULT_PLANS.csm, levels: { individual: 50, team: 30, department: 0, company: 30 } } } })).toEqual(['roles.csm.levels: level weights must sum to 100 %, got 110 %']);
  });

  it('reject a lead/lag split and measure weights that do not sum to 100 %', () => {
    expect(problems({ period, roles: { am: { ...DEFAULT_PLANS.am, split: { lead: 25, lag: 70 } } } })).toEqual(['roles.am.split: lead and lag must sum to 100 %, got 95 %']);
    const measures = DEFAULT_PLANS.am.measures.map((m) => (m.measure === 'nrr' ? { ...m, weight: 50 } : m));
    expect(problems({ period, roles: { am: { ...DEFAULT_PLANS.am, measures } } })).toEqual(['roles.am.measures: lag measure weights must sum to 100 %, got 90 %']);
  });

  it('reject a cap below the target and a threshold above it', () => {
    const grr = (extra: object) => ({ period, roles: { am: { ...DEFAULT_PLANS.am, measures: [DEFAULT_PLANS.am.measures[0], { measure: 'grr', weight: 100, target: 92, threshold: 80, ...extra }] } } });
    expect(problems(grr({ capPercent: 90 }))).toEqual(['roles.am.measures.1.capPercent: cap 90 % is below the target (100 %)']);
    expect(problems(grr({ threshold: 95 }))).toEqual(['roles.am.measures.1.threshold: threshold 95 is above the target 92']);
  });

  it('reject a lower-is-better threshold below its target', () => {
    const measures = DEFAULT_PLANS.csm.measures.map((m) => (m.measure === 'median_resolution_hours' ? { ...m, threshold: 12 } : m));
    expect(problems({ period, roles: { csm: { ...DEFAULT_PLANS.csm, measures } } })).toEqual(['roles.csm.measures.2.threshold: threshold 12 is below the target 24, and median_resolution_hours is lower-is-better']);
  });

  it('reject a period that ends before it starts', () => {
    expect(problems({ period: { start: '2026-10-01', end: '2026-09-01' } })).toEqual(['period.end: the period must end after it starts']);
    expect(problems({ period, roles: { csm: { ...DEFAULT_PLANS.csm, period: { start: '2026-10-01', end: '2026-10-01' } } } })).toEqual(['roles.csm.period.end: the period must end after it starts']);
  });

  it('reject an unknown measure, naming the known ones', () => {
    const [issue] = problems({ period, roles: { sales_rep: { ...DEFAULT_PLANS.sales_rep, measures: [{ measure: 'happiness', weight: 100, target: 1, threshold: 0 }] } } });
    expect(issue).toMatch(/^roles\.sales_rep\.measures\.0\.measure: unknown measure "happiness"; known: grr, nrr,/);
  });

  it('reject a measure listed twice and a plan that is not an object, without crashing', () => {
    const measures = [...DEFAULT_PLANS.sales_rep.measures, ...DEFAULT_PLANS.sales_rep.measures];
    expect(problems({ period, roles: { sales_rep: { ...DEFAULT_PLANS.sales_rep, measures } } })).toContain('roles.sales_rep.measures.1.measure: early_churn_rate is listed twice');
    expect(problems(null)).toEqual(['period: the period is required: { start, end } or { start, length }']);
  });

  it('warn, without rejecting, when a variable share is outside what practice sees', () => {
    const plans = loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, variableSharePercent: 30 } } });
    expect(planWarnings(plans)).toEqual([{ path: 'roles.csm.variableSharePercent', message: 'variable share 30 % is outside the 15-20 % seen in practice for csm' }]);
  });
});

describe('role assignment', () => {
  const plans = loadPlans({ period, assignments: { owners: { '7': 'am' }, teams: { cs: 'csm', sales: 'sales_rep' } }, managers: ['1'] });

  it('maps an owner by id first, then by team, then by the owner record', () => {
    expect(roleFor({ id: '7', teamIds: ['cs'] }, plans)).toEqual({ role: 'am', source: 'owner' });
    expect(roleFor({ id: '1', teamIds: ['cs'] }, plans)).toEqual({ role: 'cs_manager', source: 'owner' });
    expect(roleFor({ id: '8', teamIds: ['other', 'sales'] }, plans)).toEqual({ role: 'sales_rep', source: 'team', teamId: 'sales' });
    expect(roleFor({ id: '9', teamIds: [], role: 'csm' }, plans)).toEqual({ role: 'csm', source: 'owner record' });
    expect(roleFor({ id: '9', teamIds: [], role: 'astronaut' }, plans)).toBeUndefined();
  });

  it('rejects an assignment to an unknown role', () => {
    expect(problems({ period, assignments: { teams: { cs: 'wizard' } } })).toEqual(['assignments.teams.cs: unknown role "wizard"; known: csm, am, cs_manager, sales_rep']);
  });

  it('gives a role the plans period unless it has its own', () => {
    const own = loadPlans({ period, roles: { am: { ...DEFAULT_PLANS.am, period: { length: 'month', start: '2026-07-01T00:00:00Z' } } } });
    expect(planFor(own, 'csm').period.end.toISOString()).toBe('2026-09-30T00:00:00.000Z');
    expect(planFor(own, 'am').period.end.toISOString()).toBe('2026-07-31T23:59:59.999Z');
  });
});
