import { z } from 'zod';
import { appFunction, recordIdParameter } from '../src/app/app-function-adapter';
import { customerHealthCard } from '../src/app/cards/customer-health-handler';

/**
 * App function behind the Customer health card (Enterprise builds): the company's health as
 * anyone sees it. Overrides are not taken here: their author is the viewer, which only the
 * backend learns (hubspot.fetch signs it), so the card sends them there.
 */
export const main = appFunction(
  customerHealthCard,
  z.strictObject({
    recordId: recordIdParameter,
    action: z.literal('view', { error: 'only "view" is served by the function; overrides go through the cs-health backend' }).optional(),
  }),
);
