import { z } from 'zod';
import type { HubSpotGateway } from '../../hubspot';
import { FOLLOW_UP_SUBJECT } from '../../hubspot/task-writer';

/** One detractor follow-up task of a company, as the card needs it. */
export interface FollowUpTask {
  id: string;
  completed: boolean;
  /** `hs_timestamp`: the due the task was created for (ISO), when HubSpot returned one. */
  due?: string;
}

const searchSchema = z.object({
  results: z.array(z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable().optional()) })),
});

/**
 * The company's detractor follow-up tasks, open and completed (one search, the subject
 * `createFollowUpTask` gives them): the card tells an open task from a loop already closed. Read in
 * parallel with the company, so it adds no sequential round-trip to the card. Through the generic
 * objects search, which the app functions' small fetch client implements too.
 */
export async function readFollowUpTasks(gateway: HubSpotGateway, companyId: string): Promise<FollowUpTask[]> {
  const body = {
    filterGroups: [{ filters: [
      { propertyName: 'associations.company', operator: 'EQ', value: companyId },
      { propertyName: 'hs_task_subject', operator: 'EQ', value: FOLLOW_UP_SUBJECT },
    ] }],
    properties: ['hs_task_status', 'hs_timestamp'],
    limit: 100,
  };
  const answer = searchSchema.parse(await gateway.call('tasks.search', (client) => client.crm.objects.searchApi.doSearch('tasks', body as never)));
  return answer.results.map((task) => {
    const due = task.properties.hs_timestamp ? new Date(task.properties.hs_timestamp) : undefined;
    return { id: task.id, completed: task.properties.hs_task_status === 'COMPLETED', ...(due && !Number.isNaN(due.getTime()) ? { due: due.toISOString() } : {}) };
  });
}
