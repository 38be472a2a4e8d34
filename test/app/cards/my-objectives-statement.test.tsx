import { Alert, Heading, ProgressBar, TableCell, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { MyObjectivesCardView } from '../../../extensions/cards/components/my-objectives-card-view';
import { cachedPortalContext, type CardDependencies } from '../../../src/app/card-dependencies';
import type { CardViewer } from '../../../src/app/card-request';
import { myObjectivesCard } from '../../../src/app/cards/my-objectives-handler';
import { DEFAULT_ENGINE_CONFIG } from '../../../src/domain/config/engine-config';
import { loadPlans } from '../../../src/domain/objectives/plan-schema';
import { computeStatements } from '../../../src/statements/compute-statements';
import { readStatementBody, type StatementReading } from '../../../src/statements/statement-body';
import { openStore } from '../../../src/store/open-store';
import type { StatementRepository } from '../../../src/store/store';
import type { CardResponse } from '../../../src/views/card-response';
import type { MyObjectivesView } from '../../../src/views/my-objectives-view';
import { AS_OF } from '../../hubspot/hubspot-test-portal';
import { withSyncedStore } from '../../statements/synced-store';

// Demo owners: 100 manages the Customer Success team; 101 and 102 are CSMs (user id = 70,000 + owner id).
const ana: CardViewer = { userId: 70_101 };
const manager: CardViewer = { userId: 70_100 };
const plans = loadPlans({ period: { start: '2026-10-01', length: 'quarter' }, managers: ['100'] });
const AFTER_END = new Date('2027-01-03T03:00:00Z');
const LATER = new Date('2027-01-04T03:00:00Z');

type Answer = CardResponse<MyObjectivesView>;

interface Observed {
  own: Answer;
  managerOwn: Answer;
  managerOfMember: Answer;
  peer: Answer;
  statementsRead: string[];
  stored: Record<string, StatementReading>;
  noStatementYet: Answer;
  storeDown: Answer;
  afterLock: Answer;
  excluded: string[];
}

const read = (body: unknown): StatementReading => {
  const r = readStatementBody(body);
  if (!r.ok) throw new Error(r.problem);
  return r.statement;
};

async function observe(): Promise<Observed> {
  return withSyncedStore(async ({ gateway, context, store }) => {
    await computeStatements({ store, plans, owners: context.owners, goals: context.goalTargets, asOf: AS_OF, settingsVersion: 2 });
    const statementsRead: string[] = [];
    // The real repository, noting whose statement the card asked for.
    const statements: Pick<StatementRepository, 'latest'> = { latest: (ownerId, key) => (statementsRead.push(ownerId), store.statements.latest(ownerId, key)) };
    const base: CardDependencies = { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => AS_OF, portalContext: cachedPortalContext(gateway), plans, statements };
    const ask = (viewer: CardViewer, input: Record<string, unknown> = {}, deps: CardDependencies = base) => myObjectivesCard(deps, { recordId: '1001', ...input }, viewer);
    const own = await ask(ana);
    const managerOwn = await ask(manager);
    const managerOfMember = await ask(manager, { subjectOwnerId: '102' });
    const before = statementsRead.length;
    const peer = await ask(ana, { subjectOwnerId: '102' });
    if (statementsRead.length !== before) throw new Error('a refused request read a statement');
    const readByThen = [...statementsRead];
    const stored = Object.fromEntries(await Promise.all(['100', '101', '102'].map(async (id) => [id, read((await store.statements.latest(id, '2026-Q4'))?.body)] as const)));

    const nextQuarter = loadPlans({ period: { start: '2027-01-01', length: 'quarter' }, managers: ['100'] });
    const noStatementYet = await ask(ana, {}, { ...base, plans: nextQuarter, now: () => new Date('2027-01-02T10:00:00Z') });
    const closed = await openStore({ memory: true });
    await closed.close();
    const storeDown = await ask(ana, {}, { ...base, statements: closed.statements });

    await computeStatements({ store, plans, owners: context.owners, goals: context.goalTargets, asOf: AFTER_END, settingsVersion: 2 });
    const book: string[] = [];
    for await (const page of store.companies.pages({ ownerIds: ['101'] })) book.push(...page.map((r) => r.companyId));
    const excluded = book.slice(0, 2);
    await store.entries.addExceptionalEvent({ accountIds: excluded, ownerIds: ['101'], reason: 'Market shock in their region', declaredBy: 'lea@vendor.example', declaredAt: new Date('2026-12-01T00:00:00Z'), approvedBy: 'admin@vendor.example', approvedAt: new Date('2027-01-03T12:00:00Z') });
    await computeStatements({ store, plans, owners: context.owners, goals: context.goalTargets, asOf: LATER, settingsVersion: 3 });
    const afterLock = await ask(ana, {}, { ...base, now: () => LATER });
    return { own, managerOwn, managerOfMember, peer, statementsRead: readByThen, stored, noStatementYet, storeDown, afterLock, excluded };
  });
}

const view = (a: Answer): MyObjectivesView => {
  if (a.status !== 'ok') throw new Error(`expected an answer, got ${JSON.stringify(a)}`);
  return a.view;
};
const levelOf = (v: MyObjectivesView, level: string) => v.levels.find((l) => l.level === level);
const statementLevel = (s: StatementReading, level: string) => s.attainment.levels.find((l) => l.level === level);

describe('My objectives card with the sync\'s period statements', () => {
  let o: Observed;
  beforeAll(async () => {
    o = await observe();
  });

  it('shows a CSM their individual and team levels live and the company level from their statement, each labelled with its source', () => {
    const v = view(o.own);
    expect(v.levels.map((l) => [l.level, l.source])).toEqual([['individual', 'card'], ['team', 'card'], ['company', 'statement']]);
    expect(levelOf(v, 'company')?.attainment).toBe(statementLevel(o.stored['101'], 'company')?.attainment);
    // The card's live levels and the sync's statement agree when they read the same data at the same time.
    expect(levelOf(v, 'individual')?.attainment).toBeCloseTo(statementLevel(o.stored['101'], 'individual')?.attainment as number, 6);
    expect(v.notOnCard).toEqual([]);
    expect(v.statement).toEqual({ status: 'ok', periodKey: '2026-Q4', version: 1, computedAt: AS_OF.toISOString(), settingsVersion: 2, overall: o.stored['101'].attainment.overall, department: 'Customer Success', awaitingApproval: 0 });
  });

  it('shows a manager all three of their levels, department and company from the statement', () => {
    const v = view(o.managerOwn);
    expect(v.levels.map((l) => [l.level, l.source, l.planWeightPercent])).toEqual([['team', 'card', 50], ['department', 'statement', 20], ['company', 'statement', 30]]);
    expect(levelOf(v, 'department')?.attainment).toBe(statementLevel(o.stored['100'], 'department')?.attainment);
    expect(levelOf(v, 'department')?.measures.map((m) => m.measure)).toEqual(['accounts contacted', 'csat', 'grr', 'nrr']);
    expect(v.levelAttainment?.map((l) => [l.level, l.source])).toEqual([['team', 'card'], ['department', 'statement'], ['company', 'statement']]);
  });

  it('draws every level with its figure and the statement with when it was computed and its settings version', () => {
    const { render, findAll } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: view(o.managerOwn) }} />);
    const headings = findAll(Heading).map((h) => h.text);
    expect(headings).toEqual(expect.arrayContaining([expect.stringMatching(/^department level \(20 % of the plan, from the period statement\): (\d+ %|no data)$/), 'Period statement 2026-Q4']));
    expect(findAll(Text).map((t) => t.text)).toContain('Computed by the sync on 2026-11-01 00:00 UTC with settings version 2. Department: Customer Success.');
    for (const bar of findAll(ProgressBar)) expect(bar.props.title).toMatch(/: \d+ %$/);
  });

  it('lets a manager see a member\'s statement, and reads no statement for a peer', () => {
    expect(levelOf(view(o.managerOfMember), 'company')?.attainment).toBe(statementLevel(o.stored['102'], 'company')?.attainment);
    expect(o.statementsRead).toEqual(['101', '100', '102']);
    expect(o.peer).toEqual({ status: 'error', code: 'FORBIDDEN', message: 'You cannot see these figures: individual figures are visible to the person and their manager only.' });
  });

  it('says when the next sync computes a statement not made yet, and still shows the live levels', () => {
    const v = view(o.noStatementYet);
    expect(v.statement).toEqual({ status: 'empty', message: 'No statement for 2027-Q1 yet: the nightly full sync at 03:00 UTC (next: 2027-01-03 03:00 UTC) computes the department and company levels, or an admin can run cs-health sync now.' });
    expect(v.levels.map((l) => l.level)).toEqual(['individual', 'team']);
    expect(v.notOnCard).toEqual(['company (20 %)']);
    const { render, find } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: v }} />);
    expect(find(Alert).props.title).toBe('No period statement yet');
  });

  it('keeps the card when the store cannot be read: the statement part says so', () => {
    const v = view(o.storeDown);
    expect(v.statement).toEqual({ status: 'error', message: 'The period statement could not be read from the cs-health store: try again in a moment.' });
    expect(v.levels.map((l) => l.level)).toEqual(['individual', 'team']);
  });

  it('after the lock, shows the new version with the exclusion that made it, who declared it and the accounts by name', () => {
    const v = view(o.afterLock);
    expect(v.statement).toMatchObject({ status: 'ok', version: 2, settingsVersion: 3, lockedAt: AFTER_END.toISOString(), computedAt: LATER.toISOString() });
    expect(v.exclusions).toEqual([{ accounts: expect.arrayContaining([expect.not.stringMatching(/^Company \d+$/)]), reason: 'Market shock in their region', declaredBy: 'lea@vendor.example', declaredAt: '2026-12-01T00:00:00.000Z' }]);
    expect(v.exclusions?.[0].accounts).toHaveLength(o.excluded.length);
    const { render, findAll } = createRenderer('crm.record.sidebar');
    render(<MyObjectivesCardView state={{ status: 'ready', view: v }} />);
    const rows = findAll(TableRow).map((r) => r.findAll(TableCell).map((c) => c.text));
    expect(rows).toContainEqual([v.exclusions?.[0].accounts.join(', '), 'Market shock in their region', 'lea@vendor.example', '2026-12-01']);
    expect(findAll(Text).map((t) => t.text)).toContain('Computed by the sync on 2027-01-04 03:00 UTC with settings version 3; locked 2027-01-03 03:00 UTC when the period ended. Department: Customer Success.');
  });
});
