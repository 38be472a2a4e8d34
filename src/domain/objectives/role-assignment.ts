import type { Owner } from '../customer';
import type { PlanPeriod } from './plan-period';
import { ROLES, type Plans, type Role, type RolePlan } from './plan-schema';

export interface RoleFor {
  role: Role;
  /** Why this role: the owner is named in the plan, one of their teams is, or the owner record says so. */
  source: 'owner' | 'team' | 'owner record';
  teamId?: string;
}

const isRole = (r: string | undefined): r is Role => (ROLES as readonly string[]).includes(r ?? '');

/**
 * The role whose plan an owner follows: the plan's owner mapping (and its list of managers) first,
 * then the first of the owner's teams the plan maps, then the role on the owner record; undefined
 * when none applies.
 *
 * @example
 * roleFor({ id: '101', teamIds: ['t-cs'] }, { assignments: { owners: {}, teams: { 't-cs': 'csm' } }, managers: [] }) // => { role: 'csm', source: 'team', teamId: 't-cs' }
 */
export function roleFor(owner: Pick<Owner, 'id' | 'teamIds' | 'role'>, plans: Pick<Plans, 'assignments' | 'managers'>): RoleFor | undefined {
  const { assignments } = plans;
  const byOwner = assignments.owners[owner.id] ?? (plans.managers.includes(owner.id) ? 'cs_manager' : undefined);
  if (byOwner) return { role: byOwner, source: 'owner' };
  for (const teamId of owner.teamIds) {
    const byTeam = assignments.teams[teamId];
    if (byTeam) return { role: byTeam, source: 'team', teamId };
  }
  return isRole(owner.role) ? { role: owner.role, source: 'owner record' } : undefined;
}

/**
 * The plan a role follows, with the plans' period when the role has none of its own.
 *
 * @example
 * planFor(plans, 'csm').split // => { lead: 75, lag: 25 }
 */
export function planFor(plans: Plans, role: Role): RolePlan & { period: PlanPeriod } {
  const plan = plans.roles[role];
  return { ...plan, period: plan.period ?? plans.period };
}
