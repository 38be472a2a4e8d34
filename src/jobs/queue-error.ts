/** Every way the queue can fail, and whether trying again later can help. */
export const QUEUE_ERROR_CODES = {
  /** The database behind the queue cannot be reached: retry later (the backend answers 503 + Retry-After). */
  UNAVAILABLE: { retryable: true, httpStatus: 503 },
  /** A job payload that does not match its job's schema: the caller's fault, never retried. */
  INVALID_PAYLOAD: { retryable: false, httpStatus: 400 },
  /** A job name the queue does not define. */
  UNKNOWN_JOB: { retryable: false, httpStatus: 400 },
  /** A dead-lettered job id that is not (or no longer) in the dead-letter list. */
  NOT_FOUND: { retryable: false, httpStatus: 404 },
  /** A schedule the queue refuses (bad cron expression or time zone). */
  INVALID_SCHEDULE: { retryable: false, httpStatus: 400 },
  /** The queue was used before `start()` or after `stop()` (a process starting or shutting down): retry elsewhere or later. */
  NOT_RUNNING: { retryable: true, httpStatus: 503 },
} as const;

export type QueueErrorCode = keyof typeof QUEUE_ERROR_CODES;

/** How long a client should wait before retrying when the database is down (the Retry-After header). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * A queue failure with a code the caller switches on: `UNAVAILABLE` maps to HTTP 503 with
 * `Retry-After: retryAfterSeconds`, the others to the caller's mistake. Messages name the field.
 */
export class QueueError extends Error {
  readonly retryable: boolean;
  /** The status an HTTP surface answers with (503 comes with `Retry-After: retryAfterSeconds`). */
  readonly httpStatus: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: QueueErrorCode,
    message: string,
    readonly issues: string[] = [],
    retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'QueueError';
    retryAfterSeconds ??= QUEUE_ERROR_CODES[code].httpStatus === 503 ? UNAVAILABLE_RETRY_AFTER_SECONDS : undefined;
    this.retryAfterSeconds = retryAfterSeconds;
    this.retryable = QUEUE_ERROR_CODES[code].retryable;
    this.httpStatus = QUEUE_ERROR_CODES[code].httpStatus;
  }

  static unavailable(cause: unknown): QueueError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new QueueError('UNAVAILABLE', `the job queue's database is unreachable (${reason}); retry later`, [], UNAVAILABLE_RETRY_AFTER_SECONDS);
  }
}

/** Connection-level failures (refused, reset, timed out, server shutting down): the database is down, not the query wrong. */
const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);

/** Whether an error from the database driver means "cannot reach the database" (as opposed to a bad statement). */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  // pg reports a dropped or timed-out connection without a code.
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(message);
}
