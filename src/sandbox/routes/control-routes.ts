import { randomUUID } from 'node:crypto';
import { clockBody, parseOrThrow, surveyAnswerBody } from '../http/request-schemas';
import { parseDateTime } from '../store/property-values';
import { SandboxError } from '../store/sandbox-error';
import type { RouteDefinition } from './route-definition';

/** The clock's range: the Unix epoch to the end of year 9999, what an ISO date string can hold. */
const CLOCK_MIN = 0;
const CLOCK_MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The sandbox's own namespace (`/_sandbox`), outside HubSpot's API: no token, no rate limits, no
 * faults, not counted in the stats.
 */
export const CONTROL_ROUTES: RouteDefinition[] = [
  {
    method: 'get',
    path: '/_sandbox/stats',
    kind: 'control.stats',
    summary: 'Request counts per endpoint kind and outcome, injected faults, object and association counts',
    handle(context) {
      const store = context.store;
      const objects: Record<string, number> = {};
      for (const type of ['companies', 'contacts', 'deals', 'tickets', 'line_items', 'feedback_submissions', 'goal_targets', 'calls', 'emails', 'meetings'] as const) {
        objects[type] = store.table(type).size;
      }
      return { body: { requests: store.stats.snapshot(), objects, associations: store.associationCount, owners: store.listOwners().length } };
    },
  },
  {
    method: 'post',
    path: '/_sandbox/reset',
    kind: 'control.reset',
    summary: 'Back to the seeded portal; clears the stats and rate-limit counters',
    handle(context) {
      context.store.reset();
      return { body: { status: 'reset' } };
    },
  },
  {
    method: 'post',
    path: '/_sandbox/clock',
    kind: 'control.clock',
    summary: 'Set "now" for writes (`{"now": ISO or ms}`), or `{"now": null}` to follow the wall clock',
    handle(context) {
      const body = parseOrThrow(clockBody, context.req.body);
      const now = body.now === null ? undefined : parseDateTime(String(body.now));
      if (body.now !== null && now === undefined) {
        throw new SandboxError('VALIDATION_ERROR', 'now must be an ISO date or ms since epoch.', [{ message: 'not a date', in: 'now' }]);
      }
      // A clock outside what a Date can print would make every later write fail (toISOString throws).
      if (now !== undefined && !(now >= CLOCK_MIN && now <= CLOCK_MAX)) {
        throw new SandboxError('VALIDATION_ERROR', `now must be between ${new Date(CLOCK_MIN).toISOString()} and ${new Date(CLOCK_MAX).toISOString()}.`, [{ message: 'out of range', in: 'now' }]);
      }
      context.store.setClock(now);
      return { body: { now: new Date(context.store.now()).toISOString(), frozen: now !== undefined } };
    },
  },
  {
    method: 'post',
    path: '/_sandbox/survey-answers',
    kind: 'control.surveyAnswer',
    summary: 'A survey is answered: records the feedback submission with its contact (and ticket) and answers the `object.creation` webhook event HubSpot posts (HubSpot\'s API cannot create answers)',
    handle(context) {
      const { store } = context;
      const body = parseOrThrow(surveyAnswerBody, context.req.body);
      const links = [['contacts', 'contactId', body.contactId], ['tickets', 'ticketId', body.ticketId]] as const;
      // Checked before the answer is stored: a missing contact must not leave an answer behind.
      for (const [type, field, id] of links) {
        if (id && !store.table(type).get(id)) throw new SandboxError('OBJECT_NOT_FOUND', `No ${type} with id ${id}.`, [{ message: `${type} ${id} does not exist`, in: field }]);
      }
      const defaults = { hs_submission_timestamp: new Date(store.now()).toISOString(), ...(body.contactId ? { hs_contact_id: body.contactId } : {}) };
      const [values] = store.validateWrites('feedback_submissions', [{ ...defaults, ...body.properties }], 'properties');
      const answer = store.createObject('feedback_submissions', values ?? {});
      for (const [type, , id] of links) if (id) store.associateExisting(type, id, 'feedback_submissions', answer.id);
      const event = {
        eventId: randomUUID(),
        subscriptionType: 'object.creation',
        objectTypeId: '0-19',
        objectId: Number(answer.id),
        occurredAt: answer.createdAt,
        attemptNumber: 0,
        changeSource: 'FORM',
        ...(body.portalId ? { portalId: body.portalId } : {}),
      };
      return { status: 201, body: { id: answer.id, event } };
    },
  },
  {
    method: 'get',
    path: '/_sandbox/endpoints',
    kind: 'control.endpoints',
    summary: 'The implemented endpoints, generated from the route table',
    async handle() {
      const { listEndpoints } = await import('./route-table');
      return { body: { results: listEndpoints() } };
    },
  },
];
