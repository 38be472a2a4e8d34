import { randomUUID } from 'node:crypto';
import { JOBS, policyOf, type JobName, type QueuePolicyOverrides } from '../job-definitions';
import type { DeadLetter, JobHandler, JobQueue, QueuedJob, ReplayResult, ScheduleEntry, SendOptions, WorkOptions } from '../job-queue';
import { QueueError } from '../queue-error';
import { validateJobPayload } from '../validate-job-payload';

interface InlineJob {
  id: string;
  name: JobName;
  payload: unknown;
  key: string;
  state: 'waiting' | 'running' | 'done' | 'dead';
  attempts: number;
  runAt: number;
}

/** Five cron fields of digits, `*`, ranges, steps and lists: the inline queue never fires them, it only keeps them. */
const CRON = /^(\S+\s+){4}\S+$/;
const CRON_FIELD = /^[\d*,/-]+$/;

/**
 * The queue in memory, for unit tests only: same contract (validation, per-key coalescing, retries
 * with backoff, dead letters, replay, a graceful stop), nothing durable and nothing shared between
 * processes. Cron schedules are kept but never fired.
 */
export class InlineQueue implements JobQueue {
  readonly engine = 'inline' as const;
  private readonly jobs = new Map<string, InlineJob>();
  private readonly dead = new Map<string, DeadLetter>();
  private readonly handlers = new Map<JobName, { handler: JobHandler<JobName>; concurrency: number; running: number }>();
  private readonly cron = new Map<JobName, ScheduleEntry>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly listeners: ((error: Error) => void)[] = [];
  private running = false;

  constructor(private readonly options: { policies?: QueuePolicyOverrides; now?: () => number } = {}) {}

  async start(): Promise<void> {
    this.running = true;
  }

  onError(listener: (error: Error) => void): void {
    this.listeners.push(listener);
  }

  async send<Name extends JobName>(name: Name, payload: unknown, options: SendOptions = {}): Promise<string | null> {
    this.assertRunning();
    const data = validateJobPayload(name, payload);
    const key = options.singletonKey ?? JOBS[name].singletonKey(data as never);
    for (const job of this.jobs.values()) if (job.name === name && job.key === key && job.state === 'waiting') return null;
    const delay = options.delaySeconds ?? policyOf(name, this.options.policies).debounceSeconds;
    const job: InlineJob = { id: randomUUID(), name, payload: data, key, state: 'waiting', attempts: 0, runAt: this.now() + delay * 1000 };
    this.jobs.set(job.id, job);
    this.wake(delay * 1000);
    return job.id;
  }

  async work<Name extends JobName>(name: Name, handler: JobHandler<Name>, options: WorkOptions = {}): Promise<void> {
    this.assertRunning();
    this.handlers.set(name, { handler: handler as unknown as JobHandler<JobName>, concurrency: Math.max(1, Math.floor(options.concurrency ?? 1)), running: 0 });
    this.wake(0);
  }

  async schedule(name: JobName, cron: string, payload: unknown, options: { timeZone?: string } = {}): Promise<void> {
    this.assertRunning();
    validateJobPayload(name, payload);
    if (!CRON.test(cron.trim()) || !cron.trim().split(/\s+/).every((field) => CRON_FIELD.test(field))) {
      throw new QueueError('INVALID_SCHEDULE', `cron: "${cron}" is not a five-field cron expression`, ['cron']);
    }
    this.cron.set(name, { job: name, cron: cron.trim(), timeZone: options.timeZone ?? 'UTC' });
  }

  async schedules(): Promise<ScheduleEntry[]> {
    return [...this.cron.values()];
  }

  async deadLetters(name?: JobName, limit = 100): Promise<DeadLetter[]> {
    return [...this.dead.values()].filter((entry) => !name || entry.job === name).slice(0, limit);
  }

  async replay(deadLetterId: string): Promise<ReplayResult> {
    this.assertRunning();
    const entry = this.dead.get(deadLetterId);
    if (!entry) throw new QueueError('NOT_FOUND', `id: no dead-lettered job ${deadLetterId} (already replayed, or never failed)`, ['id']);
    const jobId = await this.send(entry.job, entry.payload, { delaySeconds: 0 });
    this.dead.delete(deadLetterId);
    return { deadLetterId, job: entry.job, jobId };
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private assertRunning(): void {
    if (!this.running) throw new QueueError('NOT_RUNNING', 'the job queue is not started (call start() first)');
  }

  private wake(afterMs: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.pump();
      // A timer can fire a millisecond before Date.now() reaches a retry's runAt; without another
      // wake the job would wait forever. Wake again for the earliest job still to come.
      const now = this.now();
      const next = Math.min(...[...this.jobs.values()].filter((job) => job.state === 'waiting' && job.runAt > now).map((job) => job.runAt));
      if (Number.isFinite(next) && this.timers.size === 0) this.wake(next - now + 1);
    }, Math.max(0, afterMs));
    timer.unref();
    this.timers.add(timer);
  }

  private pump(): void {
    if (!this.running) return;
    for (const [name, worker] of this.handlers) {
      const { batchSize } = policyOf(name, this.options.policies);
      while (worker.running < worker.concurrency) {
        const ready = [...this.jobs.values()].filter((job) => job.name === name && job.state === 'waiting' && job.runAt <= this.now()).slice(0, batchSize);
        if (ready.length === 0) break;
        for (const job of ready) job.state = 'running';
        worker.running += 1;
        const run = this.runBatch(name, ready, worker.handler).finally(() => {
          worker.running -= 1;
          this.inFlight.delete(run);
          this.wake(0);
        });
        this.inFlight.add(run);
      }
    }
  }

  private async runBatch(name: JobName, jobs: InlineJob[], handler: JobHandler<JobName>): Promise<void> {
    try {
      const batch: QueuedJob[] = jobs.map((job) => ({ id: job.id, name, payload: validateJobPayload(name, job.payload) }));
      await handler(batch);
      for (const job of jobs) job.state = 'done';
    } catch (error) {
      const policy = policyOf(name, this.options.policies);
      for (const job of jobs) {
        job.attempts += 1;
        if (job.attempts > policy.retryLimit) {
          job.state = 'dead';
          const id = randomUUID();
          this.dead.set(id, { id, job: name, payload: job.payload, error: error instanceof Error ? error.message : String(error), failedAt: new Date(this.now()) });
          continue;
        }
        const delayMs = policy.retryDelaySeconds * 1000 * (policy.retryBackoff ? 2 ** (job.attempts - 1) : 1);
        job.state = 'waiting';
        job.runAt = this.now() + delayMs;
        this.wake(delayMs);
      }
    }
  }
}
