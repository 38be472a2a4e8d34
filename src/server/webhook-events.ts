import { z } from 'zod';

/** A HubSpot record id: digits only, as HubSpot sends them (number or string). */
export const hubSpotId = (field: string) =>
  z
    .union([z.number(), z.string()], { error: `${field} must be a numeric HubSpot id` })
    .transform(String)
    .refine((id) => /^[1-9]\d{0,18}$/.test(id), { message: `${field} must be a numeric HubSpot id` });

const objectTypeId = z.string().max(20).optional();

/**
 * One webhook event as HubSpot posts them (a JSON array of these). Property and creation events
 * carry `objectId` (+ `objectTypeId` on the `object.*` subscriptions); association changes carry
 * `fromObjectId`/`toObjectId` with their type ids instead. Other fields HubSpot adds
 * (`subscriptionId`, `appId`, `attemptNumber`, `changeSource`, ...) are kept, not needed.
 */
export const webhookEventSchema = z.looseObject({
  eventId: z.union([z.number(), z.string().min(1).max(64)], { error: 'eventId must be a number or a string' }).transform(String),
  subscriptionType: z.string({ error: 'subscriptionType must be a string such as object.propertyChange' }).min(1).max(100),
  portalId: hubSpotId('portalId').transform(Number).optional(),
  occurredAt: z.number({ error: 'occurredAt must be a millisecond timestamp' }).optional(),
  objectId: hubSpotId('objectId').optional(),
  objectTypeId,
  propertyName: z.string().max(200).optional(),
  fromObjectId: hubSpotId('fromObjectId').optional(),
  toObjectId: hubSpotId('toObjectId').optional(),
  fromObjectTypeId: objectTypeId,
  toObjectTypeId: objectTypeId,
  associationType: z.string().max(100).optional(),
});

/** HubSpot sends at most 100 events per request; 1,000 leaves room without letting a body grow unbounded. */
export const webhookBatchSchema = z.array(webhookEventSchema, { error: 'the body must be a JSON array of webhook events' }).max(1000, 'at most 1000 events per request');

export type WebhookEvent = z.infer<typeof webhookEventSchema>;
export type ChangedObjectType = 'companies' | 'deals' | 'tickets' | 'contacts' | 'feedback_submissions';
export interface ChangedObject {
  type: ChangedObjectType;
  id: string;
}

// Maps, not object literals: a signed event naming `constructor` or `__proto__` must find nothing,
// not a function inherited from Object.prototype that then stays pending forever.
// A survey answer (feedback submission, 0-19) moves NPS/CSAT like a ticket moves support load.
const TYPE_IDS = new Map<string, ChangedObjectType>([['0-1', 'contacts'], ['0-2', 'companies'], ['0-3', 'deals'], ['0-5', 'tickets'], ['0-19', 'feedback_submissions']]);
const NAMES = new Map<string, ChangedObjectType>([['contact', 'contacts'], ['company', 'companies'], ['deal', 'deals'], ['ticket', 'tickets'], ['feedback_submission', 'feedback_submissions']]);

const typeOf = (typeId: string | undefined, name: string | undefined): ChangedObjectType | undefined =>
  (typeId ? TYPE_IDS.get(typeId) : undefined) ?? (name ? NAMES.get(name.toLowerCase()) : undefined);

/**
 * The CRM records an event says changed: the object of a property/creation event, or both ends of
 * an association change (so a deal moved away from a company still recomputes that company).
 * A new survey answer (`object.creation` of type 0-19) names the answer. Types we do not score
 * (line items, custom objects) give nothing.
 *
 * @example
 * changedObjects({ eventId: '1', subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: '42' })
 * // => [{ type: 'deals', id: '42' }]
 */
export function changedObjects(event: WebhookEvent): ChangedObject[] {
  const [prefix] = event.subscriptionType.split('.');
  if (event.fromObjectId && event.toObjectId) {
    // associationType reads like CONTACT_TO_COMPANY when the type ids are absent (legacy subscriptions).
    const [fromName, toName] = (event.associationType ?? '').split('_TO_');
    const ends: ChangedObject[] = [];
    const from = typeOf(event.fromObjectTypeId, fromName ?? prefix);
    const to = typeOf(event.toObjectTypeId, toName);
    if (from) ends.push({ type: from, id: event.fromObjectId });
    if (to) ends.push({ type: to, id: event.toObjectId });
    return ends;
  }
  const type = typeOf(event.objectTypeId, prefix === 'object' ? undefined : prefix);
  return type && event.objectId ? [{ type, id: event.objectId }] : [];
}
