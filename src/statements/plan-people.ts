import type { Owner } from '../domain/customer';
import { roleFor } from '../domain/objectives/role-assignment';
import type { Plans, Role } from '../domain/objectives/plan-schema';

/** Someone in the portal and the role whose plan they follow. */
export interface PersonInPlan {
  owner: Owner;
  role: Role;
}

/**
 * The role whose plan a person follows: the plans' assignments and managers first (`roleFor`),
 * then, as the My objectives card always did, their HubSpot team's name (an "Account ..." team
 * is account managers, a "Sales" team sales reps, any other team CSMs). The card and the sync's
 * statements use this one rule, so a person's live levels and statement follow the same plan.
 *
 * @example
 * planRole({ id: '501', teamIds: ['12'], teamNames: ['Sales'] }, plans) // => 'sales_rep'
 */
export function planRole(owner: Pick<Owner, 'id' | 'teamIds' | 'teamNames' | 'role'>, plans: Pick<Plans, 'assignments' | 'managers'>): Role {
  const assigned = roleFor(owner, plans);
  if (assigned) return assigned.role;
  const names = (owner.teamNames ?? []).join(' ');
  if (/account/i.test(names)) return 'am';
  if (/sales/i.test(names)) return 'sales_rep';
  return 'csm';
}

/**
 * The department a role belongs to, for the department level: the plans define no departments,
 * so a department is a role family. Customer Success holds CSMs, account managers and CS managers
 * (everyone who keeps customers after the sale); Sales holds the reps.
 */
export const DEPARTMENT_OF_ROLE: Readonly<Record<Role, string>> = { csm: 'Customer Success', am: 'Customer Success', cs_manager: 'Customer Success', sales_rep: 'Sales' };

/**
 * The people whose books make a person's team level: everyone sharing one of their HubSpot teams,
 * the plans' managers left out (a manager holds no portfolio; their team is the people they lead).
 *
 * @example
 * teammatesOf({ id: '100', teamIds: ['11'] }, owners, plans).map((o) => o.id) // => ['101', '102']
 */
export function teammatesOf<T extends Pick<Owner, 'id' | 'teamIds'>>(subject: Pick<Owner, 'teamIds'>, owners: readonly T[], plans: Pick<Plans, 'managers'>): T[] {
  return owners.filter((o) => o.teamIds.some((t) => subject.teamIds.includes(t)) && !plans.managers.includes(o.id));
}
