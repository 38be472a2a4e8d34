import type { Customer, Owner } from '../../domain/customer';
import { objectiveAttainment, type Attainment } from '../../domain/objectives/objective-attainment';
import { loadPlans, type Plans } from '../../domain/objectives/plan-schema';
import { canViewAttainment, type Person } from '../../domain/objectives/visibility';
import { readOwnerPortfolio } from '../../hubspot';
import type { CardResponse } from '../../views/card-response';
import type { MyObjectivesView, ObjectiveLevelView } from '../../views/my-objectives-view';
import { cardError, type CardDependencies } from '../card-dependencies';
import { cardRequestSchema, describeRequestProblem, viewerOwner, type CardViewer } from '../card-request';

type Role = 'csm' | 'am' | 'cs_manager' | 'sales_rep';

const quarterOf = (d: Date) => {
  const q = Math.floor(d.getUTCMonth() / 3) * 3;
  return { start: new Date(Date.UTC(d.getUTCFullYear(), q, 1)), end: new Date(Date.UTC(d.getUTCFullYear(), q + 3, 1) - 1) };
};

/** A person's plan role: managers by configuration, the others by their HubSpot team's name. */
function roleOf(owner: Owner, plans: Plans): Role {
  if (plans.managers.includes(owner.id)) return 'cs_manager';
  const names = (owner.teamNames ?? []).join(' ');
  if (/account/i.test(names)) return 'am';
  if (/sales/i.test(names)) return 'sales_rep';
  return 'csm';
}

const person = (o: Owner, role: Role): Person => ({ ownerId: o.id, role, teamIds: o.teamIds });
const nameOf = (o: Owner) => [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;
const shown = (n: number | undefined, unit = '') => (n === undefined ? 'no data' : `${Math.round(n * 10) / 10}${unit}`);

function levelViews(result: Attainment, plan: Plans['roles'][Role]): ObjectiveLevelView[] {
  return result.levels.map((l) => ({
    level: l.level,
    planWeightPercent: plan?.levels[l.level] ?? 0,
    attainment: l.attainment,
    note: l.note,
    measures: l.measures.map((m) => ({
      measure: m.measure.replace(/_/g, ' '),
      kind: m.kind,
      actual: m.actual.kind === 'value' ? shown(m.actual.value) : `no data (${m.actual.reason})`,
      target: String(m.target),
      targetSource: m.targetSource,
      attainment: m.attainment,
      weightPercent: Math.round(m.weight * 100),
      contribution: Math.round(m.contribution * 10) / 10,
    })),
  }));
}

/**
 * The My objectives card (company sidebar): the viewer's own attainment, or for a manager a team
 * member's when asked (`subjectOwnerId`). Who may see what is decided here, from the HubSpot user
 * in the request context, not in the card. Individual and team levels are computed from their
 * books; department and company levels need the whole portal and are not computed on the card.
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
    const myRole = me ? roleOf(me, plans) : undefined;
    const visibility = canViewAttainment(me && person(me, myRole as Role), person(subject, roleOf(subject, plans)));
    if (!visibility.allowed) return { status: 'error', code: 'FORBIDDEN', message: `You cannot see these figures: ${visibility.reason}.` };

    const role = roleOf(subject, plans);
    const plan = plans.roles[role];
    if (!plan) return { status: 'empty', message: `No incentive plan is set for the ${role} role.` };
    const teammates = context.owners.filter((o) => o.teamIds.some((t) => subject.teamIds.includes(t)) && !plans.managers.includes(o.id));
    const teamBook = await readOwnerPortfolio(deps.gateway, context, deps.config.mapping, teammates.map((o) => o.id));
    const book = (ownerId: string) => teamBook.filter((c: Customer) => c.ownerId === ownerId);
    const team = { customers: teamBook, ownerIds: teammates.map((o) => o.id) };
    // Judged up to today: a month that has not happened yet is neither contacted nor missed.
    const result = objectiveAttainment({ plan, period: plans.period, asOf: now, goals: context.goalTargets, userId: subject.userId, scopes: { individual: role === 'cs_manager' ? undefined : { customers: book(subject.id), ownerIds: [subject.id] }, team } });
    const onCard = new Set(['individual', 'team']);
    const elapsed = (now.getTime() - plans.period.start.getTime()) / (plans.period.end.getTime() - plans.period.start.getTime());
    const account = teamBook.find((c) => c.id === parsed.data.recordId);
    return {
      status: 'ok',
      view: {
        viewer: { name: nameOf(subject), role: role.replace('_', ' ') },
        period: { start: plans.period.start.toISOString().slice(0, 10), end: plans.period.end.toISOString().slice(0, 10), elapsedPercent: Math.round(Math.min(1, Math.max(0, elapsed)) * 100) },
        overall: result.overall,
        variableSharePercent: plan.variableSharePercent,
        levels: levelViews(result, plan).filter((l) => onCard.has(l.level)),
        notOnCard: (['department', 'company'] as const).filter((l) => plan.levels[l] > 0).map((l) => `${l} (${plan.levels[l]} %)`),
        thisAccount: account
          ? { name: account.name ?? `Company ${account.id}`, inPortfolio: account.ownerId === subject.id, note: account.ownerId === subject.id ? 'This account is in your book: its retention, contacts and tickets count in your individual measures.' : 'This account belongs to a teammate: it counts in your team level.' }
          : undefined,
        team: myRole === 'cs_manager' && subjectOwnerId === undefined ? teammates.map((o) => ({ name: nameOf(o), overall: objectiveAttainment({ plan: plans.roles.csm ?? plan, period: plans.period, asOf: now, scopes: { individual: { customers: book(o.id), ownerIds: [o.id] } } }).overall })) : undefined,
      },
    };
  } catch (error) {
    return cardError(error);
  }
}
