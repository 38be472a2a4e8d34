import { DEFAULT_FULL_SYNC_CRON } from '../../src/jobs/job-definitions';
import type { JobQueue, QueuedJob } from '../../src/jobs/job-queue';
import { QueueError } from '../../src/jobs/queue-error';
import { eventually, inlineEngine, pgliteEngine, postgresEngine, postgresReachableSync, type EngineUnderTest } from './queue-engines';

// One contract, every engine: the inline queue unit tests rely on must behave as pg-boss does.
const engines: EngineUnderTest[] = [inlineEngine, pgliteEngine, ...(postgresReachableSync() ? [postgresEngine] : [])];

afterAll(() => pgliteEngine.closeShared());

describe.each(engines)('the job queue on $name', (engine) => {
  let queue: JobQueue;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ queue, cleanup } = await engine.open());
    await queue.start();
  });
  afterEach(() => cleanup());

  it('refuses a payload that does not match its job, naming each bad field, and stores nothing', async () => {
    const refused = await queue.send('recompute-companies', { companyIds: ['12', 'abc'], reason: 'gossip' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueError);
    expect((refused as QueueError).code).toBe('INVALID_PAYLOAD');
    expect((refused as QueueError).issues).toEqual(['companyIds.1: must be a numeric HubSpot id', 'reason: reason must be webhook, workflow-action, manual or replay']);
    expect(refused).toMatchObject({ retryable: false, httpStatus: 400, retryAfterSeconds: undefined });

    const seen: QueuedJob[] = [];
    await queue.work('recompute-companies', async (jobs) => void seen.push(...jobs));
    const id = await queue.send('recompute-companies', { companyIds: ['12'], reason: 'manual' });
    await eventually(() => expect(seen.map((job) => job.id)).toEqual([id]));
    expect(seen[0]?.payload).toEqual({ companyIds: ['12'], reason: 'manual' });
  });

  it('collapses changes to one company into one waiting job, and keeps other companies apart', async () => {
    const first = await queue.send('recompute-companies', { companyIds: ['7'], reason: 'webhook' }, { delaySeconds: 1 });
    const again = await queue.send('recompute-companies', { companyIds: ['7'], reason: 'webhook' }, { delaySeconds: 1 });
    const other = await queue.send('recompute-companies', { companyIds: ['8'], reason: 'webhook' }, { delaySeconds: 1 });
    expect(first).toEqual(expect.any(String));
    expect(again).toBeNull();
    expect(other).toEqual(expect.any(String));

    const ran: string[] = [];
    await queue.work('recompute-companies', async (jobs) => void ran.push(...jobs.flatMap((job) => job.payload.companyIds)));
    await eventually(() => expect(ran.sort()).toEqual(['7', '8']));
    // Once the job has run, a new change to the company queues a new recompute.
    expect(await queue.send('recompute-companies', { companyIds: ['7'], reason: 'webhook' })).toEqual(expect.any(String));
    await eventually(() => expect(ran.sort()).toEqual(['7', '7', '8']));
  });

  it('retries a failing job with backoff, then lists it as dead, and a replay runs it again and takes it off the list', async () => {
    const attempts: number[] = [];
    let healthy = false;
    await queue.work('recompute-companies', async (jobs) => {
      attempts.push(Date.now());
      if (!healthy) throw new Error(`HubSpot answered 502 for company ${jobs[0]?.payload.companyIds[0]}`);
    });
    await queue.send('recompute-companies', { companyIds: ['42'], reason: 'workflow-action' });

    // retryLimit 2: the first attempt and two retries, then the dead-letter list.
    await eventually(async () => expect(await queue.deadLetters()).toHaveLength(1), 30_000);
    expect(attempts).toHaveLength(3);
    const [dead] = await queue.deadLetters('recompute-companies');
    expect(dead).toMatchObject({ job: 'recompute-companies', payload: { companyIds: ['42'], reason: 'workflow-action' }, error: 'HubSpot answered 502 for company 42' });
    expect(await queue.deadLetters('full-sync')).toEqual([]);
    if (engine.name !== 'inline') {
      // Backoff: each retry waits at least the delay (1 s) times 2^(retry - 1).
      expect((attempts[1] ?? 0) - (attempts[0] ?? 0)).toBeGreaterThanOrEqual(900);
      expect((attempts[2] ?? 0) - (attempts[1] ?? 0)).toBeGreaterThanOrEqual(1_900);
    }

    healthy = true;
    const replayed = await queue.replay(dead!.id);
    expect(replayed).toMatchObject({ deadLetterId: dead!.id, job: 'recompute-companies', jobId: expect.any(String) });
    await eventually(() => expect(attempts).toHaveLength(4));
    expect(await queue.deadLetters()).toEqual([]);
    const twice = await queue.replay(dead!.id).catch((error: unknown) => error);
    expect(twice).toMatchObject({ code: 'NOT_FOUND', issues: ['id'] });
  });

  it('schedules the full sync nightly in UTC by default, and refuses a cron it cannot read, naming it', async () => {
    await queue.schedule('full-sync', DEFAULT_FULL_SYNC_CRON, { reason: 'schedule' });
    expect(await queue.schedules()).toEqual([{ job: 'full-sync', cron: '0 3 * * *', timeZone: 'UTC' }]);
    await queue.schedule('full-sync', '30 1 * * 1', { reason: 'schedule' }, { timeZone: 'Europe/Paris' });
    expect(await queue.schedules()).toEqual([{ job: 'full-sync', cron: '30 1 * * 1', timeZone: 'Europe/Paris' }]);

    const refused = await queue.schedule('full-sync', 'every night', { reason: 'schedule' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 'INVALID_SCHEDULE', issues: ['cron'] });
    expect((refused as Error).message).toMatch(/^cron: "every night"/);
  });

  it('waits for a running job when stopped', async () => {
    let release!: () => void;
    const started: string[] = [];
    const finished: string[] = [];
    await queue.work('full-sync', async (jobs) => {
      started.push(jobs[0]!.id);
      await new Promise<void>((resolve) => (release = resolve));
      finished.push(jobs[0]!.id);
    });
    const id = await queue.send('full-sync', { reason: 'manual' });
    await eventually(() => expect(started).toEqual([id]));
    const stopped = queue.stop({ timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(finished).toEqual([]);
    release();
    await stopped;
    expect(finished).toEqual([id]);
  });
});
