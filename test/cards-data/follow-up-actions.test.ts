import { customerHealthCard } from '../../src/app/cards/customer-health-handler';
import { FOLLOW_UP_SUBJECT } from '../../src/hubspot/task-writer';
import { ANA, withCardsBackend, type CardsHarness } from './card-data-harness';

/** Every task in the portal, read with HubSpot's own client over HTTP. */
async function tasksIn(api: CardsHarness['api']) {
  const page = await api.crm.objects.tasks.basicApi.getPage(100, undefined, ['hs_task_subject', 'hs_task_status', 'hs_timestamp', 'hubspot_owner_id', 'hs_task_body'], undefined, ['companies']);
  return page.results;
}

describe('the follow-up buttons of the Customer health card', () => {
  it('creates one task for the company owner, due at the follow-up due, authored by the viewer; a second click makes none', async () => {
    await withCardsBackend(async ({ call, api, gateway }) => {
      const first = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1', action: 'create_followup_task' });
      expect(first.status).toBe(200);
      const tasks = await tasksIn(api);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].properties).toMatchObject({ hs_task_subject: FOLLOW_UP_SUBJECT, hs_task_status: 'NOT_STARTED', hubspot_owner_id: '501' });
      expect(new Date(tasks[0].properties.hs_timestamp as string).toISOString()).toBe('2026-11-17T09:00:00.000Z');
      expect(tasks[0].properties.hs_task_body).toContain('by ana@example.com');
      expect(tasks[0].associations?.companies?.results.map((r) => r.id)).toEqual(['1']);
      expect(first.json.view.followUp).toMatchObject({ due: '2026-11-17T09:00:00.000Z', overdue: true, taskId: tasks[0].id });
      expect(first.json.view.followUpOutcome).toEqual({ status: 'done', message: expect.stringContaining(`task ${tasks[0].id} created`) });

      const second = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1', action: 'create_followup_task' });
      expect(second.json.view.followUpOutcome.message).toContain('already open');
      expect(await tasksIn(api)).toHaveLength(1);
      expect(gateway.callCounts()['tasks.create']).toBe(1);
      // A plain view finds the open task on its own.
      expect((await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' })).json.view.followUp.taskId).toBe(tasks[0].id);
    });
  });

  it('closing the loop completes the open task, and the card then shows no open follow-up', async () => {
    await withCardsBackend(async ({ call, api }) => {
      const created = (await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1', action: 'create_followup_task' })).json.view.followUp.taskId;
      const closed = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1', action: 'close_followup_loop' });
      expect(closed.status).toBe(200);
      expect(closed.json.view.followUpOutcome).toEqual({ status: 'done', message: `Loop closed: task ${created} completed.` });
      expect(closed.json.view.followUp).toBeUndefined();
      expect((await tasksIn(api)).map((t) => [t.id, t.properties.hs_task_status])).toEqual([[created, 'COMPLETED']]);
      // Read back on a plain view: the completed task for this due closes the loop.
      expect((await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1' })).json.view.followUp).toBeUndefined();
      // Nothing open any more: a second close says so and writes nothing.
      const again = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '1', action: 'close_followup_loop' });
      expect(again.json.view.followUpOutcome).toEqual({ status: 'error', message: expect.stringContaining('No open follow-up task') });
    });
  });

  it('refuses a company without owner naming the field, writing nothing', async () => {
    await withCardsBackend(async ({ call, api, sandbox }) => {
      sandbox.store.updateObject('companies', '2', { hubspot_owner_id: '' });
      const answer = await call(`/hubspot/cards/customer-health?${ANA}`, { recordId: '2', action: 'create_followup_task' });
      expect(answer.status).toBe(200);
      expect(answer.json.view.followUpOutcome).toEqual({ status: 'error', message: expect.stringContaining('ownerId') });
      expect(await tasksIn(api)).toHaveLength(0);
    });
  });

  it('a request without a viewer HubSpot vouched for never reaches an action', async () => {
    await withCardsBackend(async ({ call, api, gateway }) => {
      for (const query of ['', `?portalId=42`, `?userId=9001&portalId=42`, `?userEmail=ana%40example.com&portalId=42`, `?userId=9002&userEmail=ana%40example.com&portalId=42`]) {
        for (const action of ['create_followup_task', 'close_followup_loop']) {
          const answer = await call(`/hubspot/cards/customer-health${query}`, { recordId: '1', action });
          expect([401, 403]).toContain(answer.status);
          expect(answer.json.view).toBeUndefined();
        }
      }
      expect(gateway.callCounts()['tasks.search'] ?? 0).toBe(0);
      expect(gateway.callCounts()['tasks.create'] ?? 0).toBe(0);
      expect(await tasksIn(api)).toHaveLength(0);
    });
  });

  it('a caller with no checked viewer (an app function, a local caller) is refused before any HubSpot call, whatever it claims', async () => {
    await withCardsBackend(async ({ deps, gateway, api }) => {
      const before = gateway.totalCalls();
      for (const action of ['create_followup_task', 'close_followup_loop']) {
        const answer = await customerHealthCard(deps, { recordId: '1', action }, { userId: 9001, email: 'ana@example.com', portalId: 42 });
        expect(answer).toEqual({ status: 'error', code: 'FORBIDDEN', message: expect.stringContaining(`${action}: only a HubSpot user the backend has identified`) });
      }
      expect(gateway.totalCalls()).toBe(before);
      expect(await tasksIn(api)).toHaveLength(0);
    });
  });
});
