import type { Owner } from '../../domain/customer';
import type { Plans } from '../../domain/objectives/plan-schema';
import type { Org, Person } from '../../domain/objectives/visibility';
import type { PortalContext } from '../../hubspot';

/** A viewer the preview can switch to: the owners of the portal, managers first. */
export interface PreviewViewer {
  userId: number;
  name: string;
  role: string;
}

/** Who is looking and whom they may see, as the pages read it: no customer data, no I/O. */
export interface PageAudience {
  /** The owner behind the signed HubSpot user; undefined when they are not an owner. */
  viewer: Person | undefined;
  /** A cs-health admin (settings `admins`): a CS leader, who sees every company. */
  leader: boolean;
  org: Org;
  owners: { id: string; name: string }[];
  viewers: PreviewViewer[];
}

export const ownerName = (o: Owner) => [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;

/** The objectives role: configured managers first, then the owner's own role, else a CSM. */
const roleOf = (o: Owner, managers: readonly string[]) => (managers.includes(o.id) ? 'cs_manager' : o.role ?? 'csm');

/**
 * The viewer found by their HubSpot user id (as `hubspot.fetch` signs it) among the portal's
 * owners, the owners and their teams as the identity rules read them, and whether the viewer is
 * one of the settings' admins. Built from the portal context the backend caches, so it costs no
 * HubSpot call while the cache is warm.
 */
export function pageAudience(context: PortalContext, plans: Plans | undefined, userId: number | undefined, admins: readonly string[] = []): PageAudience {
  const managers = plans?.managers ?? [];
  const org: Org = { owners: context.owners.map((o) => ({ id: o.id, teamIds: o.teamIds, role: roleOf(o, managers) })) };
  const me = userId === undefined ? undefined : context.owners.find((o) => o.userId === userId);
  const viewer: Person | undefined = me && { ownerId: me.id, role: roleOf(me, managers), teamIds: me.teamIds };
  const viewers = context.owners
    .filter((o): o is Owner & { userId: number } => o.userId !== undefined)
    .map((o) => ({ userId: o.userId, name: ownerName(o), role: roleOf(o, managers) }))
    .sort((a, b) => Number(b.role === 'cs_manager') - Number(a.role === 'cs_manager') || a.name.localeCompare(b.name));
  return { viewer, leader: me !== undefined && admins.includes(String(userId)), org, owners: context.owners.map((o) => ({ id: o.id, name: ownerName(o) })), viewers };
}
