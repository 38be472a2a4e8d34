import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Probabilities (0..1) of each fault for one request; they are tried in this order and must sum to <= 1. */
export interface FaultRates {
  /** 429 with policyName TEN_SECONDLY_ROLLING */
  tenSecondlyLimit?: number;
  /** 429 with policyName DAILY */
  dailyLimit?: number;
  status500?: number;
  status502?: number;
  status503?: number;
  /** The socket is destroyed before any answer (the request changed nothing). */
  reset?: number;
  /** The request is handled (writes apply) but the body is cut in half and the socket destroyed. */
  truncate?: number;
  /** Probability of added latency, independent of the faults above. */
  latency?: number;
  /** Added latency in ms when it applies (default 200). */
  latencyMs?: number;
}

export interface FaultOptions {
  /** Seed of the PRNG: the same seed and the same request sequence replay the same faults. */
  seed: number;
  /** Rates for every endpoint. */
  all?: FaultRates;
  /** Rates per endpoint kind (see `listEndpoints()`), overriding `all` field by field. */
  endpoints?: Record<string, FaultRates>;
}

export type InjectedFault = 'rate_limit_ten_secondly' | 'rate_limit_daily' | 'status_500' | 'status_502' | 'status_503' | 'reset' | 'truncated';

export interface FaultDecision {
  fault?: InjectedFault;
  latencyMs: number;
}

const ORDER: [keyof FaultRates, InjectedFault][] = [
  ['tenSecondlyLimit', 'rate_limit_ten_secondly'],
  ['dailyLimit', 'rate_limit_daily'],
  ['status500', 'status_500'],
  ['status502', 'status_502'],
  ['status503', 'status_503'],
  ['reset', 'reset'],
  ['truncate', 'truncated'],
];

/**
 * Decides, per request, whether to inject a fault. Two draws per request from one seeded
 * xoroshiro128+ stream, whatever the outcome, so a run with the same request order replays exactly.
 */
export class FaultInjector {
  private readonly rng;

  constructor(private readonly options: FaultOptions) {
    this.rng = xoroshiro128plus(options.seed);
  }

  decide(endpointKind: string): FaultDecision {
    const rates = { ...this.options.all, ...this.options.endpoints?.[endpointKind] };
    const faultDraw = uniformFloat64(this.rng);
    const latencyDraw = uniformFloat64(this.rng);
    let threshold = 0;
    let fault: InjectedFault | undefined;
    for (const [rateName, name] of ORDER) {
      threshold += (rates[rateName] as number | undefined) ?? 0;
      if (faultDraw < threshold) {
        fault = name;
        break;
      }
    }
    const latencyMs = latencyDraw < (rates.latency ?? 0) ? (rates.latencyMs ?? 200) : 0;
    return { fault, latencyMs };
  }
}
