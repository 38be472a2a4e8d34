/** Per-token budgets, as HubSpot applies them to a portal's private app token. */
export interface RateLimitOptions {
  /** Requests per rolling 10 seconds (HubSpot: 100 Free/Starter, 190 Pro/Enterprise). */
  tenSecondly?: number;
  /** Requests per UTC day (HubSpot: 250,000 / 625,000 / 1,000,000). */
  daily?: number;
  /** Search requests per second (HubSpot: 5). */
  searchPerSecond?: number;
}

/** Generous defaults so tests and the demo never wait; the CLI flags set HubSpot's real figures. */
export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = { tenSecondly: 100_000, daily: 100_000_000, searchPerSecond: 1_000 };

export type RateLimitPolicy = 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY';

export interface RateLimitDecision {
  /** The policy that refused the request, if one did. */
  refusedBy?: RateLimitPolicy;
  /** HubSpot's `X-HubSpot-RateLimit-*` headers (search answers carry none, as in HubSpot). */
  headers: Record<string, string>;
}

const WINDOW_MS = 10_000;
const BUCKET_MS = 100;

interface TokenUsage {
  buckets: Map<number, number>;
  day: string;
  dayCount: number;
  searchSecond: number;
  searchCount: number;
}

/**
 * Counts requests per token in 100 ms buckets (a rolling 10-second window without keeping one
 * timestamp per request), per UTC day, and per second for search. Refused requests are not counted.
 */
export class RateLimiter {
  private readonly limits: Required<RateLimitOptions>;
  private readonly usage = new Map<string, TokenUsage>();

  constructor(limits: RateLimitOptions = {}, private readonly clock: () => number = Date.now) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...limits };
  }

  check(token: string, search: boolean): RateLimitDecision {
    const now = this.clock();
    const usage = this.usageOf(token, now);
    const inWindow = this.windowCount(usage, now);
    const refusedBy: RateLimitPolicy | undefined =
      usage.dayCount >= this.limits.daily
        ? 'DAILY'
        : search
          ? usage.searchCount >= this.limits.searchPerSecond
            ? 'SECONDLY'
            : undefined
          : inWindow >= this.limits.tenSecondly
            ? 'TEN_SECONDLY_ROLLING'
            : undefined;
    const counted = refusedBy === undefined ? 1 : 0;
    if (counted) {
      usage.dayCount += 1;
      if (search) usage.searchCount += 1;
      else {
        const bucket = Math.floor(now / BUCKET_MS);
        usage.buckets.set(bucket, (usage.buckets.get(bucket) ?? 0) + 1);
      }
    }
    const headers: Record<string, string> = search
      ? {}
      : {
          'X-HubSpot-RateLimit-Daily': String(this.limits.daily),
          'X-HubSpot-RateLimit-Daily-Remaining': String(Math.max(0, this.limits.daily - usage.dayCount)),
          'X-HubSpot-RateLimit-Interval-Milliseconds': String(WINDOW_MS),
          'X-HubSpot-RateLimit-Max': String(this.limits.tenSecondly),
          'X-HubSpot-RateLimit-Remaining': String(Math.max(0, this.limits.tenSecondly - inWindow - counted)),
        };
    return { refusedBy, headers };
  }

  reset(): void {
    this.usage.clear();
  }

  private usageOf(token: string, now: number): TokenUsage {
    let usage = this.usage.get(token);
    const day = new Date(now).toISOString().slice(0, 10);
    const second = Math.floor(now / 1000);
    if (!usage) {
      usage = { buckets: new Map(), day, dayCount: 0, searchSecond: second, searchCount: 0 };
      this.usage.set(token, usage);
    }
    if (usage.day !== day) {
      usage.day = day;
      usage.dayCount = 0;
    }
    if (usage.searchSecond !== second) {
      usage.searchSecond = second;
      usage.searchCount = 0;
    }
    return usage;
  }

  private windowCount(usage: TokenUsage, now: number): number {
    const oldest = Math.floor((now - WINDOW_MS) / BUCKET_MS);
    let count = 0;
    for (const [bucket, value] of usage.buckets) {
      if (bucket <= oldest) usage.buckets.delete(bucket);
      else count += value;
    }
    return count;
  }
}

/** HubSpot's 429 body. */
export function rateLimitBody(policy: RateLimitPolicy, correlationId: string) {
  const names: Record<RateLimitPolicy, string> = { TEN_SECONDLY_ROLLING: 'ten_secondly_rolling', DAILY: 'daily', SECONDLY: 'secondly' };
  return {
    status: 'error',
    message: `You have reached your ${names[policy]} limit.`,
    errorType: 'RATE_LIMIT',
    correlationId,
    policyName: policy,
    groupName: policy === 'SECONDLY' ? 'api-search' : 'api',
  };
}
