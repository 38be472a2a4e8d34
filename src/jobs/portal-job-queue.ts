import type { PortalId } from '../portals/portal-id';
import type { JobName } from './job-definitions';
import type { DeadLetter, JobHandler, JobQueue, ReplayResult, ScheduleEntry, SendOptions, WorkOptions } from './job-queue';
import { QueueError } from './queue-error';

/** The payload's `portalId` when it has one (still unvalidated: the queue checks the rest). */
const portalOf = (payload: unknown): unknown => (typeof payload === 'object' && payload !== null ? (payload as { portalId?: unknown }).portalId : undefined);

/**
 * One portal's queue: every job sent or scheduled through it carries the portal's id, a job naming
 * another portal is refused (`INVALID_PAYLOAD` on `portalId`), and one that reached it anyway
 * (written around this class) is never run on this portal's token and store: its batch is failed
 * whole, retried, then dead-lettered with why, where an admin can replay the portal's own jobs of
 * that batch. The worker's own sends (a resolved deal's companies) go through it, so they are
 * stamped as well.
 */
export class PortalJobQueue implements JobQueue {
  constructor(
    private readonly inner: JobQueue,
    readonly portalId: PortalId,
  ) {}

  get engine(): JobQueue['engine'] {
    return this.inner.engine;
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  async send<Name extends JobName>(name: Name, payload: unknown, options?: SendOptions): Promise<string | null> {
    return this.inner.send(name, this.stamp(payload), options);
  }

  async work<Name extends JobName>(name: Name, handler: JobHandler<Name>, options?: WorkOptions): Promise<void> {
    await this.inner.work<Name>(
      name,
      async (jobs) => {
        const strangers = jobs.map((job) => portalOf(job.payload)).filter((portal) => portal !== undefined && portal !== this.portalId);
        if (strangers.length > 0) throw new Error(`portalId: ${strangers.length} job(s) of portal ${String(strangers[0])} reached portal ${this.portalId}'s queue; not run`);
        await handler(jobs);
      },
      options,
    );
  }

  async schedule(name: JobName, cron: string, payload: unknown, options?: { timeZone?: string }): Promise<void> {
    return this.inner.schedule(name, cron, this.stamp(payload), options);
  }

  schedules(): Promise<ScheduleEntry[]> {
    return this.inner.schedules();
  }

  deadLetters(name?: JobName, limit?: number): Promise<DeadLetter[]> {
    return this.inner.deadLetters(name, limit);
  }

  replay(deadLetterId: string): Promise<ReplayResult> {
    return this.inner.replay(deadLetterId);
  }

  stop(options?: { timeoutMs?: number }): Promise<void> {
    return this.inner.stop(options);
  }

  onError(listener: (error: Error) => void): void {
    this.inner.onError(listener);
  }

  private stamp(payload: unknown): unknown {
    const named = portalOf(payload);
    if (named !== undefined && named !== this.portalId) throw new QueueError('INVALID_PAYLOAD', `portalId: "${String(named)}" sent to portal ${this.portalId}'s queue`, ['portalId']);
    // A payload that is not an object is left to the job's schema, which names what is wrong with it.
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? { ...payload, portalId: this.portalId } : payload;
  }
}
