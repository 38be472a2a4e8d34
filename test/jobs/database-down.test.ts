import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import { QueueError } from '../../src/jobs/queue-error';
import { startWorker, type JobHandlers, type RunningWorker } from '../../src/jobs/worker';
import { WebhookJobSink } from '../../src/jobs/webhook-job-sink';
import { dropSchema, eventually, FAST_POLICIES, freshSchema, POSTGRES_URL, postgresReachableSync } from './queue-engines';
import { TcpProxy } from './tcp-proxy';

const onServer = postgresReachableSync() ? describe : describe.skip;

onServer('a database that is down', () => {
  let schema: string;
  let proxy: TcpProxy;
  const queues: PgBossQueue[] = [];
  const workers: RunningWorker[] = [];
  const throughProxy = () => {
    const queue = new PgBossQueue({ connection: { connectionString: proxy.urlFor(POSTGRES_URL) }, schema, policies: FAST_POLICIES, pollingIntervalSeconds: 0.5, connectTimeoutMs: 1_000 });
    queue.onError(() => undefined);
    queues.push(queue);
    return queue;
  };
  const direct = () => {
    const queue = new PgBossQueue({ connection: { connectionString: POSTGRES_URL }, schema, policies: FAST_POLICIES, runSchedules: false });
    queues.push(queue);
    return queue;
  };
  const recorder = () => {
    const recomputed: string[] = [];
    const handlers: JobHandlers = { recomputeCompanies: async (ids) => void recomputed.push(...ids), companiesOf: async () => [], fullSync: async () => undefined };
    return { recomputed, handlers };
  };

  beforeEach(async () => {
    schema = freshSchema();
    proxy = TcpProxy.forUrl(POSTGRES_URL);
    await proxy.up();
    // The schema exists before the outages below (a first start creates it).
    await direct().start();
  });

  afterEach(async () => {
    await proxy.up().catch(() => undefined);
    for (const worker of workers.splice(0)) await worker.stop({ timeoutMs: 1_000 }).catch(() => undefined);
    for (const queue of queues.splice(0)) await queue.stop({ timeoutMs: 1_000 }).catch(() => undefined);
    await proxy.down();
    await dropSchema(schema);
  });

  it('fails a send with UNAVAILABLE and a Retry-After the backend can answer 503 with, then works again when it is back', async () => {
    const queue = throughProxy();
    await queue.start();
    const sink = new WebhookJobSink(queue);
    await proxy.down();

    const refused = await sink.add([{ eventId: '1', subscriptionType: 'company.propertyChange', objectId: '31' }]).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QueueError);
    expect(refused).toMatchObject({ code: 'UNAVAILABLE', retryable: true, httpStatus: 503, retryAfterSeconds: 5 });
    expect((refused as Error).message).toMatch(/^the job queue's database is unreachable \(.+\); retry later$/);

    await proxy.up();
    // HubSpot redelivers the batch after the 503; this time it is stored.
    await eventually(async () => expect(await sink.add([{ eventId: '1', subscriptionType: 'company.propertyChange', objectId: '31' }])).toEqual({ enqueued: 1, coalesced: 0, ignored: 0 }), 10_000);
  });

  it('a running worker waits through the outage and runs the jobs that waited once the database is back', async () => {
    const { recomputed, handlers } = recorder();
    workers.push(await startWorker({ queue: throughProxy(), handlers, fullSyncCron: null }));
    const producer = direct();
    await producer.start();
    await producer.send('recompute-companies', { companyIds: ['1'], reason: 'manual' });
    await eventually(() => expect(recomputed).toEqual(['1']));

    await proxy.down();
    // Sent while the worker cannot reach the database: it waits there.
    await producer.send('recompute-companies', { companyIds: ['2'], reason: 'manual' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(recomputed).toEqual(['1']);

    await proxy.up();
    await eventually(() => expect(recomputed).toEqual(['1', '2']), 20_000);
  });

  it('a worker started while the database is down waits for it instead of exiting', async () => {
    await proxy.down();
    const producer = direct();
    await producer.start();
    await producer.send('recompute-companies', { companyIds: ['77'], reason: 'manual' });

    const { recomputed, handlers } = recorder();
    const warnings: string[] = [];
    const starting = startWorker({ queue: throughProxy(), handlers, fullSyncCron: null, retryDelayMs: 200, maxRetryDelayMs: 400, logger: { info: () => undefined, error: () => undefined, warn: (_details, message) => void warnings.push(message) } });
    await eventually(() => expect(warnings.length).toBeGreaterThanOrEqual(2));
    expect(warnings[0]).toMatch(/database is unreachable.*; waiting$/);

    await proxy.up();
    workers.push(await starting);
    await eventually(() => expect(recomputed).toEqual(['77']));
  });
});
