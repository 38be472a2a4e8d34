/** A person as the privacy rule sees them: their owner id, plan role and HubSpot teams. */
export interface Person {
  ownerId: string;
  role?: string;
  teamIds: readonly string[];
}

/** The people cs-health knows and, optionally, who manages which team. */
export interface Org {
  owners: readonly { id: string; teamIds: readonly string[]; role?: string }[];
  /** Team id -> owner ids of its managers. Without it, a cs_manager manages the teams they are in. */
  managersByTeam?: Readonly<Record<string, readonly string[]>>;
}

export type Visibility =
  | { allowed: true; as: 'self' | 'manager' }
  | { allowed: false; code: 'unknown_viewer' | 'unknown_subject' | 'peer' | 'outside_team'; reason: string };

const PEER = 'individual figures are visible to the person and their manager only';

function manages(viewer: Person, subject: Person, subjectRole: string | undefined, org: Org | undefined): boolean {
  const declared = org?.managersByTeam;
  if (declared) return subject.teamIds.some((t) => declared[t]?.includes(viewer.ownerId) ?? false) && viewer.ownerId !== subject.ownerId;
  // A manager's fellow manager is a peer, even in the same team.
  return viewer.role === 'cs_manager' && subjectRole !== 'cs_manager' && subject.teamIds.some((t) => viewer.teamIds.includes(t));
}

/**
 * Who may see whose attainment: a person their own; a manager the members of the teams they
 * manage; nobody a peer's individual figures; an unknown viewer nothing. The functions serving the
 * cards call this with the HubSpot user of the request, so hiding is not left to the UI.
 *
 * @example
 * canViewAttainment({ ownerId: '102', role: 'csm', teamIds: ['11'] }, { ownerId: '101', teamIds: ['11'] }, org)
 * // => { allowed: false, code: 'peer', reason: 'individual figures are visible to the person and their manager only' }
 */
export function canViewAttainment(viewer: Person | undefined, subject: Person, org?: Org): Visibility {
  const known = (id: string) => org === undefined || org.owners.some((o) => o.id === id);
  if (!viewer || !known(viewer.ownerId)) return { allowed: false, code: 'unknown_viewer', reason: 'you are not a HubSpot owner known to cs-health' };
  if (!known(subject.ownerId)) return { allowed: false, code: 'unknown_subject', reason: 'that person is not a HubSpot owner known to cs-health' };
  if (viewer.ownerId === subject.ownerId) return { allowed: true, as: 'self' };
  const subjectRole = subject.role ?? org?.owners.find((o) => o.id === subject.ownerId)?.role;
  if (manages(viewer, subject, subjectRole, org)) return { allowed: true, as: 'manager' };
  const sharesTeam = subject.teamIds.some((t) => viewer.teamIds.includes(t));
  return sharesTeam ? { allowed: false, code: 'peer', reason: PEER } : { allowed: false, code: 'outside_team', reason: `${PEER}; this person is not in a team you manage` };
}

/**
 * The subject's attainment if the viewer may see it, computed only then; otherwise the refusal and
 * nothing else (no figure, not even the overall).
 *
 * @example
 * attainmentFor(viewer, subject, org, () => objectiveAttainment(input)) // => { allowed: true, as: 'self', attainment: { overall: 96.4, ... } }
 */
export function attainmentFor<T>(viewer: Person | undefined, subject: Person, org: Org | undefined, compute: () => T): ({ allowed: true; as: 'self' | 'manager'; attainment: T }) | Extract<Visibility, { allowed: false }> {
  const visibility = canViewAttainment(viewer, subject, org);
  return visibility.allowed ? { ...visibility, attainment: compute() } : visibility;
}

/**
 * Of many people's attainments (a team list), only those the viewer may see; the others are
 * counted, not named with figures.
 *
 * @example
 * visibleAttainments(manager, team.map((p) => ({ person: p, compute: () => objectiveAttainment(inputFor(p)) })), org)
 * // => { visible: [{ ownerId: '101', as: 'manager', attainment: ... }], hidden: 0 }
 */
export function visibleAttainments<T>(viewer: Person | undefined, subjects: readonly { person: Person; compute: () => T }[], org: Org | undefined): { visible: { ownerId: string; as: 'self' | 'manager'; attainment: T }[]; hidden: number } {
  const visible: { ownerId: string; as: 'self' | 'manager'; attainment: T }[] = [];
  let hidden = 0;
  for (const s of subjects) {
    const r = attainmentFor(viewer, s.person, org, s.compute);
    if (r.allowed) visible.push({ ownerId: s.person.ownerId, as: r.as, attainment: r.attainment });
    else hidden += 1;
  }
  return { visible, hidden };
}
