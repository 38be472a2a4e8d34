import type { GoalTarget, Owner } from '../domain/customer';
import { objectiveAttainment, windowsJudged } from '../domain/objectives/objective-attainment';
import { loadPlans } from '../domain/objectives/load-plans';
import type { Plans } from '../domain/objectives/plan-schema';
import { planFor } from '../domain/objectives/role-assignment';
import type { Period } from '../domain/time/days';
import type { Store } from '../store/store';
import { periodKey, quarterOf } from './period-key';
import { planRole, type PersonInPlan } from './plan-people';
import { bookTallies, type BookTallies } from './book-tallies';
import { streamPortal } from './portal-stream';
import type { LevelScopes } from './statement-body';
import { scopeTallies, type ScopeTallies } from './scope-tallies';
import { sharedScopeMembers, type SharedScopeMembers } from './scope-members';
import { statementBody } from './statement-body';

export interface ComputeStatementsInput {
  store: Pick<Store, 'companies' | 'entries' | 'statements'>;
  /** The saved plans; absent, the brief's defaults for the calendar quarter of `asOf` (as the card does). */
  plans?: Plans;
  /** Everyone in the portal (the portal context's owners): the people with a plan role. */
  owners: readonly Owner[];
  /** HubSpot Goals, so a person's own goal is their individual target. */
  goals?: readonly GoalTarget[];
  asOf: Date;
  /** The settings version the plans came from (0 = defaults), recorded with each statement. */
  settingsVersion: number;
}

export interface PeriodStatements {
  /** e.g. `2026-Q4` ({@link periodKey}). */
  periodKey: string;
  start: string;
  end: string;
  /** Statements computed: new, or recomputed while the period is open. */
  recorded: number;
  /** Recomputed with the very same figures: nothing stored (a recompute at the stored one's very instant counts as recorded). */
  unchanged: number;
  /** New versions of locked statements, each carrying its difference. */
  versionsAfterLock: number;
  /** Statements locked by this run because the period has ended. */
  locked: number;
}

export interface StatementsRun {
  periods: PeriodStatements[];
  /** People left without a statement, and why. */
  skipped: { ownerId: string; periodKey: string; reason: string }[];
  /** Companies read from the store (streamed once: the company level's scope, never held at once). */
  companies: number;
}

interface PeriodGroup {
  key: string;
  period: Period;
  people: PersonInPlan[];
}

/** People grouped by the period their role's plan runs over (a role may have its own). */
function groupByPeriod(people: readonly PersonInPlan[], plans: Plans): Map<string, PeriodGroup> {
  const groups = new Map<string, PeriodGroup>();
  for (const person of people) {
    const { period } = planFor(plans, person.role);
    const key = periodKey(period);
    const group = groups.get(key) ?? { key, period: { start: period.start, end: period.end }, people: [] };
    group.people.push(person);
    groups.set(key, group);
  }
  return groups;
}

const SHARED_LEVELS = ['team', 'department', 'company'] as const;

/** A started period's people, its entries, and its shared scopes tallied over the windows they are judged on. */
interface PeriodRun extends PeriodGroup {
  judgedAt: Date;
  entries: Awaited<ReturnType<Store['entries']['list']>>;
  membersOf: (person: PersonInPlan) => SharedScopeMembers;
  tallies: ScopeTallies;
  books: BookTallies;
}

/**
 * Declares what each person's shared levels are judged on: every shared scope over the period to
 * date (counted even where the plan gives the level no weight: the statement says what it held),
 * with the measures of the plans judging it, and each person's team over the stretches of their
 * declared transitions, where their individual level mirrors it.
 */
function declareScopes(run: PeriodRun, plans: Plans): void {
  for (const person of run.people) {
    const plan = planFor(plans, person.role);
    const measures = plan.measures.map((m) => m.measure);
    const members = run.membersOf(person);
    const windows = windowsJudged({ period: run.period, asOf: run.judgedAt, ownerId: person.owner.id, transitions: run.entries.transitions });
    for (const level of SHARED_LEVELS) run.tallies.need(members[level], windows.shared, plan.levels[level] > 0 ? measures : []);
    if (plan.levels.individual > 0) for (const w of windows.mirroringTeam) run.tallies.need(members.team, w, measures);
    const events = run.entries.events.filter((e) => e.ownerIds.includes(person.owner.id));
    run.books.need(person.owner.id, {
      windows: windows.ownPortfolio,
      measures: plan.levels.individual > 0 ? measures : [],
      excluded: new Set(events.filter((e) => e.approvedAt !== undefined).flatMap((e) => e.accountIds)),
      named: new Set(events.flatMap((e) => e.accountIds)),
    });
  }
}

/**
 * Each person's attainment statement for the plan period containing `asOf`: `objectiveAttainment`
 * over all four levels (individual = their book, team = their HubSpot teams' books, department =
 * their role family's books, company = every company), from the store's company records, with the
 * exceptional events an admin approved (for the people they were declared for), the declared
 * transitions and the manual counts; recorded under the period's key ({@link periodKey}). Once the
 * period has ended it is computed to its end and locked; a later recompute that moves a figure
 * adds a version with the difference.
 *
 * Without saved plans the period is the calendar quarter, which rolls on by itself: the quarter
 * before, if it still has open statements, is then computed to its end and locked too.
 *
 * Memory, flat in the portal's size: every level is a tally (the shared levels per scope, the
 * individual level per person's book) the store's company records are streamed through once, page
 * by page ({@link streamPortal}). Held at a time: one page of records and the tallies (counters,
 * and the hours of the tickets closed in the window where a plan judges the median).
 */
export async function computeStatements(input: ComputeStatementsInput): Promise<StatementsRun> {
  const { store, asOf } = input;
  const plans = input.plans ?? loadPlans({ period: quarterOf(asOf) });
  const people = input.owners.map((owner) => ({ owner, role: planRole(owner, plans) }));
  const groups = [...groupByPeriod(people, plans).values()];
  if (!input.plans) {
    const previous = quarterOf(new Date(quarterOf(asOf).start.getTime() - 1));
    const key = periodKey(previous);
    if ((await store.statements.forPeriod(key)).some((s) => !s.lockedAt)) groups.unshift({ key, period: previous, people });
  }

  const run: StatementsRun = { periods: [], skipped: [], companies: 0 };
  const started: PeriodRun[] = [];
  for (const group of groups) {
    if (asOf < group.period.start) continue;
    const entries = await store.entries.list({ from: group.period.start, to: group.period.end });
    // An ended period is judged whole, at its end: the same data then gives the same statement.
    const judgedAt = asOf < group.period.end ? asOf : group.period.end;
    const periodRun: PeriodRun = { ...group, judgedAt, entries, membersOf: sharedScopeMembers(people, plans), tallies: scopeTallies(entries.manual), books: bookTallies(entries.manual) };
    declareScopes(periodRun, plans);
    started.push(periodRun);
  }
  const streamed = started.length ? await streamPortal(store.companies, started.flatMap((p) => [p.tallies, p.books])) : undefined;

  for (const group of groups) {
    const figures: PeriodStatements = { periodKey: group.key, start: group.period.start.toISOString(), end: group.period.end.toISOString(), recorded: 0, unchanged: 0, versionsAfterLock: 0, locked: 0 };
    run.periods.push(figures);
    const periodRun = started.find((p) => p.key === group.key);
    if (!periodRun || streamed === undefined) {
      run.skipped.push(...group.people.map((p) => ({ ownerId: p.owner.id, periodKey: group.key, reason: 'the period has not started' })));
      continue;
    }
    run.companies = streamed;
    if (streamed === 0) {
      // Statements of nothing but "no data" would hide that the sync has not filled the store yet.
      run.skipped.push(...group.people.map((p) => ({ ownerId: p.owner.id, periodKey: group.key, reason: 'the store holds no company records yet: a full sync writes them' })));
      continue;
    }
    const { entries, judgedAt, tallies, books } = periodRun;
    const approved = entries.events.filter((e) => e.approvedAt !== undefined);
    const pending = entries.events.filter((e) => e.approvedAt === undefined);
    for (const person of group.people) {
      const members = periodRun.membersOf(person);
      const tallied = (level: (typeof SHARED_LEVELS)[number]) => ({ name: members[level].name, ...tallies.tallied(members[level]) });
      const scopes: LevelScopes = {
        individual: { name: 'own book', ...books.book(person.owner.id) },
        team: tallied('team'),
        department: tallied('department'),
        company: tallied('company'),
      };
      const attainment = objectiveAttainment({
        plan: planFor(plans, person.role),
        period: group.period,
        asOf: judgedAt,
        person: { ownerId: person.owner.id, userId: person.owner.userId },
        scopes,
        goals: input.goals,
        manual: entries.manual,
        // An event applies to the people it was declared for (their manager declared it), no one else.
        exceptionalEvents: approved.filter((e) => e.ownerIds.includes(person.owner.id)),
        transitions: entries.transitions,
      });
      const body = statementBody({ role: person.role, scopes, attainment, pending: pending.filter((e) => e.ownerIds.includes(person.owner.id)) });
      const stored = await store.statements.record({ ownerId: person.owner.id, periodKey: group.key, body: body as unknown as Record<string, unknown>, computedAt: asOf, settingsVersion: input.settingsVersion });
      if (stored.computedAt.getTime() !== asOf.getTime()) figures.unchanged += 1;
      else if (stored.difference) figures.versionsAfterLock += 1;
      else figures.recorded += 1;
    }
    if (asOf > group.period.end) figures.locked = await store.statements.lock(group.key, asOf);
  }
  return run;
}
