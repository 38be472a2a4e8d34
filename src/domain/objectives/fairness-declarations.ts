import { z } from 'zod';

const date = (field: string) => z.coerce.date({ error: () => `${field} must be a date` });
const who = (field: string) => z.string({ error: () => `${field} is required` }).min(1, `${field} is required: who declared it`);

/**
 * An exceptional event a manager declares (a market shock, a customer's insolvency): the accounts it
 * hit leave the individual results of whoever holds them, never the team's or the company's; the
 * reason and author are shown with the result.
 */
export const exceptionalEventSchema = z.strictObject({
  accountIds: z.array(z.string().min(1)).min(1, 'accountIds must name at least one account'),
  reason: z.string({ error: () => 'reason is required' }).min(3, 'reason is required: say what happened'),
  declaredBy: who('declaredBy'),
  declaredAt: date('declaredAt'),
});

/**
 * A declared portfolio transition: while portfolios are rebuilt, the named people's individual
 * objectives mirror their team's for the days of the window.
 */
export const transitionWindowSchema = z
  .strictObject({
    ownerIds: z.array(z.string().min(1)).min(1, 'ownerIds must name at least one person'),
    from: date('from'),
    to: date('to'),
    reason: z.string({ error: () => 'reason is required' }).min(3, 'reason is required'),
    declaredBy: who('declaredBy'),
    declaredAt: date('declaredAt'),
  })
  .refine((t) => t.to > t.from, { message: 'the transition must end after it starts', path: ['to'] });

export type ExceptionalEvent = z.infer<typeof exceptionalEventSchema>;
export type TransitionWindow = z.infer<typeof transitionWindowSchema>;
