import Bottleneck from 'bottleneck';
import { HubSpotError, HubSpotErrorCode, toHubSpotError } from './hubspot-error';

export interface RateBudget {
  /** Requests per rolling 10 s for the whole portal (HubSpot: 100 Free/Starter, 190 Pro/Enterprise). */
  perTenSeconds?: number;
  /** Search requests per second (HubSpot: 5). */
  searchPerSecond?: number;
  /** Requests in flight at once. */
  maxConcurrent?: number;
}

export interface RetryPolicy {
  /** Attempts for 5xx and network failures, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a TEN_SECONDLY_ROLLING 429 pauses every request (HubSpot's window is 10 s). */
  rollingWindowMs?: number;
  /** How long a SECONDLY (search) 429 pauses search. */
  secondlyWindowMs?: number;
  /** 429s in a row after which the call gives up. */
  maxRateLimitWaits?: number;
  /**
   * How long one attempt may take, answer body included, before it counts as a network failure and
   * is retried. node-fetch 2 (under api-client 13.5) never settles a response whose connection drops
   * before its Content-Length is read, and has no timeout of its own.
   */
  attemptTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Settles with `attempt`, or rejects with a retryable network error once `timeoutMs` has passed.
 *
 * The attempt itself cannot be aborted (the api-client takes no AbortSignal and, in 13.5, ignores its
 * `httpAgent` option: its generated APIs run no middleware unless options are passed per call), so a
 * hung attempt is abandoned. Its socket is already closed in the truncated-body case, so nothing leaks.
 */
export function withDeadline<T>(attempt: Promise<T>, timeoutMs: number, kind: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HubSpotError(HubSpotErrorCode.Network, `HubSpot ${kind}: no complete answer within ${timeoutMs} ms (connection stalled or body cut short)`, { kind })),
      timeoutMs,
    );
  });
  return Promise.race([attempt, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Paces every HubSpot call and retries the ones worth retrying.
 *
 * Spacing requests `10 s / budget` apart keeps any rolling 10-second window within budget (a token
 * bucket would allow bursts past it); search gets its own limiter at `1 s / searchPerSecond` because
 * HubSpot counts it separately. 429s are handled by policy: the rolling window pauses every
 * request for one window, SECONDLY pauses search for a second, DAILY stops with no retry.
 */
export class RequestScheduler {
  private readonly general: Bottleneck;
  private readonly search: Bottleneck;
  private readonly retry: Required<RetryPolicy>;
  private pausedUntil = 0;
  private searchPausedUntil = 0;

  constructor(budget: RateBudget = {}, retry: RetryPolicy = {}) {
    const perTenSeconds = budget.perTenSeconds ?? 190;
    const searchPerSecond = budget.searchPerSecond ?? 5;
    const maxConcurrent = budget.maxConcurrent ?? 10;
    this.general = new Bottleneck({ maxConcurrent, minTime: Math.ceil(10_000 / perTenSeconds) });
    this.search = new Bottleneck({ maxConcurrent: Math.min(maxConcurrent, searchPerSecond), minTime: Math.ceil(1_000 / searchPerSecond) });
    this.retry = {
      maxAttempts: retry.maxAttempts ?? 5,
      baseDelayMs: retry.baseDelayMs ?? 250,
      maxDelayMs: retry.maxDelayMs ?? 8_000,
      rollingWindowMs: retry.rollingWindowMs ?? 10_000,
      secondlyWindowMs: retry.secondlyWindowMs ?? 1_000,
      maxRateLimitWaits: retry.maxRateLimitWaits ?? 6,
      attemptTimeoutMs: retry.attemptTimeoutMs ?? 30_000,
    };
  }

  /** Runs `request` under the budget, retrying 429/5xx/network failures and stalled attempts; throws a HubSpotError otherwise. */
  async run<T>(kind: string, request: () => Promise<T>, onAttempt: () => void): Promise<T> {
    const isSearch = kind === 'search';
    let failures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      await this.waitForPause(isSearch);
      try {
        const limiter = isSearch ? this.search : this.general;
        return await limiter.schedule(() => {
          onAttempt();
          return withDeadline(request(), this.retry.attemptTimeoutMs, kind);
        });
      } catch (raw) {
        const error = toHubSpotError(raw, kind);
        if (error.code === HubSpotErrorCode.RateLimited) {
          rateLimitWaits += 1;
          if (rateLimitWaits > this.retry.maxRateLimitWaits) throw error;
          this.pause(error.details.policyName === 'SECONDLY' || isSearch);
          continue;
        }
        if (!error.retryable) throw error;
        failures += 1;
        if (failures >= this.retry.maxAttempts) throw new HubSpotError(error.code, `${error.message} (gave up after ${failures} attempts)`, error.details);
        await sleep(this.backoff(failures));
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([this.general.stop({ dropWaitingJobs: true }), this.search.stop({ dropWaitingJobs: true })]);
  }

  private pause(search: boolean) {
    const now = Date.now();
    if (search) this.searchPausedUntil = Math.max(this.searchPausedUntil, now + this.retry.secondlyWindowMs);
    else this.pausedUntil = Math.max(this.pausedUntil, now + this.retry.rollingWindowMs);
  }

  private async waitForPause(search: boolean) {
    for (;;) {
      const until = search ? Math.max(this.searchPausedUntil, this.pausedUntil) : this.pausedUntil;
      const wait = until - Date.now();
      if (wait <= 0) return;
      await sleep(wait);
    }
  }

  /** Full-jitter exponential backoff, bounded: spreads retries of many callers apart. */
  private backoff(failures: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (failures - 1));
    return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  }
}
