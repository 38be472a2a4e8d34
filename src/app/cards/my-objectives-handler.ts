import type { Customer, Owner } from '../../domain/customer';
import { objectiveAttainment } from '../../domain/objectives/objective-attainment';
import { loadPlans, type Role } from '../../domain/objectives/plan-schema';
import { planFor } from '../../domain/objectives/role-assignment';
import { canViewAttainment, type Person } from '../../domain/objectives/visibility';
import { readOwnerPortfolio } from '../../hubspot';
import { objectiveLevelViews } from '../../statements/objective-level-views';
import { periodKey, quarterOf } from '../../statements/period-key';
import { planRole, teammatesOf } from '../../statements/plan-people';
import { statementForCard } from '../../statements/statement-for-card';
import type { CardResponse } from '../../views/card-response';
import type { MyObjectivesView } from '../../views/my-objectives-view';
import { cardError, type CardDependencies } from '../card-dependencies';
import { cardRequestSchema, describeRequestProblem, viewerOwner, type CardViewer } from '../card-request';

const person = (o: Owner, role: Role): Person => ({ ownerId: o.id, role, teamIds: o.teamIds });
const nameOf = (o: Owner) => [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;
/** The levels the card computes live from the books it reads; the others come from the sync's statement. */
const LIVE_LEVELS = ['individual', 'team'] as const;

/**
 * The My objectives card (company sidebar): the viewer's own attainment, or for a manager a team
 * member's when asked (`subjectOwnerId`). Who may see what is decided here, from the HubSpot user
 * in the request context, not in the card, and before any figure is read. Individual and team
 * levels are computed live from their books; department and company levels need the whole portal,
 * so they come from the latest period statement the sync computed (`src/statements/`).
 */
export async function myObjectivesCard(deps: CardDependencies, input: unknown, viewer: CardViewer): Promise<CardResponse<MyObjectivesView>> {
  const { subjectOwnerId, ...rest } = (input ?? {}) as { subjectOwnerId?: unknown };
  const parsed = cardRequestSchema.safeParse(rest);
  if (!parsed.success) return { status: 'error', code: 'BAD_REQUEST', message: describeRequestProblem(parsed.error) };
  try {
    const context = await deps.portalContext();
    const me = viewerOwner(context.owners, viewer);
    const now = deps.now();
    const plans = deps.plans ?? loadPlans({ period: quarterOf(now) });
    const subject = subjectOwnerId === undefined ? me : context.owners.find((o) => o.id === String(subjectOwnerId));
    if (!subject) return { status: 'error', code: me ? 'NOT_FOUND' : 'FORBIDDEN', message: me ? 'That person is not a HubSpot owner.' : 'You are not a HubSpot owner known to cs-health, so you have no objectives here.' };
    const myRole = me ? planRole(me, plans) : undefined;
    const role = planRole(subject, plans);
    const visibility = canViewAttainment(me && person(me, myRole as Role), person(subject, role));
    if (!visibility.allowed) return { status: 'error', code: 'FORBIDDEN', message: `You cannot see these figures: ${visibility.reason}.` };

    const plan = planFor(plans, role);
    const teammates = teammatesOf(subject, context.owners, plans);
    const teamBook = await readOwnerPortfolio(deps.gateway, context, deps.config.mapping, teammates.map((o) => o.id));
    const book = (ownerId: string) => teamBook.filter((c: Customer) => c.ownerId === ownerId);
    const team = { customers: teamBook, ownerIds: teammates.map((o) => o.id) };
    // Judged up to today: a month that has not happened yet is neither contacted nor missed.
    const result = objectiveAttainment({ plan, period: plan.period, asOf: now, goals: context.goalTargets, userId: subject.userId, scopes: { individual: role === 'cs_manager' ? undefined : { customers: book(subject.id), ownerIds: [subject.id] }, team } });
    const live = objectiveLevelViews(result.levels.filter((l) => (LIVE_LEVELS as readonly string[]).includes(l.level)), 'card');
    const names = new Map(context.owners.map((o) => [o.id, nameOf(o)]));
    const fromStatement = await statementForCard(deps.statements, {
      ownerId: subject.id,
      periodKey: periodKey(plan.period),
      liveLevels: LIVE_LEVELS,
      now,
      accountName: (id) => teamBook.find((c) => c.id === id)?.name ?? `Company ${id}`,
      personName: (id) => names.get(id) ?? `Owner ${id}`,
    });
    const levels = [...live, ...fromStatement.levels];
    const shown = new Set(levels.map((l) => l.level));
    const elapsed = (now.getTime() - plan.period.start.getTime()) / (plan.period.end.getTime() - plan.period.start.getTime());
    const account = teamBook.find((c) => c.id === parsed.data.recordId);
    return {
      status: 'ok',
      view: {
        viewer: { name: nameOf(subject), role: role.replace('_', ' ') },
        period: { start: plan.period.start.toISOString().slice(0, 10), end: plan.period.end.toISOString().slice(0, 10), elapsedPercent: Math.round(Math.min(1, Math.max(0, elapsed)) * 100) },
        overall: result.overall,
        variableSharePercent: plan.variableSharePercent,
        levels,
        notOnCard: (['department', 'company'] as const).filter((l) => plan.levels[l] > 0 && !shown.has(l)).map((l) => `${l} (${plan.levels[l]} %)`),
        statement: fromStatement.statement,
        levelAttainment: levels.map((l) => ({ level: l.level, weightPercent: l.planWeightPercent, attainment: l.attainment, source: l.source ?? 'card' })),
        ...(fromStatement.exclusions ? { exclusions: fromStatement.exclusions, transitions: fromStatement.transitions } : {}),
        thisAccount: account
          ? { name: account.name ?? `Company ${account.id}`, inPortfolio: account.ownerId === subject.id, note: account.ownerId === subject.id ? 'This account is in your book: its retention, contacts and tickets count in your individual measures.' : 'This account belongs to a teammate: it counts in your team level.' }
          : undefined,
        team: myRole === 'cs_manager' && subjectOwnerId === undefined ? teammates.map((o) => ({ name: nameOf(o), overall: objectiveAttainment({ plan: plans.roles.csm ?? plan, period: plan.period, asOf: now, scopes: { individual: { customers: book(o.id), ownerIds: [o.id] } } }).overall })) : undefined,
      },
    };
  } catch (error) {
    return cardError(error);
  }
}
