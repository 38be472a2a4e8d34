import { z } from 'zod';
import { exceptionalEventSchema } from '../domain/objectives/fairness-declarations';
import { manualEntrySchema } from '../domain/objectives/measures/manual-entries';

/** The caller as the backend verified it from HubSpot's signature: a HubSpot user id and email. */
export const callerSchema = z.strictObject({
  userId: z.union([z.string().regex(/^\d+$/), z.number().int().positive()], { error: () => 'userId must be a HubSpot user id' }).transform(String),
  email: z.string().optional(),
});
export type Caller = z.input<typeof callerSchema>;

/**
 * PUT /settings: the whole new document (what `cs-health settings export` writes), and optionally
 * the version the admin edited, so two admins editing at once do not overwrite each other unseen.
 */
export const putSettingsSchema = z.strictObject({
  document: z.unknown().refine((d) => d !== undefined, 'document is required: { engine, plans?, admins }'),
  expectedVersion: z.number({ error: () => 'expectedVersion must be the version number you edited' }).int().min(0).optional(),
});

// Who declared it and when are the server's to set (the verified caller, the clock), never the body's.
export const exceptionalEventBodySchema = exceptionalEventSchema.omit({ declaredBy: true, declaredAt: true }).extend({
  ownerIds: z.array(z.string().min(1), { error: () => 'ownerIds must list the people whose results the event affects' }).min(1, 'ownerIds must name at least one person'),
});
// The domain's transition schema carries a refinement, which zod will not `omit` from: restated here.
export const transitionBodySchema = z
  .strictObject({
    ownerIds: z.array(z.string().min(1), { error: () => 'ownerIds must list people' }).min(1, 'ownerIds must name at least one person'),
    from: z.coerce.date({ error: () => 'from must be a date' }),
    to: z.coerce.date({ error: () => 'to must be a date' }),
    reason: z.string({ error: () => 'reason is required' }).min(3, 'reason is required'),
  })
  .refine((t) => t.to > t.from, { message: 'the transition must end after it starts', path: ['to'] });
export const manualCountBodySchema = manualEntrySchema.omit({ enteredBy: true, enteredAt: true });

export const entriesQuerySchema = z.strictObject({
  from: z.coerce.date({ error: () => 'from must be a date' }).optional(),
  to: z.coerce.date({ error: () => 'to must be a date' }).optional(),
});
