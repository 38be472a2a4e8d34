import type { Owner } from '../domain/customer';
import { loadPlans } from '../domain/objectives/load-plans';
import type { Plans } from '../domain/objectives/plan-schema';
import { roleFor } from '../domain/objectives/role-assignment';
import { canViewAttainment, type Org, type Person } from '../domain/objectives/visibility';
import type { SettingsVersion } from '../store/store';
import { SettingsApiError } from './settings-api-error';

const NO_PLANS: Pick<Plans, 'assignments' | 'managers'> = { assignments: { owners: {}, teams: {} }, managers: [] };

/** The HubSpot owner behind a verified caller: by user id, else by email. */
export function ownerOfCaller(caller: { userId: string; email?: string }, owners: readonly Owner[]): Owner | undefined {
  const email = caller.email?.toLowerCase();
  return owners.find((o) => o.userId !== undefined && String(o.userId) === caller.userId) ?? (email ? owners.find((o) => o.email?.toLowerCase() === email) : undefined);
}

/** Refuses unless the caller's user id is in the current settings' `admins`. */
export function requireAdmin(caller: { userId: string }, current: SettingsVersion | undefined, action = 'change the settings'): void {
  const admins = current?.document.admins ?? [];
  if (admins.length === 0) throw new SettingsApiError('FORBIDDEN', 'no admin is set yet: an operator names them first with `cs-health settings import FILE` (an `admins` list of HubSpot user ids)');
  if (!admins.includes(caller.userId)) throw new SettingsApiError('FORBIDDEN', `only a cs-health admin can ${action}`);
}

/**
 * Refuses unless the caller manages every one of these people, by the same rule that decides who
 * sees whose attainment (`visibility.ts`): roles from the current plans, teams from HubSpot.
 */
export function requireManagerOf(caller: { userId: string; email?: string }, ownerIds: readonly string[], owners: readonly Owner[], current: SettingsVersion | undefined): Owner {
  const plans = current?.document.plans ? loadPlans(current.document.plans) : NO_PLANS;
  const role = (o: Owner) => roleFor(o, plans)?.role;
  const me = ownerOfCaller(caller, owners);
  if (!me) throw new SettingsApiError('FORBIDDEN', 'you are not a HubSpot owner known to cs-health, so you manage nobody here');
  const org: Org = { owners: owners.map((o) => ({ id: o.id, teamIds: o.teamIds, role: role(o) })) };
  const viewer: Person = { ownerId: me.id, role: role(me), teamIds: me.teamIds };
  for (const ownerId of ownerIds) {
    const subject = owners.find((o) => o.id === ownerId);
    if (!subject) throw new SettingsApiError('BAD_REQUEST', `owner ${ownerId} is not a HubSpot owner`, [{ path: 'ownerIds', message: `${ownerId} is not a HubSpot owner` }]);
    const seen = canViewAttainment(viewer, { ownerId, role: role(subject), teamIds: subject.teamIds }, org);
    if (!seen.allowed || seen.as !== 'manager') {
      throw new SettingsApiError('FORBIDDEN', seen.allowed ? 'only your manager can declare entries for you' : `only ${ownerId}'s manager can declare entries for them`);
    }
  }
  return me;
}
