import { InlineQueue } from '../../src/jobs/drivers/inline-queue';
import { startWorker, type JobHandlers } from '../../src/jobs/worker';
import { WebhookJobSink } from '../../src/jobs/webhook-job-sink';
import { eventually, FAST_POLICIES } from './queue-engines';

// The worker's own logic (routing, resolution, partial failures, the schedule) on the inline queue;
// the same code on pg-boss is exercised by the restart, replica and outage suites.
describe('the worker', () => {
  const open = () => new InlineQueue({ policies: { ...FAST_POLICIES, 'recompute-companies': { ...FAST_POLICIES['recompute-companies'], retryDelaySeconds: 0 } } });

  it('recomputes changed companies, and resolves changed deals, tickets and contacts into their companies first', async () => {
    const queue = open();
    const recomputed: string[][] = [];
    const asked: [string, string[]][] = [];
    const handlers: JobHandlers = {
      recomputeCompanies: async (ids) => void recomputed.push([...ids].sort()),
      companiesOf: async (type, ids) => {
        asked.push([type, [...ids].sort()]);
        return type === 'deals' ? ['500', '501'] : ['501'];
      },
      fullSync: async () => undefined,
    };
    const worker = await startWorker({ queue, handlers, fullSyncCron: null });
    const stored = await new WebhookJobSink(queue).add([
      { eventId: '1', subscriptionType: 'deal.propertyChange', objectId: '70' },
      { eventId: '2', subscriptionType: 'object.propertyChange', objectTypeId: '0-5', objectId: '80' },
      // An association change names both ends: the company and the contact.
      { eventId: '3', subscriptionType: 'object.associationChange', fromObjectTypeId: '0-1', toObjectTypeId: '0-2', fromObjectId: '90', toObjectId: '600' },
      { eventId: '4', subscriptionType: 'line_item.propertyChange', objectId: '3' },
    ]);
    expect(stored).toEqual({ enqueued: 4, coalesced: 0, ignored: 1 });

    await eventually(() => expect(recomputed.flat().sort()).toEqual(['500', '501', '600']));
    expect(asked.sort()).toEqual([['contacts', ['90']], ['deals', ['70']], ['tickets', ['80']]]);
    expect(worker.stats).toMatchObject({ companiesRecomputed: 3, recordsResolved: 3, failedBatches: 0 });
    await worker.stop();
  });

  it('reads from the store only companies whose own fields alone changed; one also named by a linked change is read in full', async () => {
    const queue = open();
    const companyOnly: string[] = [];
    const recomputed: string[] = [];
    const handlers: JobHandlers = {
      recomputeCompanies: async (ids, job) => {
        recomputed.push(...ids);
        companyOnly.push(...(job.companyOnly ?? []));
      },
      companiesOf: async () => ['7'],
      fullSync: async () => undefined,
    };
    const worker = await startWorker({ queue, handlers, fullSyncCron: null });
    await new WebhookJobSink(queue).add([
      { eventId: '1', subscriptionType: 'company.propertyChange', objectId: '7' },
      { eventId: '2', subscriptionType: 'company.propertyChange', objectId: '8' },
      // A deal of company 7 changed too: its deals must be read again, not taken from the store.
      { eventId: '3', subscriptionType: 'deal.propertyChange', objectId: '70' },
    ]);
    await eventually(() => expect([...new Set(recomputed)].sort()).toEqual(['7', '8']));
    expect(companyOnly).toContain('8');
    // Company 7 is recomputed from a full read at least once (its linked job), whatever batch it shared.
    expect(recomputed.filter((id) => id === '7').length).toBeGreaterThan(companyOnly.filter((id) => id === '7').length);
    await worker.stop();
  });

  it('retries a batch in which HubSpot refused some companies, then dead-letters it with their ids', async () => {
    const queue = open();
    const handlers: JobHandlers = {
      recomputeCompanies: async (ids) => ({ failed: ids.filter((id) => id === '13').map((id) => ({ id, message: 'HubSpot answered 400 (INVALID_OPTION)' })) }),
      companiesOf: async () => [],
      fullSync: async () => undefined,
    };
    const worker = await startWorker({ queue, handlers, fullSyncCron: null });
    await queue.send('recompute-companies', { companyIds: ['12', '13'], reason: 'manual' });
    await eventually(async () => expect(await queue.deadLetters()).toHaveLength(1));
    const [dead] = await queue.deadLetters();
    expect(dead).toMatchObject({ job: 'recompute-companies', payload: { companyIds: ['12', '13'] }, error: '1 of 2 companies were not written (13: HubSpot answered 400 (INVALID_OPTION))' });
    expect(worker.stats.failedBatches).toBe(3);
    await worker.stop();
  });

  it('schedules the nightly full sync unless told a cron, and runs a full sync job', async () => {
    const queue = open();
    const syncs: string[] = [];
    const handlers: JobHandlers = { recomputeCompanies: async () => undefined, companiesOf: async () => [], fullSync: async (payload) => void syncs.push(payload.reason) };
    const worker = await startWorker({ queue, handlers });
    expect(await queue.schedules()).toEqual([{ job: 'full-sync', cron: '0 3 * * *', timeZone: 'UTC' }]);
    await queue.send('full-sync', { reason: 'manual' });
    await eventually(() => expect(syncs).toEqual(['manual']));
    await worker.stop();

    const other = open();
    await (await startWorker({ queue: other, handlers, fullSyncCron: '15 2 * * *' })).stop();
    expect(await other.schedules()).toEqual([{ job: 'full-sync', cron: '15 2 * * *', timeZone: 'UTC' }]);
  });
});
