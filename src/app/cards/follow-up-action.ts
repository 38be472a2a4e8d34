import type { Customer } from '../../domain/customer';
import type { HubSpotGateway } from '../../hubspot';
import { closeFollowUpLoop, createFollowUpTask, TaskInputError } from '../../hubspot/task-writer';
import type { CardViewer } from '../card-request';
import type { FollowUpTask } from './follow-up-tasks';
import type { FollowUpOutcome } from './health-card-extras';

export type FollowUpActionName = 'create_followup_task' | 'close_followup_loop';

/** The viewer as the task body names them: the author of the task (HubSpot records the app as creator). */
const authorOf = (viewer: CardViewer) => viewer.email ?? (viewer.userId !== undefined ? `HubSpot user ${viewer.userId}` : `owner ${viewer.ownerId}`);

/**
 * Runs a follow-up button: creates the detractor follow-up task (owner = the company owner, due =
 * the follow-up due the sync writes to `cs_detractor_followup_due`; `createFollowUpTask` returns the
 * open one instead of making a second) or completes the open one. Returns what to say and the
 * tasks as they now are, so the card's answer needs no further read. Input HubSpot would refuse
 * (no owner, no due) comes back as an outcome naming the field, nothing written.
 */
export async function runFollowUpAction(
  gateway: HubSpotGateway,
  action: FollowUpActionName,
  customer: Customer,
  due: Date | undefined,
  viewer: CardViewer,
): Promise<{ outcome: FollowUpOutcome; tasks: FollowUpTask[] }> {
  try {
    if (action === 'create_followup_task') {
      const detail = `Created from the cs-health Customer health card by ${authorOf(viewer)}.`;
      const result = await createFollowUpTask(gateway, { companyId: customer.id, companyName: customer.name, ownerId: customer.ownerId as string, due: due as Date, detail });
      const message = result.created ? `Follow-up task ${result.taskId} created, due ${result.due.slice(0, 16).replace('T', ' ')} UTC.` : `Follow-up task ${result.taskId} was already open: no second task was made.`;
      return { outcome: { status: 'done', message }, tasks: [{ id: result.taskId, completed: false, due: result.due }] };
    }
    const result = await closeFollowUpLoop(gateway, customer.id);
    if (result.closed === 0) return { outcome: { status: 'error', message: 'No open follow-up task to complete: create the task first, or it was already completed.' }, tasks: [] };
    const message = `Loop closed: ${result.closed === 1 ? `task ${result.taskIds[0]}` : `tasks ${result.taskIds.join(', ')}`} completed.`;
    return { outcome: { status: 'done', message }, tasks: result.taskIds.map((id) => ({ id, completed: true, ...(due ? { due: due.toISOString() } : {}) })) };
  } catch (error) {
    if (error instanceof TaskInputError) return { outcome: { status: 'error', message: error.message }, tasks: [] };
    throw error;
  }
}
