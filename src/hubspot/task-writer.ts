import { z } from 'zod';
import { HubSpotError, HubSpotErrorCode } from './hubspot-error';
import type { HubSpotGateway } from './hubspot-gateway';

/** HubSpot's default association type from a task to a company (HUBSPOT_DEFINED 192). */
const TASK_TO_COMPANY = 192;
export const FOLLOW_UP_SUBJECT = 'Detractor follow-up: call the customer';

export const followUpTaskInputSchema = z.object({
  companyId: z.string({ error: 'companyId: expected the company record id' }).regex(/^\d+$/, 'companyId: expected a numeric HubSpot record id'),
  companyName: z.string().optional(),
  /** The company owner: the person the task is for. */
  ownerId: z.string({ error: 'ownerId: the company has no owner to assign the follow-up to' }).regex(/^\d+$/, 'ownerId: expected a numeric HubSpot owner id'),
  /** `cs_detractor_followup_due`: when the 48 h are up. */
  due: z.date({ error: 'cs_detractor_followup_due: empty, so no detractor follow-up is open' }).refine((d) => !Number.isNaN(d.getTime()), 'cs_detractor_followup_due: not a valid date'),
  /** Why: the detractor's answer, for the task body. */
  detail: z.string().max(2000).optional(),
});
export type FollowUpTaskInput = z.input<typeof followUpTaskInputSchema>;

const taskSchema = z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable().optional()) });
const searchSchema = z.object({ results: z.array(taskSchema) });

export class TaskInputError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'TaskInputError';
  }
}

function parseInput(input: FollowUpTaskInput) {
  const parsed = followUpTaskInputSchema.safeParse(input);
  if (!parsed.success) throw new TaskInputError(parsed.error.issues.map((i) => i.message));
  return parsed.data;
}

/** The company's follow-up tasks not yet completed (the same subject, associated with the company). */
async function openFollowUps(gateway: HubSpotGateway, companyId: string) {
  const body = {
    filterGroups: [{ filters: [
      { propertyName: 'associations.company', operator: 'EQ', value: companyId },
      { propertyName: 'hs_task_subject', operator: 'EQ', value: FOLLOW_UP_SUBJECT },
      { propertyName: 'hs_task_status', operator: 'NEQ', value: 'COMPLETED' },
    ] }],
    properties: ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'hubspot_owner_id'],
    limit: 100,
  };
  const answer = await gateway.call('tasks.search', (client) => client.crm.objects.tasks.searchApi.doSearch(body as never));
  return searchSchema.parse(answer).results;
}

/**
 * Creates the detractor follow-up as a HubSpot task (tasks API): assigned to the company owner,
 * due at `cs_detractor_followup_due`, associated with the company, high priority, type call. When
 * an open follow-up task already exists for the company it is returned instead, so a double click
 * or a retried request never makes two.
 *
 * @example
 * await createFollowUpTask(gateway, { companyId: '101', ownerId: '70101', due: new Date('2026-11-23T09:00:00Z') })
 * // => { created: true, taskId: '1', due: '2026-11-23T09:00:00.000Z' }
 */
export async function createFollowUpTask(gateway: HubSpotGateway, input: FollowUpTaskInput): Promise<{ created: boolean; taskId: string; due: string }> {
  const task = parseInput(input);
  const existing = await openFollowUps(gateway, task.companyId);
  if (existing.length) return { created: false, taskId: existing[0].id, due: existing[0].properties.hs_timestamp ?? task.due.toISOString() };
  const created = taskSchema.parse(
    await gateway.call('tasks.create', (client) =>
      client.crm.objects.tasks.basicApi.create({
        properties: {
          hs_timestamp: task.due.toISOString(),
          hs_task_subject: FOLLOW_UP_SUBJECT,
          hs_task_body: [`A contact of ${task.companyName ?? `company ${task.companyId}`} answered as a detractor. Call within 48 hours of the answer.`, task.detail].filter(Boolean).join('\n'),
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'HIGH',
          hs_task_type: 'CALL',
          hubspot_owner_id: task.ownerId,
        },
        associations: [{ to: { id: task.companyId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: TASK_TO_COMPANY }] }],
      }),
    ),
  );
  return { created: true, taskId: created.id, due: task.due.toISOString() };
}

/**
 * Marks the loop closed: completes the company's open follow-up tasks. Says how many it closed; 0
 * when none was open (nothing is written then).
 *
 * @example
 * await closeFollowUpLoop(gateway, '101') // => { closed: 1, taskIds: ['1'] }
 */
export async function closeFollowUpLoop(gateway: HubSpotGateway, companyId: string): Promise<{ closed: number; taskIds: string[] }> {
  if (!/^\d+$/.test(companyId)) throw new TaskInputError(['companyId: expected a numeric HubSpot record id']);
  const open = await openFollowUps(gateway, companyId);
  if (!open.length) return { closed: 0, taskIds: [] };
  const inputs = open.map((t) => ({ id: t.id, properties: { hs_task_status: 'COMPLETED' } }));
  const answer = z.object({ results: z.array(z.object({ id: z.string() })) }).parse(await gateway.call('tasks.batchUpdate', (client) => client.crm.objects.tasks.batchApi.update({ inputs })));
  const done = answer.results.map((r) => r.id);
  const missing = open.map((t) => t.id).filter((id) => !done.includes(id));
  if (missing.length) throw new HubSpotError(HubSpotErrorCode.Unexpected, `HubSpot did not complete follow-up tasks ${missing.join(', ')}`, { kind: 'tasks.batchUpdate' });
  return { closed: done.length, taskIds: done };
}
