import { Client } from '@hubspot/api-client';
import { RequestScheduler, type RateBudget, type RetryPolicy } from './request-scheduler';
import { WarningCounter } from './warning-counter';

/** What a call does, for the per-kind counts the sync reports (e.g. `deals.batchRead`). */
export type CallKind = string;

export interface HubSpotGatewayOptions {
  /** Default HubSpot's `https://api.hubapi.com`; the sandbox's URL in tests and the demo. */
  basePath?: string;
  accessToken?: string;
  budget?: RateBudget;
  retry?: RetryPolicy;
}

export interface HubSpotGateway {
  /** Runs one API call under the budget and retry policy, counted under `kind`. */
  call<T>(kind: CallKind, request: (client: Client) => Promise<T>): Promise<T>;
  /** HTTP requests made so far per kind, retries included (they cost budget too). */
  callCounts(): Record<CallKind, number>;
  totalCalls(): number;
  /** Bad or missing values met while parsing payloads, per kind (e.g. `deal.amount.invalid`). */
  readonly warnings: WarningCounter;
  /**
   * A view of this gateway (same client, budget and warnings) that counts only the calls made
   * through it, each still counted here too: what one job costs where several share a worker's
   * gateway at once. Closing the view leaves the gateway open.
   */
  scoped(): HubSpotGateway;
  /** Stops the limiters; pending calls are dropped. */
  close(): Promise<void>;
}

/**
 * The data layer's only way to HubSpot: one api-client, paced and counted.
 *
 * The api-client's own retries and limiter stay off (`numberOfApiCallRetries` and `limiterOptions`
 * unset): they ignore Retry-After and HubSpot's 429 policies, which the scheduler handles.
 *
 * @example
 * const gateway = createHubSpotGateway({ basePath: 'http://127.0.0.1:4010', accessToken: 'x' });
 * await gateway.call('owners', (client) => client.crm.owners.ownersApi.getPage());
 * gateway.callCounts(); // { owners: 1 }
 */
export function createHubSpotGateway(options: HubSpotGatewayOptions = {}): HubSpotGateway {
  const client = new Client({ accessToken: options.accessToken, ...(options.basePath ? { basePath: options.basePath.replace(/\/$/, '') } : {}) });
  const scheduler = new RequestScheduler(options.budget, options.retry);
  const warnings = new WarningCounter();
  const countingInto = (tallies: Record<string, number>[], close: () => Promise<void>): HubSpotGateway => {
    const counts: Record<string, number> = {};
    const all = [counts, ...tallies];
    return {
      call: (kind, request) =>
        scheduler.run(
          kind,
          () => request(client),
          () => {
            for (const t of all) t[kind] = (t[kind] ?? 0) + 1;
          },
        ),
      callCounts: () => ({ ...counts }),
      totalCalls: () => Object.values(counts).reduce((sum, count) => sum + count, 0),
      warnings,
      scoped: () => countingInto(all, async () => undefined),
      close,
    };
  };
  return countingInto([], () => scheduler.stop());
}
