import { z } from 'zod';
import { hubSpotId } from './webhook-events';

/**
 * Who is looking at a card. hubspot.fetch appends `userId`, `userEmail`, `portalId` and `appId` to
 * the query string of every request; they are covered by the v3 signature (it signs the full
 * URI), so once the signature holds they can be trusted, unlike anything in the body.
 */
export const callerQuerySchema = z.looseObject({
  userId: hubSpotId('userId').transform(Number).optional(),
  userEmail: z.email({ error: 'userEmail must be a single email address' }).max(254, 'userEmail is too long').optional(),
  portalId: hubSpotId('portalId').transform(Number).optional(),
  appId: hubSpotId('appId').transform(Number).optional(),
});

export interface CardCaller {
  userId?: number;
  email?: string;
  portalId?: number;
  appId?: number;
  /** The owner both `userId` and `userEmail` name, once the backend has checked them. */
  ownerId?: string;
}

/** The query keys hubspot.fetch appends; each may appear once, and a card body may name none of them. */
export const VIEWER_QUERY_KEYS = ['userId', 'userEmail', 'portalId', 'appId'] as const;

/** Body fields that would name a viewer: the viewer comes from HubSpot's signed query only, so a body naming one is refused. */
export const VIEWER_BODY_KEYS = ['userId', 'userEmail', 'email', 'user', 'viewer', 'ownerId', 'portalId', 'appId', 'hs_user_id'] as const;

/**
 * What every card request must carry before a handler sees it: a JSON object with the numeric id
 * of the record the card sits on. The handler validates its own fields (action, override) on top.
 */
export const cardBodySchema = z.looseObject(
  {
    recordId: z
      .union([z.string(), z.number()], { error: 'recordId is required (the HubSpot record id)' })
      .transform(String)
      .refine((id) => /^[1-9]\d{0,18}$/.test(id), { message: 'recordId must be a numeric HubSpot record id' }),
  },
  { error: 'the body must be a JSON object with the recordId of the record the card is on' },
);

/** Card names are path segments we chose (`customer-health`); anything else is not a card. */
export const CARD_NAME = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The body HubSpot posts to a custom workflow action's actionUrl: the enrolled record in `object`,
 * the portal in `origin`, the values configured in the action in `inputFields`.
 */
export const workflowActionSchema = z.looseObject(
  {
    callbackId: z.string({ error: 'callbackId is required (HubSpot sends one per execution)' }).min(1, 'callbackId must not be empty').max(200),
    origin: z.looseObject(
      {
        portalId: hubSpotId('origin.portalId').transform(Number),
        actionDefinitionId: z.union([z.number(), z.string()]).optional(),
        actionDefinitionVersion: z.union([z.number(), z.string()]).optional(),
      },
      { error: 'origin is required (HubSpot sends the portal the workflow runs in)' },
    ),
    context: z.looseObject({ source: z.string().max(100).optional(), workflowId: z.union([z.number(), z.string()]).optional() }).optional(),
    object: z.looseObject(
      {
        objectId: hubSpotId('object.objectId'),
        objectType: z.string({ error: 'object.objectType is required' }).max(50),
      },
      { error: 'object is required (the record the workflow runs on)' },
    ),
    inputFields: z.record(z.string(), z.unknown(), { error: 'inputFields must be an object' }).optional(),
  },
  { error: 'the body must be a JSON object (a HubSpot workflow action request)' },
);

export type WorkflowActionRequest = z.infer<typeof workflowActionSchema>;

/** The action is defined on companies only; HubSpot names the type COMPANY (or by its id 0-2). */
export const isCompanyType = (objectType: string): boolean => /^(company|companies|0-2)$/i.test(objectType);

/** What the workflow action answers; workflows branch on these output fields. */
export const healthOutputFieldsSchema = z.looseObject({
  score: z.number(),
  band: z.string(),
  churn_risk: z.string(),
});

/**
 * HubSpot's execution states for a custom workflow action's answer (`outputFields.hs_execution_state`):
 * SUCCESS continues; FAIL_CONTINUE records a failure in the workflow history and continues.
 */
export const EXECUTION_STATE = { success: 'SUCCESS', failContinue: 'FAIL_CONTINUE' } as const;

export type HealthOutputFields = z.infer<typeof healthOutputFieldsSchema>;
