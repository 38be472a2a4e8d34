import { canViewAttainment, type Org, type Person } from '../../domain/objectives/visibility';

/** Whose customers a viewer's pages show, or why they show nothing. */
export type PageScope =
  | { allowed: true; kind: 'book' | 'team'; ownerIds: ReadonlySet<string>; includeUnassigned: boolean }
  | { allowed: false; code: 'unknown_viewer'; reason: string };

/**
 * The identity rule applied to the pages: a CSM sees their own book, a manager the books of the
 * people they manage (and the companies nobody owns, so those are not lost); never a peer's. The
 * rule is `canViewAttainment`, the one the cards use, so the pages cannot drift from it.
 */
export function pageScope(viewer: Person | undefined, org: Org): PageScope {
  const self = viewer && org.owners.find((o) => o.id === viewer.ownerId);
  if (!viewer || !self) return { allowed: false, code: 'unknown_viewer', reason: 'you are not a HubSpot owner known to cs-health, so no customer is shown' };
  const ownerIds = new Set<string>();
  for (const owner of org.owners) {
    if (canViewAttainment(viewer, { ownerId: owner.id, teamIds: owner.teamIds, role: owner.role }, org).allowed) ownerIds.add(owner.id);
  }
  const team = ownerIds.size > 1;
  return { allowed: true, kind: team ? 'team' : 'book', ownerIds, includeUnassigned: team };
}

/** Whether a company (by its owner) is inside the scope. */
export const inScope = (scope: Extract<PageScope, { allowed: true }>, ownerId: string | undefined): boolean =>
  ownerId === undefined ? scope.includeUnassigned : scope.ownerIds.has(ownerId);
