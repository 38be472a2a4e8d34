import { z } from 'zod';

const recordId = z
  .union([z.string(), z.number()], { error: 'recordId is required (the HubSpot record id)' })
  .transform(String)
  .refine((id) => /^[1-9][0-9]{0,18}$/.test(id), { message: 'recordId must be a numeric HubSpot record id' });

const override = z.strictObject({
  score: z.coerce.number({ error: 'override.score must be a number from 0 to 100' }).min(0, 'override.score must be from 0 to 100').max(100, 'override.score must be from 0 to 100'),
  reason: z.string().trim().min(3, 'override.reason must say why (3 characters at least)').max(500),
  expiresAt: z.iso.datetime({ offset: true, error: 'override.expiresAt must be an ISO date-time' }).or(z.iso.date({ error: 'override.expiresAt must be a date' })),
});

/** What a card sends: the record it is on, and for the health card an optional override. */
export const cardRequestSchema = z.strictObject({
  recordId,
  objectType: z.enum(['companies', 'deals', '0-2', '0-3'], { error: 'objectType must be companies or deals' }).optional(),
  action: z.enum(['view', 'override', 'clear_override', 'create_followup_task', 'close_followup_loop'], { error: 'action must be view, override, clear_override, create_followup_task or close_followup_loop' }).default('view'),
  override: override.optional(),
});

export type CardRequest = z.infer<typeof cardRequestSchema>;

/** Who is looking at the card, from HubSpot's request context (never from the card's own body). */
export interface CardViewer {
  userId?: number;
  email?: string;
  portalId?: number;
  /**
   * The HubSpot owner that the signed `userId` and `userEmail` both name, set by the backend once
   * it has checked them ({@link matchViewer}). Whatever depends on who is looking (my objectives,
   * a rep's early-churn record, an override's author) trusts this field only.
   */
  ownerId?: string;
}

/** The owner fields the identity check reads. */
export interface OwnerIdentity {
  id: string;
  userId?: number;
  email?: string;
}

export type ViewerMatch = { ok: true; ownerId: string } | { ok: false; status: 401 | 403; reason: string };

/**
 * Checks that a signed `userId` and `userEmail` name one and the same HubSpot owner. Both are
 * required: either alone could name someone the other does not, and a request naming nobody is
 * not a viewer. Emails compare case-insensitively, as HubSpot treats them.
 *
 * @example
 * matchViewer([{ id: '101', userId: 7, email: 'ana@example.com' }], { userId: 7, email: 'Ana@example.com' })
 * // => { ok: true, ownerId: '101' }
 */
export function matchViewer(owners: readonly OwnerIdentity[], claim: { userId?: number; email?: string }): ViewerMatch {
  if (claim.userId === undefined && claim.email === undefined) return { ok: false, status: 401, reason: 'the request names no HubSpot user (hubspot.fetch appends userId and userEmail)' };
  if (claim.userId === undefined || claim.email === undefined) return { ok: false, status: 401, reason: `the request names no ${claim.userId === undefined ? 'userId' : 'userEmail'}; both are required` };
  const email = claim.email.toLowerCase();
  const byId = owners.filter((o) => o.userId === claim.userId);
  const byEmail = owners.filter((o) => o.email !== undefined && o.email.toLowerCase() === email);
  if (byId.length === 0 && byEmail.length === 0) return { ok: false, status: 403, reason: 'you are not a HubSpot owner in this portal' };
  const same = byId.filter((o) => byEmail.some((e) => e.id === o.id));
  if (same.length !== 1) return { ok: false, status: 403, reason: 'userId and userEmail do not name the same HubSpot owner' };
  return { ok: true, ownerId: same[0].id };
}

/** The first problem of a bad request in one line, naming the field. */
export const describeRequestProblem = (error: z.ZodError): string =>
  error.issues.map((issue) => (issue.message.includes(String(issue.path[0] ?? '')) || issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`)).join('; ');

/**
 * The owner a card handler treats as the viewer: the backend's checked `ownerId` when there is one.
 * Without it (local callers: the preview, tests) userId and email must agree when both are given.
 */
export function viewerOwner<T extends OwnerIdentity>(owners: readonly T[], viewer: CardViewer): T | undefined {
  if (viewer.ownerId !== undefined) return owners.find((o) => o.id === viewer.ownerId);
  if (viewer.userId !== undefined && viewer.email !== undefined) {
    const match = matchViewer(owners, viewer);
    return match.ok ? owners.find((o) => o.id === match.ownerId) : undefined;
  }
  return owners.find((o) => (viewer.userId !== undefined && o.userId === viewer.userId) || (viewer.email !== undefined && o.email === viewer.email));
}
