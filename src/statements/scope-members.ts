import type { Plans } from '../domain/objectives/plan-schema';
import { DEPARTMENT_OF_ROLE, teammatesOf, type PersonInPlan } from './plan-people';

/** A shared scope's people: a team's, a department's, or everyone's (`everyone`: the company, which also holds the unowned). */
export interface ScopeMembers {
  name: string;
  ownerIds: readonly string[];
  everyone?: true;
}

export interface SharedScopeMembers {
  team: ScopeMembers;
  department: ScopeMembers;
  company: ScopeMembers;
}

/**
 * Who makes up each shared level of a person's statement: team = everyone sharing one of their
 * HubSpot teams (managers left out), named after the first person asked for it; department = their
 * role family ({@link DEPARTMENT_OF_ROLE}); company = everyone. One object per distinct scope, so
 * everyone in it is judged on the very same one, whether its books are lists or tallies.
 *
 * @example
 * sharedScopeMembers(people, plans)(person).team // => { name: 'CS East', ownerIds: ['101', '102'] }
 */
export function sharedScopeMembers(people: readonly PersonInPlan[], plans: Pick<Plans, 'managers'>): (person: PersonInPlan) => SharedScopeMembers {
  const owners = people.map((p) => p.owner);
  const company: ScopeMembers = { name: 'company', ownerIds: owners.map((o) => o.id), everyone: true };
  const teams = new Map<string, ScopeMembers>();
  const departments = new Map<string, ScopeMembers>();
  return ({ owner, role }) => {
    const teamKey = [...owner.teamIds].sort().join(',');
    let team = teams.get(teamKey);
    if (!team) {
      team = { name: (owner.teamNames ?? []).join(', ') || 'no HubSpot team', ownerIds: teammatesOf(owner, owners, plans).map((o) => o.id) };
      teams.set(teamKey, team);
    }
    const departmentName = DEPARTMENT_OF_ROLE[role];
    let department = departments.get(departmentName);
    if (!department) {
      department = { name: departmentName, ownerIds: people.filter((p) => DEPARTMENT_OF_ROLE[p.role] === departmentName).map((p) => p.owner.id) };
      departments.set(departmentName, department);
    }
    return { team, department, company };
  };
}
