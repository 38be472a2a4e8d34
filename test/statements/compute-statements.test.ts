import { objectiveAttainment } from '../../src/domain/objectives/objective-attainment';
import { loadPlans } from '../../src/domain/objectives/plan-schema';
import { planFor } from '../../src/domain/objectives/role-assignment';
import { planRole } from '../../src/statements/plan-people';
import { levelScopesFor, readPortalBooks } from './list-based-books';
import { computeStatements, type StatementsRun } from '../../src/statements/compute-statements';
import { readStatementBody, type StatementReading } from '../../src/statements/statement-body';
import type { StatementVersion } from '../../src/store/store';
import { AS_OF } from '../hubspot/hubspot-test-portal';
import { DEMO_COMPANIES, withSyncedStore } from './synced-store';

// The demo's CS manager is owner 100; CSMs are 101-103, the sales manager 500, reps 501-502, AMs 900-901.
const plans = loadPlans({ period: { start: '2026-10-01', length: 'quarter' }, managers: ['100'] });
const AFTER_END = new Date('2027-01-03T03:00:00Z');
const LATER = new Date('2027-01-04T03:00:00Z');
const LATEST = new Date('2027-01-05T03:00:00Z');

const reading = (s: StatementVersion | undefined): StatementReading => {
  const read = readStatementBody(s?.body);
  if (!read.ok) throw new Error(read.problem);
  return read.statement;
};
const level = (s: StatementReading, name: string) => s.attainment.levels.find((l) => l.level === name);

interface Observed {
  owners: string[];
  open: StatementsRun;
  /** Each person judged alone, every level from scratch: what the statements' shared-level reuse must equal. */
  judgedAlone: Record<string, unknown>;
  stored: Record<string, unknown>;
  manager?: StatementVersion;
  csm?: StatementVersion;
  rep?: StatementVersion;
  ended: StatementsRun;
  endedCsm?: StatementVersion;
  again: StatementsRun;
  pendingRun: StatementsRun;
  approvedRun: StatementsRun;
  csmVersions: StatementVersion[];
  csmAccounts: string[];
}

async function observe(): Promise<Observed> {
  return withSyncedStore(async ({ context, store }) => {
    const compute = (asOf: Date) => computeStatements({ store, plans, owners: context.owners, goals: context.goalTargets, asOf, settingsVersion: 3 });
    const open = await compute(AS_OF);
    const [manager, csm, rep] = await Promise.all(['100', '101', '501'].map((id) => store.statements.latest(id, '2026-Q4')));
    const people = context.owners.map((owner) => ({ owner, role: planRole(owner, plans) }));
    const scopesOf = levelScopesFor(await readPortalBooks(store.companies), people, plans);
    const judgedAlone: Record<string, unknown> = {};
    const stored: Record<string, unknown> = {};
    for (const p of people) {
      const alone = objectiveAttainment({ plan: planFor(plans, p.role), period: { start: plans.period.start, end: plans.period.end }, asOf: AS_OF, person: { ownerId: p.owner.id, userId: p.owner.userId }, scopes: scopesOf(p), goals: context.goalTargets });
      judgedAlone[p.owner.id] = JSON.parse(JSON.stringify(alone));
      stored[p.owner.id] = (await store.statements.latest(p.owner.id, '2026-Q4'))?.body.attainment;
    }
    const ended = await compute(AFTER_END);
    const endedCsm = await store.statements.latest('101', '2026-Q4');
    const again = await compute(LATER);
    const csmAccounts: string[] = [];
    for await (const page of store.companies.pages({ ownerIds: ['101'] })) csmAccounts.push(...page.map((r) => r.companyId));
    const event = await store.entries.addExceptionalEvent({ accountIds: csmAccounts.slice(0, 3), ownerIds: ['101'], reason: 'Parent group insolvent', declaredBy: 'lea@vendor.example', declaredAt: new Date('2026-11-10T00:00:00Z') });
    const pendingRun = await compute(LATER);
    await store.entries.approveExceptionalEvent(event.id, { approvedBy: 'admin@vendor.example', approvedAt: new Date('2027-01-04T09:00:00Z') });
    const approvedRun = await compute(LATEST);
    const csmVersions = await store.statements.versions('101', '2026-Q4');
    return { owners: context.owners.map((o) => o.id), open, judgedAlone, stored, manager, csm, rep, ended, endedCsm, again, pendingRun, approvedRun, csmVersions, csmAccounts };
  });
}

describe('computeStatements over the store a sync left', () => {
  let o: Observed;
  beforeAll(async () => {
    o = await observe();
  });

  it('records one statement per person for the plan period, under its key, with the settings version', () => {
    expect(o.open.periods).toEqual([{ periodKey: '2026-Q4', start: '2026-10-01T00:00:00.000Z', end: '2026-12-31T23:59:59.999Z', recorded: o.owners.length, unchanged: 0, versionsAfterLock: 0, locked: 0 }]);
    expect(o.open.companies).toBe(DEMO_COMPANIES);
    expect(o.csm).toMatchObject({ ownerId: '101', periodKey: '2026-Q4', version: 1, computedAt: AS_OF, settingsVersion: 3 });
    expect(o.csm?.lockedAt).toBeUndefined();
  });

  it('reuses a shared level across people only where it is the very same: every statement equals the person judged alone', () => {
    expect(Object.keys(o.stored)).toHaveLength(o.owners.length);
    expect(o.stored).toEqual(o.judgedAlone);
  });

  it('gives the CS manager all their levels: team, their department (the CS role family) and the company', () => {
    const s = reading(o.manager);
    expect(s.role).toBe('cs_manager');
    expect(s.scopes.department).toMatchObject({ name: 'Customer Success' });
    expect(s.scopes.company).toEqual({ name: 'company', companies: DEMO_COMPANIES, people: o.owners.length });
    // Department: the CSMs, AMs and the manager; not the sales team.
    expect(s.scopes.department.people).toBe(o.owners.filter((id) => Number(id) < 500 || Number(id) >= 900).length);
    // Every demo company has a CSM: the CS department holds them all.
    expect(s.scopes.department.companies).toBe(DEMO_COMPANIES);
    expect(s.attainment.levels.map((l) => [l.level, l.planWeight])).toEqual([['team', 50], ['department', 20], ['company', 30]]);
    for (const name of ['team', 'department', 'company']) expect(level(s, name)?.attainment).toEqual(expect.any(Number));
    expect(s.attainment.overall).toEqual(expect.any(Number));
  });

  it('judges a rep in the Sales department, a CSM on their own book and the company', () => {
    const rep = reading(o.rep);
    expect(rep).toMatchObject({ role: 'sales_rep', department: 'Sales' });
    expect(rep.scopes.department).toMatchObject({ name: 'Sales', people: o.owners.filter((id) => Number(id) >= 500 && Number(id) < 900).length });
    // A rep owns no company: their book is the customers they brought in (their first won deal).
    expect(rep.scopes.individual.companies).toBeGreaterThan(0);
    expect(level(rep, 'individual')?.measures.map((m) => m.measure)).toEqual(['early_churn_rate']);
    const csm = reading(o.csm);
    expect(csm.scopes.individual.companies).toBe(o.csmAccounts.length);
    expect(csm.attainment.levels.map((l) => l.level)).toEqual(['individual', 'team', 'company']);
    expect(csm.attainment.asOf).toBe(AS_OF.toISOString());
  });

  it('once the period has ended, judges it whole at its end and locks it', () => {
    expect(o.ended.periods[0]).toMatchObject({ recorded: o.owners.length, locked: o.owners.length, versionsAfterLock: 0 });
    expect(o.endedCsm).toMatchObject({ version: 1, lockedAt: AFTER_END, computedAt: AFTER_END });
    expect(reading(o.endedCsm).attainment.asOf).toBe('2026-12-31T23:59:59.999Z');
  });

  it('stores nothing when a recompute after the lock moves no figure', () => {
    expect(o.again.periods[0]).toMatchObject({ recorded: 0, unchanged: o.owners.length, versionsAfterLock: 0, locked: 0 });
  });

  it('after the lock, adds a version with the difference: a declared event awaits approval, then its approval excludes the accounts', () => {
    expect(o.pendingRun.periods[0]).toMatchObject({ versionsAfterLock: 1, unchanged: o.owners.length - 1 });
    expect(o.approvedRun.periods[0]).toMatchObject({ versionsAfterLock: 1 });
    expect(o.csmVersions.map((v) => v.version)).toEqual([1, 2, 3]);
    const [, pending, approved] = o.csmVersions;
    expect(pending.lockedAt).toEqual(AFTER_END);
    expect(Object.keys(pending.difference ?? {})).toEqual(['awaitingApproval']);
    expect(reading(pending).awaitingApproval).toEqual([expect.objectContaining({ accountIds: o.csmAccounts.slice(0, 3), declaredBy: 'lea@vendor.example' })]);
    const after = reading(approved);
    expect(after.awaitingApproval).toEqual([]);
    expect(after.attainment.exclusions).toEqual([expect.objectContaining({ accountIds: o.csmAccounts.slice(0, 3), reason: 'Parent group insolvent', declaredBy: 'lea@vendor.example' })]);
    expect(Object.keys(approved.difference ?? {})).toEqual(expect.arrayContaining(['attainment.exclusions', 'awaitingApproval']));
    // The excluded accounts leave the individual level only: the team and company levels keep them.
    expect(after.scopes).toEqual(reading(pending).scopes);
    expect(level(after, 'company')).toEqual(level(reading(pending), 'company'));
  });
});
