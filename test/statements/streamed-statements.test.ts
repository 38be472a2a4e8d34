import type { PortalContext } from '../../src/hubspot';
import { objectiveAttainment } from '../../src/domain/objectives/objective-attainment';
import { loadPlans } from '../../src/domain/objectives/plan-schema';
import type { MeasurePlan } from '../../src/domain/objectives/plan-schema';
import { planFor } from '../../src/domain/objectives/role-assignment';
import { computeStatements, type StatementsRun } from '../../src/statements/compute-statements';
import { planRole } from '../../src/statements/plan-people';
import { levelScopesFor, readPortalBooks } from './list-based-books';
import { readStatementBody, statementBody, type StatementReading } from '../../src/statements/statement-body';
import type { Store } from '../../src/store/store';
import { AS_OF } from '../hubspot/hubspot-test-portal';
import { withSyncedStore } from './synced-store';

const m = (measure: MeasurePlan['measure'], weight: number, target: number, threshold: number) => ({ measure, weight, target, threshold, capPercent: 150, accelerator: 1.5 });
// Plans judging every shared level, with every measure the statements can have data for: the CS
// manager (owner 100) on manual entries, tickets, exit interviews, NPS, expansion and logo
// retention; CSMs also on their department; reps on early churn (the defaults).
const plans = loadPlans({
  period: { start: '2026-10-01', length: 'quarter' },
  managers: ['100'],
  roles: {
    cs_manager: {
      variableSharePercent: 20,
      levels: { individual: 0, team: 40, department: 30, company: 30 },
      split: { lead: 50, lag: 50 },
      measures: [m('webinars', 25, 4, 1), m('tickets_resolved', 25, 200, 20), m('exit_interviews', 25, 80, 20), m('median_resolution_hours', 25, 24, 72), m('nps', 25, 30, 0), m('expansion_mrr', 25, 20_000, 1_000), m('logo_retention', 25, 95, 80), m('grr', 25, 92, 80)],
    },
    csm: {
      variableSharePercent: 15,
      levels: { individual: 40, team: 30, department: 10, company: 20 },
      split: { lead: 75, lag: 25 },
      measures: [m('accounts_contacted', 40, 90, 60), m('csat', 30, 85, 70), m('median_resolution_hours', 30, 24, 72), m('grr', 60, 92, 80), m('nrr', 40, 105, 90)],
    },
  },
});
const PERIOD = { start: plans.period.start, end: plans.period.end };
const DECEMBER = new Date('2026-12-10T03:00:00Z');
const AFTER_END = new Date('2027-01-03T03:00:00Z');
const LATER = new Date('2027-01-04T03:00:00Z');

/**
 * The statements the list-based way: every company read into memory, each level a list of
 * customers (`levelScopesFor`), each person judged alone by `objectiveAttainment`, as the
 * statements were computed before they streamed.
 */
async function listBasedBodies(store: Store, context: PortalContext, asOf: Date): Promise<Record<string, unknown>> {
  const people = context.owners.map((owner) => ({ owner, role: planRole(owner, plans) }));
  const scopesOf = levelScopesFor(await readPortalBooks(store.companies), people, plans);
  const entries = await store.entries.list({ from: PERIOD.start, to: PERIOD.end });
  const bodies: Record<string, unknown> = {};
  for (const p of people) {
    const scopes = scopesOf(p);
    const mine = (e: { ownerIds: string[] }) => e.ownerIds.includes(p.owner.id);
    const attainment = objectiveAttainment({
      plan: planFor(plans, p.role),
      period: PERIOD,
      asOf: asOf < PERIOD.end ? asOf : PERIOD.end,
      person: { ownerId: p.owner.id, userId: p.owner.userId },
      scopes,
      goals: context.goalTargets,
      manual: entries.manual,
      exceptionalEvents: entries.events.filter((e) => e.approvedAt !== undefined && mine(e)),
      transitions: entries.transitions,
    });
    const pending = entries.events.filter((e) => e.approvedAt === undefined && mine(e));
    bodies[p.owner.id] = JSON.parse(JSON.stringify(statementBody({ role: p.role, scopes, attainment, pending })));
  }
  return bodies;
}

interface Moment {
  run: StatementsRun;
  streamed: Record<string, unknown>;
  listBased: Record<string, unknown>;
}

const reading = (body: unknown): StatementReading => {
  const read = readStatementBody(body);
  if (!read.ok) throw new Error(read.problem);
  return read.statement;
};

describe('statements streamed through tallies equal the list-based statements, body for body', () => {
  const moments: Record<string, Moment> = {};
  let owners: string[] = [];
  let excludedAccounts: string[] = [];

  beforeAll(async () => {
    await withSyncedStore(async ({ context, store }) => {
      owners = context.owners.map((o) => o.id);
      const at = async (name: string, asOf: Date) => {
        const run = await computeStatements({ store, plans, owners: context.owners, goals: context.goalTargets, asOf, settingsVersion: 1 });
        const streamed: Record<string, unknown> = {};
        for (const id of owners) streamed[id] = (await store.statements.latest(id, '2026-Q4'))?.body;
        moments[name] = { run, streamed, listBased: await listBasedBodies(store, context, asOf) };
      };
      await at('open', AS_OF);

      const book101: string[] = [];
      for await (const page of store.companies.pages({ ownerIds: ['101'] })) book101.push(...page.map((r) => r.companyId));
      excludedAccounts = book101.slice(0, 3);
      const declared = { declaredBy: 'lea@vendor.example', declaredAt: new Date('2026-11-10T00:00:00Z') };
      await store.entries.addExceptionalEvent({ accountIds: excludedAccounts, ownerIds: ['101'], reason: 'Parent group insolvent', ...declared, approvedBy: 'admin@vendor.example', approvedAt: new Date('2026-11-12T00:00:00Z') });
      const book103: string[] = [];
      for await (const page of store.companies.pages({ ownerIds: ['103'] })) book103.push(...page.map((r) => r.companyId));
      await store.entries.addExceptionalEvent({ accountIds: book103.slice(0, 2), ownerIds: ['103'], reason: 'Flood at the customer site', ...declared });
      await store.entries.addTransition({ ownerIds: ['102', '501'], from: new Date('2026-10-05T00:00:00Z'), to: new Date('2026-10-20T00:00:00Z'), reason: 'Portfolios rebuilt', ...declared });
      for (const [ownerId, value] of [['100', 2], ['101', 1]] as const) {
        await store.entries.addManualEntry({ measure: 'webinars', ownerId, value, occurredAt: new Date('2026-11-15T00:00:00Z'), enteredBy: 'lea@vendor.example', enteredAt: new Date('2026-11-16T00:00:00Z') });
      }
      await at('declared', DECEMBER);
      await at('locked', AFTER_END);
      await store.entries.addExceptionalEvent({ accountIds: book103.slice(2, 4), ownerIds: ['103'], reason: 'Customer acquired', ...declared, approvedBy: 'admin@vendor.example', approvedAt: new Date('2027-01-03T09:00:00Z') });
      await at('after the lock', LATER);
    });
  });

  it.each(['open', 'declared', 'locked', 'after the lock'])('%s: every person\'s stored statement is the list-based one', (name) => {
    const { streamed, listBased } = moments[name];
    expect(Object.keys(listBased)).toEqual(owners);
    for (const id of owners) expect({ id, body: streamed[id] }).toEqual({ id, body: listBased[id] });
  });

  it('covers what makes the levels differ: a transition, an approved and a pending event, manual entries, the lock', () => {
    const declared = moments.declared.streamed;
    // Segments are kept for reviews, not read by the card: read from the body as stored.
    const individualOf = (id: string) => (declared[id] as { attainment: { levels: { level: string; segments: { basis: string }[] }[] } }).attainment.levels.find((l) => l.level === 'individual');
    expect(individualOf('102')?.segments.map((s) => s.basis)).toEqual(['portfolio', 'transition', 'portfolio']);
    expect(individualOf('501')?.segments.map((s) => s.basis)).toEqual(['portfolio', 'transition', 'portfolio']);
    expect(reading(declared['101']).attainment.exclusions).toEqual([expect.objectContaining({ accountIds: excludedAccounts })]);
    expect(reading(declared['103']).awaitingApproval).toHaveLength(1);
    const managerTeam = reading(declared['100']).attainment.levels.find((l) => l.level === 'team');
    expect(managerTeam?.measures.find((x) => x.measure === 'webinars')?.actual).toEqual({ kind: 'value', value: 1 });
    const managerDepartment = reading(declared['100']).attainment.levels.find((l) => l.level === 'department');
    expect(managerDepartment?.measures.find((x) => x.measure === 'webinars')?.actual).toEqual({ kind: 'value', value: 3 });
    expect(moments.locked.run.periods[0]).toMatchObject({ locked: owners.length });
    expect(moments['after the lock'].run.periods[0]).toMatchObject({ versionsAfterLock: 1 });
  });

  it('judges the shared levels on data: at the lock, every measure of the manager\'s plan has a value on each', () => {
    const manager = reading(moments.locked.streamed['100']);
    for (const level of ['team', 'department', 'company']) {
      const measures = manager.attainment.levels.find((l) => l.level === level)?.measures ?? [];
      expect(measures).toHaveLength(8);
      expect(measures.filter((x) => x.actual.kind === 'no_data').map((x) => x.measure)).toEqual([]);
    }
  });
});
