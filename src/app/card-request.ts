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
  action: z.enum(['view', 'override', 'clear_override']).default('view'),
  override: override.optional(),
});

export type CardRequest = z.infer<typeof cardRequestSchema>;

/** Who is looking at the card, from HubSpot's request context (never from the card's own body). */
export interface CardViewer {
  userId?: number;
  email?: string;
  portalId?: number;
}

/** The first problem of a bad request in one line, naming the field. */
export const describeRequestProblem = (error: z.ZodError): string =>
  error.issues.map((issue) => (issue.message.includes(String(issue.path[0] ?? '')) || issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`)).join('; ');
