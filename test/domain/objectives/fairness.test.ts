import { exceptionalEventSchema, transitionWindowSchema } from '../../../src/domain/objectives/fairness-declarations';
import { objectiveAttainment } from '../../../src/domain/objectives/objective-attainment';
import { windowAttainment } from '../../../src/domain/objectives/window-attainment';
import { at } from '../fixtures/customer-fixtures';
import { book, csmPlan, managerPlan, quarter } from './objective-fixtures';

const levelOf = (r: ReturnType<typeof objectiveAttainment>, level: string) => r.levels.find((l) => l.level === level);

describe('a declared market shock', () => {
  // Ana and Bo hold equal books; the last account of each churns in August. Ana's was hit by a market shock.
  const ana = book('a', 4, [4]);
  const bo = book('b', 4, [4]);
  const team = { customers: [...ana, ...bo], ownerIds: ['ana', 'bo'] };
  const shock = exceptionalEventSchema.parse({ accountIds: ['a4', 'z9'], reason: 'Market shock: the customer\'s sector was banned overnight', declaredBy: 'lea@vendor.example', declaredAt: '2026-08-20T09:00:00Z' });
  const run = (ownerId: string, customers: typeof ana, events = [shock]) => objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId }, portfolio: [{ customers }], scopes: { team, company: team }, exceptionalEvents: events });

  it('leaves the hit account out of the CSM\'s individual result, not the team\'s or the company\'s', () => {
    const excused = run('ana', ana);
    const hit = run('ana', ana, []);
    expect(levelOf(excused, 'individual')?.attainment).toBeGreaterThan(levelOf(hit, 'individual')?.attainment as number);
    expect(levelOf(excused, 'individual')?.measures.find((m) => m.measure === 'grr')?.actual).toEqual({ kind: 'value', value: 100 });
    expect(levelOf(excused, 'team')?.attainment).toBe(levelOf(hit, 'team')?.attainment);
    expect(levelOf(excused, 'company')?.attainment).toBe(levelOf(hit, 'company')?.attainment);
  });

  it('changes nothing for the peer with the same book and no declared event', () => {
    const boResult = run('bo', bo);
    expect(boResult.exclusions).toEqual([]);
    expect(levelOf(boResult, 'individual')?.attainment).toBeCloseTo(levelOf(run('ana', ana, []), 'individual')?.attainment as number);
  });

  it('shows the reason, the author and the date with the result, for the accounts in this book only', () => {
    expect(run('ana', ana).exclusions).toEqual([{ accountIds: ['a4'], reason: 'Market shock: the customer\'s sector was banned overnight', declaredBy: 'lea@vendor.example', declaredAt: at('2026-08-20T09:00:00Z') }]);
  });

  it('refuses a declaration without a reason or an author, naming the field', () => {
    const bad = exceptionalEventSchema.safeParse({ accountIds: [], reason: '', declaredAt: 'soon' });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['accountIds', 'reason', 'declaredBy', 'declaredAt']);
  });
});

describe('a mid-quarter reassignment of three new CSMs', () => {
  // The old book is split on 15 August between three CSMs who joined on 1 July; until then the
  // manager declared a transition during which their individual objectives mirror the team's.
  const handover = at('2026-08-15T00:00:00Z');
  const books = { nia: book('n', 3), oz: book('o', 3, [3]), pam: book('p', 3, [2, 3]) };
  const team = { customers: [...books.nia, ...books.oz, ...books.pam], ownerIds: ['nia', 'oz', 'pam'] };
  const transition = transitionWindowSchema.parse({ ownerIds: ['nia', 'oz', 'pam'], from: quarter.start, to: handover, reason: 'portfolios rebuilt after the reorganisation', declaredBy: 'lea@vendor.example', declaredAt: '2026-06-25T00:00:00Z' });
  const context = { goals: [], period: quarter };
  const data = { manual: [], touchCounts: undefined };

  for (const [name, customers] of Object.entries(books)) {
    it(`prorates ${name}'s individual result by days: 45 mirroring the team, 47 on the new portfolio`, () => {
      const result = objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: name }, portfolio: [{ from: handover, customers }], scopes: { team, company: team }, transitions: [transition] });
      const level = levelOf(result, 'individual');
      expect(level?.segments.map((s) => [s.basis, Math.round(s.days)])).toEqual([['transition', 45], ['portfolio', 47]]);
      const mirrored = windowAttainment(csmPlan, { ...team, ...data, window: { start: quarter.start, end: handover } }, context).attainment as number;
      const own = windowAttainment(csmPlan, { customers, ownerIds: [name], ...data, window: { start: handover, end: quarter.end } }, context).attainment as number;
      const [d1, d2] = level?.segments.map((s) => s.days) as number[];
      expect(level?.attainment).toBeCloseTo((mirrored * d1 + own * d2) / (d1 + d2));
      expect(level?.segments[0].note).toBe('portfolio transition (portfolios rebuilt after the reorganisation, declared by lea@vendor.example): mirrors the team objectives');
      expect(level?.measures.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(level?.attainment as number);
    });
  }

  it('judges a CSM who moved from one portfolio to another by days under each', () => {
    const before = book('x', 2, [2]), after = book('y', 2);
    const result = objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: 'nia' }, portfolio: [{ to: handover, customers: before }, { from: handover, customers: after }], scopes: {} });
    const [first, second] = levelOf(result, 'individual')?.segments ?? [];
    expect([first.basis, second.basis]).toEqual(['portfolio', 'portfolio']);
    expect(levelOf(result, 'individual')?.attainment).toBeCloseTo(((first.attainment as number) * first.days + (second.attainment as number) * second.days) / (first.days + second.days));
    expect(first.attainment).not.toBeCloseTo(second.attainment as number);
  });

  it('does not judge the days before a CSM with no transition had a portfolio', () => {
    const result = objectiveAttainment({ plan: csmPlan, period: quarter, person: { ownerId: 'nia' }, portfolio: [{ from: handover, customers: books.nia }], scopes: {} });
    expect(levelOf(result, 'individual')?.segments.map((s) => Math.round(s.days))).toEqual([47]);
  });
});

describe('a CS manager without a portfolio', () => {
  it('is paid on 50 % team, 20 % department, 30 % company, with no individual level', () => {
    // GRR: team 90 %, department 95 %, company 80 %: three different results to weigh.
    const team = { customers: book('t', 10, [1]), ownerIds: ['ana', 'bo'] };
    const department = { customers: [...team.customers, ...book('d', 10)], ownerIds: ['ana', 'bo', 'cy'] };
    const company = { customers: [...department.customers, ...book('c', 10, [1, 2, 3, 4, 5])], ownerIds: ['ana', 'bo', 'cy', 'dee'] };
    const result = objectiveAttainment({ plan: managerPlan, period: quarter, person: { ownerId: 'lea' }, portfolio: [], scopes: { team, department, company } });
    const at = (l: string) => levelOf(result, l)?.attainment as number;
    expect(result.levels.map((l) => [l.level, l.planWeight])).toEqual([['team', 50], ['department', 20], ['company', 30]]);
    expect(new Set([at('team'), at('department'), at('company')]).size).toBe(3);
    expect(result.overall).toBeCloseTo(0.5 * at('team') + 0.2 * at('department') + 0.3 * at('company'));
  });
});
