import { InlineQueue } from '../../src/jobs/drivers/inline-queue';
import { PortalJobQueue } from '../../src/jobs/portal-job-queue';
import { QueueError } from '../../src/jobs/queue-error';
import { startWorker, type JobHandlers } from '../../src/jobs/worker';
import { eventually, FAST_POLICIES } from '../jobs/queue-engines';

const policies = { ...FAST_POLICIES, 'recompute-companies': { ...FAST_POLICIES['recompute-companies'], retryDelaySeconds: 0, retryLimit: 0 } };

describe("a portal's queue", () => {
  it("stamps every job with the portal, the worker's own follow-up jobs included", async () => {
    const inner = new InlineQueue({ policies });
    const queue = new PortalJobQueue(inner, 'acme');
    const handlers: JobHandlers = {
      // Every recompute fails, so its payload lands in the dead-letter list where the test can read it.
      recomputeCompanies: async (ids) => ({ failed: ids.map((id) => ({ id, message: 'refused' })) }),
      companiesOf: async () => ['501'],
      fullSync: async () => undefined,
    };
    const worker = await startWorker({ queue, handlers, fullSyncCron: '0 4 * * *' });
    await queue.send('resolve-changed-records', { objectType: 'deals', ids: ['70'], reason: 'webhook' });
    await eventually(async () => expect(await inner.deadLetters('recompute-companies')).toHaveLength(1));
    expect((await inner.deadLetters('recompute-companies'))[0]!.payload).toEqual({ companyIds: ['501'], reason: 'webhook', portalId: 'acme' });
    await worker.stop();
  });

  it("refuses a job naming another portal, and does not run one that reached it anyway", async () => {
    const inner = new InlineQueue({ policies });
    const queue = new PortalJobQueue(inner, 'acme');
    const error = await queue.send('full-sync', { reason: 'manual', portalId: 'beta' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QueueError);
    expect(error).toMatchObject({ code: 'INVALID_PAYLOAD', message: 'portalId: "beta" sent to portal acme\'s queue', issues: ['portalId'] });
    await expect(queue.send('full-sync', { reason: 'manual', portalId: 'Not An Id' })).rejects.toMatchObject({ code: 'INVALID_PAYLOAD' });

    const ran: string[] = [];
    const handlers: JobHandlers = { recomputeCompanies: async (ids) => void ran.push(...ids), companiesOf: async () => [], fullSync: async () => undefined };
    const worker = await startWorker({ queue, handlers, fullSyncCron: null });
    // Written around the portal's queue (a producer on the raw queue): refused on receipt, never run, dead-lettered with why.
    await inner.send('recompute-companies', { companyIds: ['7'], reason: 'manual', portalId: 'beta' });
    await eventually(async () => expect(await inner.deadLetters('recompute-companies')).toHaveLength(1));
    expect((await inner.deadLetters('recompute-companies'))[0]!.error).toBe("portalId: 1 job(s) of portal beta reached portal acme's queue; not run");
    await queue.send('recompute-companies', { companyIds: ['8'], reason: 'manual' });
    await eventually(() => expect(ran).toEqual(['8']));
    await worker.stop();
  });
});
