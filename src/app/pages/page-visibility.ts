import { canViewAttainment, type Org, type Person } from '../../domain/objectives/visibility';

/**
 * Whose customers a viewer's pages show, or why they show nothing. `ownerIds` are the people whose
 * attainment the viewer may see; `allCompanies` (a CS leader) widens the companies, never that list.
 */
export type PageScope =
  | { allowed: true; kind: 'book' | 'team' | 'all'; ownerIds: ReadonlySet<string>; includeUnassigned: boolean; allCompanies: boolean }
  | { allowed: false; code: 'unknown_viewer'; reason: string };

export type AllowedScope = Extract<PageScope, { allowed: true }>;

/**
 * The identity rule applied to the pages: a CSM sees their own book, a manager the books of the
 * people they manage (and the companies nobody owns, so those are not lost); never a peer's. A CS
 * leader (a cs-health admin) sees every company, but attainment still only as the rule allows. The
 * rule is `canViewAttainment`, the one the cards use, so the pages cannot drift from it.
 */
export function pageScope(viewer: Person | undefined, org: Org, leader = false): PageScope {
  const self = viewer && org.owners.find((o) => o.id === viewer.ownerId);
  if (!viewer || !self) return { allowed: false, code: 'unknown_viewer', reason: 'you are not a HubSpot owner known to cs-health, so no customer is shown' };
  const ownerIds = new Set<string>();
  for (const owner of org.owners) {
    if (canViewAttainment(viewer, { ownerId: owner.id, teamIds: owner.teamIds, role: owner.role }, org).allowed) ownerIds.add(owner.id);
  }
  const team = ownerIds.size > 1;
  return { allowed: true, kind: leader ? 'all' : team ? 'team' : 'book', ownerIds, includeUnassigned: leader || team, allCompanies: leader };
}

/** Whether a company (by its owner) is inside the scope. */
export const inScope = (scope: AllowedScope, ownerId: string | undefined): boolean =>
  scope.allCompanies || (ownerId === undefined ? scope.includeUnassigned : scope.ownerIds.has(ownerId));

/** The same scope as a store filter: no filter for a leader, else the owners (and the unowned for a team). */
export const scopeFilter = (scope: AllowedScope): { ownerIds?: readonly string[]; includeUnowned?: boolean } =>
  scope.allCompanies ? {} : { ownerIds: [...scope.ownerIds], includeUnowned: scope.includeUnassigned };
