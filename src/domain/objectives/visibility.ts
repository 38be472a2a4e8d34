export interface Person {
  ownerId: string;
  role?: string;
  teamIds: readonly string[];
}

export type Visibility = { allowed: true } | { allowed: false; reason: string };

/**
 * Who may see whose attainment: a person their own; a manager the members of their teams; nobody a
 * peer's individual figures; an unknown viewer nothing. Enforced where the figures are served.
 *
 * @example
 * canViewAttainment({ ownerId: '101', role: 'csm', teamIds: ['11'] }, { ownerId: '102', teamIds: ['11'] })
 * // => { allowed: false, reason: "individual figures are visible to the person and their manager only" }
 */
export function canViewAttainment(viewer: Person | undefined, subject: Person): Visibility {
  if (!viewer) return { allowed: false, reason: 'you are not a HubSpot owner known to cs-health' };
  if (viewer.ownerId === subject.ownerId) return { allowed: true };
  const manages = viewer.role === 'cs_manager' && subject.teamIds.some((t) => viewer.teamIds.includes(t));
  return manages ? { allowed: true } : { allowed: false, reason: 'individual figures are visible to the person and their manager only' };
}
