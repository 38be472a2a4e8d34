import type { JobName, JobPayloads } from './job-definitions';

/** One job handed to a handler: its payload already validated against its job's schema. */
export interface QueuedJob<Name extends JobName = JobName> {
  id: string;
  name: Name;
  payload: JobPayloads[Name];
}

/** Runs a batch of jobs of one queue; a rejection fails the whole batch (each job is retried, then dead-lettered). */
export type JobHandler<Name extends JobName = JobName> = (jobs: QueuedJob<Name>[]) => Promise<void>;

export interface SendOptions {
  /** Jobs with the same key collapse into one while waiting; the definition's key (the company ids) by default. */
  singletonKey?: string;
  /** Seconds before the job can run; the queue's debounce by default. */
  delaySeconds?: number;
}

export interface WorkOptions {
  /** How many batches of this queue run at once in this process. */
  concurrency?: number;
}

/** A job that failed its last attempt and waits for an admin to look at it and replay it. */
export interface DeadLetter {
  /** The dead-letter entry's own id (what `replay` takes). */
  id: string;
  /** The queue the job failed on. */
  job: JobName;
  /** The payload as it was sent (not revalidated: it is what an admin needs to see). */
  payload: unknown;
  /** The last attempt's error message. */
  error: string;
  failedAt: Date;
}

export interface ScheduleEntry {
  job: JobName;
  cron: string;
  timeZone: string;
}

/** What `replay` did: the new job's id, or `null` when an identical job was already waiting (coalesced). */
export interface ReplayResult {
  deadLetterId: string;
  job: JobName;
  jobId: string | null;
}

/**
 * The one contract every queue engine implements (pg-boss on PostgreSQL or PGlite, and an inline
 * one for unit tests). Nothing outside `drivers/` knows which engine runs underneath.
 *
 * Errors are `QueueError`s: `UNAVAILABLE` when the database is down (retry later), the other codes
 * for a caller's mistake.
 */
export interface JobQueue {
  readonly engine: 'postgres' | 'pglite' | 'inline';
  /** Creates the queue's tables (first run) and queues; throws `UNAVAILABLE` while the database is down. */
  start(): Promise<void>;
  /**
   * Validates `payload` against the job's schema (`INVALID_PAYLOAD` naming each bad field), then
   * stores the job. Resolves with its id once it is durable, or `null` when an equal job was
   * already waiting and absorbs this one.
   */
  send<Name extends JobName>(name: Name, payload: unknown, options?: SendOptions): Promise<string | null>;
  /** Starts taking jobs of one queue in this process. */
  work<Name extends JobName>(name: Name, handler: JobHandler<Name>, options?: WorkOptions): Promise<void>;
  /** Creates or replaces the cron schedule of a job (UTC unless `timeZone` says otherwise). */
  schedule(name: JobName, cron: string, payload: unknown, options?: { timeZone?: string }): Promise<void>;
  schedules(): Promise<ScheduleEntry[]>;
  /** Jobs that failed every attempt, oldest first (all queues unless one is named). */
  deadLetters(name?: JobName, limit?: number): Promise<DeadLetter[]>;
  /** Sends a dead-lettered job again (revalidated) and takes it off the dead-letter list. */
  replay(deadLetterId: string): Promise<ReplayResult>;
  /** Stops taking jobs and waits (up to `timeoutMs`) for the running ones to finish. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Background failures (a lost connection while polling, maintenance): logged, never thrown. */
  onError(listener: (error: Error) => void): void;
}
