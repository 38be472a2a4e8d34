import type { SeedSink } from '../../src/sandbox/seed-format';
import { closeFollowUpLoop, createFollowUpTask, FOLLOW_UP_SUBJECT, TaskInputError } from '../../src/hubspot/task-writer';
import { TOKEN, withPortal } from './hubspot-test-portal';

const seed = (sink: SeedSink) => {
  sink.owner({ id: '501', email: 'ana@example.com', firstName: 'Ana', lastName: 'Csm', userId: 9001, teams: [] });
  sink.object('companies', { id: '11', properties: { name: 'Globex', hubspot_owner_id: '501' } });
  sink.object('companies', { id: '12', properties: { name: 'Initech', hubspot_owner_id: '501' } });
};

describe('the detractor follow-up task, through HubSpot\'s tasks API', () => {
  it('creates a task for the company owner, due at cs_detractor_followup_due, associated with the company', async () => {
    await withPortal({ seed }, async (gateway, sandbox) => {
      const due = new Date('2026-11-23T09:00:00Z');
      const result = await createFollowUpTask(gateway, { companyId: '11', companyName: 'Globex', ownerId: '501', due, detail: 'NPS 2 on 2026-11-21: "support is slow"' });
      expect(result).toMatchObject({ created: true, due: '2026-11-23T09:00:00.000Z' });
      const client = (await import('@hubspot/api-client')).Client;
      const api = new client({ accessToken: TOKEN, basePath: sandbox.url });
      const task = await api.crm.objects.tasks.basicApi.getById(result.taskId, ['hs_timestamp', 'hs_task_subject', 'hs_task_status', 'hubspot_owner_id', 'hs_task_body'], undefined, ['companies']);
      expect(task.properties).toMatchObject({ hs_task_subject: FOLLOW_UP_SUBJECT, hs_task_status: 'NOT_STARTED', hubspot_owner_id: '501' });
      expect(new Date(task.properties.hs_timestamp as string).toISOString()).toBe('2026-11-23T09:00:00.000Z');
      expect(task.properties.hs_task_body).toContain('support is slow');
      expect(task.associations?.companies?.results.map((r) => r.id)).toEqual(['11']);
    });
  });

  it('never makes two open follow-ups for one company (a double click, a retried request)', async () => {
    await withPortal({ seed }, async (gateway) => {
      const input = { companyId: '11', ownerId: '501', due: new Date('2026-11-23T09:00:00Z') };
      const first = await createFollowUpTask(gateway, input);
      const second = await createFollowUpTask(gateway, input);
      expect(second).toEqual({ created: false, taskId: first.taskId, due: expect.any(String) });
      expect(gateway.callCounts()['tasks.create']).toBe(1);
      const other = await createFollowUpTask(gateway, { ...input, companyId: '12' });
      expect(other.created).toBe(true);
    });
  });

  it('closes the loop by completing the open follow-up, then a new one can be created', async () => {
    await withPortal({ seed }, async (gateway) => {
      const input = { companyId: '11', ownerId: '501', due: new Date('2026-11-23T09:00:00Z') };
      const { taskId } = await createFollowUpTask(gateway, input);
      expect(await closeFollowUpLoop(gateway, '11')).toEqual({ closed: 1, taskIds: [taskId] });
      expect(await closeFollowUpLoop(gateway, '11')).toEqual({ closed: 0, taskIds: [] });
      expect((await createFollowUpTask(gateway, input)).created).toBe(true);
    });
  });

  it('refuses bad input naming the field, before any call', async () => {
    await withPortal({ seed }, async (gateway) => {
      await expect(createFollowUpTask(gateway, { companyId: '11', ownerId: undefined as unknown as string, due: new Date() })).rejects.toThrow(new TaskInputError(['ownerId: the company has no owner to assign the follow-up to']));
      await expect(createFollowUpTask(gateway, { companyId: '11', ownerId: '501', due: undefined as unknown as Date })).rejects.toThrow('cs_detractor_followup_due: empty, so no detractor follow-up is open');
      await expect(createFollowUpTask(gateway, { companyId: 'abc', ownerId: '501', due: new Date('x') })).rejects.toThrow(/companyId: expected a numeric HubSpot record id/);
      await expect(closeFollowUpLoop(gateway, '1; drop')).rejects.toBeInstanceOf(TaskInputError);
      expect(gateway.totalCalls()).toBe(0);
    });
  });
});
