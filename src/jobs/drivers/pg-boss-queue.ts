import PgBoss from 'pg-boss';
import type { SqlDatabase } from '../../store/store';
import { JOB_NAMES, JOBS, payloadIssues, policyOf, type JobName, type QueuePolicyOverrides } from '../job-definitions';
import type { DeadLetter, JobHandler, JobQueue, QueuedJob, ReplayResult, ScheduleEntry, SendOptions, WorkOptions } from '../job-queue';
import { isConnectionFailure, QueueError } from '../queue-error';
import { validateJobPayload } from '../validate-job-payload';
import { pgBossDbOver } from './pg-boss-sql-adapter';

export type PgBossConnection =
  /** A PostgreSQL server: pg-boss opens its own pool (several processes share the jobs). */
  | { connectionString: string }
  /** The store's engine (embedded PGlite, one process), shared with the store through pg-boss's `db` option. */
  | { database: Pick<SqlDatabase, 'query' | 'exec'>; engine: 'pglite' | 'postgres' };

export interface PgBossQueueOptions {
  connection: PgBossConnection;
  /** The PostgreSQL schema pg-boss keeps its tables in (letters, digits, underscores). */
  schema?: string;
  policies?: QueuePolicyOverrides;
  /** How often an idle worker looks for jobs (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How long to wait for a connection before calling the database unreachable. */
  connectTimeoutMs?: number;
  /** Whether this process sends the cron jobs it is due (workers do; producers need not). */
  runSchedules?: boolean;
}

export const DEFAULT_QUEUE_SCHEMA = 'cs_health_jobs';

const DEAD_LETTER_OF = new Map<string, JobName>(JOB_NAMES.map((name) => [JOBS[name].deadLetter, name]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The job queue on pg-boss 10: the only file that imports it. Retries, backoff, dead letters and
 * per-key coalescing are options of pg-boss's queues (see `job-definitions.ts`), not code here.
 */
export class PgBossQueue implements JobQueue {
  readonly engine: 'postgres' | 'pglite';
  private boss: PgBoss;
  private readonly schema: string;
  private readonly listeners: ((error: Error) => void)[] = [];
  private started = false;

  constructor(private readonly options: PgBossQueueOptions) {
    this.schema = options.schema ?? DEFAULT_QUEUE_SCHEMA;
    if (!/^[A-Za-z_]\w{0,49}$/.test(this.schema)) throw new Error(`schema: "${this.schema}" must be letters, digits and underscores (at most 50)`);
    this.engine = 'connectionString' in options.connection ? 'postgres' : options.connection.engine;
    this.boss = this.createBoss();
  }

  onError(listener: (error: Error) => void): void {
    this.listeners.push(listener);
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.guard(async () => {
      await this.boss.start();
      // A dead-letter queue must exist before the queue that names it (a foreign key).
      for (const name of JOB_NAMES) await this.ensureQueue(JOBS[name].deadLetter, { name: JOBS[name].deadLetter, policy: 'standard' });
      for (const name of JOB_NAMES) {
        const policy = policyOf(name, this.options.policies);
        await this.ensureQueue(name, {
          name,
          policy: policy.policy,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: policy.retryBackoff,
          expireInSeconds: policy.expireInSeconds,
          deadLetter: JOBS[name].deadLetter,
        });
      }
    }).catch(async (error: unknown) => {
      await this.discardBoss();
      throw error;
    });
    this.started = true;
  }

  async send<Name extends JobName>(name: Name, payload: unknown, options: SendOptions = {}): Promise<string | null> {
    this.assertRunning();
    const data = validateJobPayload(name, payload);
    const policy = policyOf(name, this.options.policies);
    const delay = options.delaySeconds ?? policy.debounceSeconds;
    return this.guard(() =>
      this.boss.send(name, data as object, {
        singletonKey: options.singletonKey ?? JOBS[name].singletonKey(data as never),
        ...(delay > 0 ? { startAfter: delay } : {}),
      }),
    );
  }

  async work<Name extends JobName>(name: Name, handler: JobHandler<Name>, options: WorkOptions = {}): Promise<void> {
    this.assertRunning();
    const { batchSize } = policyOf(name, this.options.policies);
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));
    const run = async (jobs: PgBoss.Job<unknown>[]) => {
      const valid: QueuedJob<Name>[] = [];
      for (const job of jobs) {
        const parsed = JOBS[name].payload.safeParse(job.data);
        if (parsed.success) valid.push({ id: job.id, name, payload: parsed.data as QueuedJob<Name>['payload'] });
        // Only a payload written around `send` can get here; it fails on its own and ends in the dead-letter list, where an admin can read why.
        else await this.boss.fail(name, job.id, { message: `invalid ${name} payload: ${payloadIssues(parsed.error).join('; ')}` });
      }
      if (valid.length > 0) await handler(valid);
    };
    // pg-boss 10 runs one batch at a time per registered worker: concurrency is that many workers.
    for (let i = 0; i < concurrency; i += 1) {
      await this.guard(() => this.boss.work<unknown>(name, { batchSize, pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 1 }, run));
    }
  }

  async schedule(name: JobName, cron: string, payload: unknown, options: { timeZone?: string } = {}): Promise<void> {
    this.assertRunning();
    const data = validateJobPayload(name, payload);
    const timeZone = options.timeZone ?? 'UTC';
    try {
      await this.boss.schedule(name, cron, data as object, { tz: timeZone, singletonKey: JOBS[name].singletonKey(data as never) });
    } catch (error) {
      if (isConnectionFailure(error)) throw QueueError.unavailable(error);
      throw new QueueError('INVALID_SCHEDULE', `cron: "${cron}" (time zone ${timeZone}) is not a schedule: ${error instanceof Error ? error.message : String(error)}`, ['cron']);
    }
  }

  async schedules(): Promise<ScheduleEntry[]> {
    this.assertRunning();
    const rows = (await this.guard(() => this.boss.getSchedules())) as (PgBoss.Schedule & { timezone?: string })[];
    return rows.filter((row) => (JOB_NAMES as string[]).includes(row.name)).map((row) => ({ job: row.name as JobName, cron: row.cron, timeZone: row.timezone ?? row.options?.tz ?? 'UTC' }));
  }

  async deadLetters(name?: JobName, limit = 100): Promise<DeadLetter[]> {
    this.assertRunning();
    const queues = (name ? [name] : JOB_NAMES).map((job) => `'${JOBS[job].deadLetter}'`).join(', ');
    const rows = await this.sql<{ id: string; name: string; data: unknown; output: unknown; created_on: Date | string }>(
      `SELECT id, name, data, output, created_on FROM ${this.schema}.job WHERE name IN (${queues}) AND state = 'created' ORDER BY created_on, id LIMIT $1`,
      [Math.max(1, Math.floor(limit))],
    );
    return rows.map((row) => ({ id: row.id, job: DEAD_LETTER_OF.get(row.name) as JobName, payload: row.data, error: errorMessageOf(row.output), failedAt: new Date(row.created_on) }));
  }

  async replay(deadLetterId: string): Promise<ReplayResult> {
    this.assertRunning();
    const missing = () => new QueueError('NOT_FOUND', `id: no dead-lettered job ${deadLetterId} (already replayed, or never failed)`, ['id']);
    if (!UUID.test(deadLetterId)) throw missing();
    const queues = [...DEAD_LETTER_OF.keys()].map((queue) => `'${queue}'`).join(', ');
    const [row] = await this.sql<{ name: string; data: unknown }>(`SELECT name, data FROM ${this.schema}.job WHERE id = $1 AND name IN (${queues}) AND state = 'created'`, [deadLetterId]);
    if (!row) throw missing();
    const job = DEAD_LETTER_OF.get(row.name) as JobName;
    // Send first, then take the entry off the list: a crash in between leaves a duplicate to see, never a lost job.
    const jobId = await this.send(job, row.data, { delaySeconds: 0 });
    const taken = await this.sql(
      `UPDATE ${this.schema}.job SET state = 'completed', completed_on = now(), output = $3::jsonb WHERE name = $1 AND id = $2 AND state = 'created' RETURNING id`,
      [row.name, deadLetterId, JSON.stringify({ replayedAs: jobId })],
    );
    if (taken.length === 0) {
      // Someone replayed it at the same moment: theirs stands, ours is withdrawn.
      if (jobId) await this.guard(() => this.boss.cancel(job, jobId));
      throw missing();
    }
    return { deadLetterId, job, jobId };
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: true, timeout: options.timeoutMs ?? 30_000 });
  }

  private createBoss(): PgBoss {
    const common = { schema: this.schema, schedule: this.options.runSchedules ?? true };
    const { connection } = this.options;
    const boss =
      'connectionString' in connection
        ? new PgBoss({ ...common, connectionString: connection.connectionString, connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000, max: 5 } as PgBoss.ConstructorOptions)
        : new PgBoss({ ...common, db: pgBossDbOver(connection.database) as PgBoss.Db });
    // pg-boss emits 'error' for failures in its background loops; an EventEmitter without a listener would crash the process.
    boss.on('error', (error: Error) => {
      for (const listener of this.listeners) listener(error);
    });
    return boss;
  }

  /**
   * pg-boss 10 cannot be started again after a failed start (it believes it is still starting, and
   * its stop() then does nothing, leaving its pool open): close that pool and use a new instance.
   */
  private async discardBoss(): Promise<void> {
    // When the failure came after pg-boss started (creating a queue), its timers are running: stop them too.
    await this.boss.stop({ graceful: false, close: true }).catch(() => undefined);
    const db = this.boss.getDb() as { isOurs?: boolean; opened?: boolean; close?: () => Promise<void> };
    if (db.isOurs && db.opened) await db.close?.().catch(() => undefined);
    this.boss = this.createBoss();
  }

  private async ensureQueue(name: string, queue: PgBoss.Queue): Promise<void> {
    if (await this.boss.getQueue(name)) {
      await this.boss.updateQueue(name, queue);
      return;
    }
    try {
      await this.boss.createQueue(name, queue);
    } catch (error) {
      // Another process created it between our look and our insert.
      if (!(await this.boss.getQueue(name))) throw error;
    }
  }

  private async sql<Row>(text: string, values: unknown[]): Promise<Row[]> {
    const result = await this.guard(() => (this.boss.getDb() as unknown as { executeSql(text: string, values: unknown[]): Promise<{ rows: Row[] } | undefined> }).executeSql(text, values));
    return result?.rows ?? [];
  }

  private assertRunning(): void {
    if (!this.started) throw new QueueError('NOT_RUNNING', 'the job queue is not started (call start() first)');
  }

  /** A database that cannot be reached becomes `UNAVAILABLE`; anything else is a bug and stays as it is. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof QueueError) throw error;
      if (isConnectionFailure(error)) throw QueueError.unavailable(error);
      throw error;
    }
  }
}

/** pg-boss stores a thrown error as its serialised fields; an admin needs its message, not its stack. */
function errorMessageOf(output: unknown): string {
  if (typeof output === 'object' && output !== null) {
    const { message, value } = output as { message?: unknown; value?: unknown };
    if (typeof message === 'string') return message;
    if (typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string') return (value as { message: string }).message;
    if (typeof value === 'string') return value;
  }
  return output === null || output === undefined ? 'unknown error' : JSON.stringify(output).slice(0, 500);
}
