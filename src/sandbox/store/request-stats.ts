/** What happened to one request, for `/_sandbox/stats`. */
export type RequestOutcome = 'ok' | 'client_error' | 'server_error' | 'rate_limited' | 'fault';

export interface EndpointStats {
  requests: number;
  ok: number;
  clientErrors: number;
  serverErrors: number;
  rateLimited: number;
  /** Requests whose connection dropped before an answer (injected resets, clients that gave up). */
  dropped: number;
  /** Injected faults by kind (e.g. `status_503`, `reset`, `truncated`, `latency`). */
  faults: Record<string, number>;
}

/** Request counters per endpoint kind (e.g. `objects.search`), so tests can assert call counts. */
export class RequestStats {
  private readonly byEndpoint = new Map<string, EndpointStats>();

  /** `status` 0 means the connection closed before an answer. */
  record(endpoint: string, status: number): void {
    const stats = this.entry(endpoint);
    stats.requests += 1;
    if (status === 0) stats.dropped += 1;
    else if (status === 429) stats.rateLimited += 1;
    else if (status >= 500) stats.serverErrors += 1;
    else if (status >= 400) stats.clientErrors += 1;
    else stats.ok += 1;
  }

  recordFault(endpoint: string, fault: string): void {
    const stats = this.entry(endpoint);
    stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
  }

  /** Requests seen for one endpoint kind (0 when never called). */
  count(endpoint: string): number {
    return this.byEndpoint.get(endpoint)?.requests ?? 0;
  }

  get total(): number {
    let total = 0;
    for (const stats of this.byEndpoint.values()) total += stats.requests;
    return total;
  }

  snapshot(): { total: number; endpoints: Record<string, EndpointStats> } {
    const endpoints: Record<string, EndpointStats> = {};
    for (const [name, stats] of this.byEndpoint) endpoints[name] = { ...stats, faults: { ...stats.faults } };
    return { total: this.total, endpoints };
  }

  reset(): void {
    this.byEndpoint.clear();
  }

  private entry(endpoint: string): EndpointStats {
    let stats = this.byEndpoint.get(endpoint);
    if (!stats) {
      stats = { requests: 0, ok: 0, clientErrors: 0, serverErrors: 0, rateLimited: 0, dropped: 0, faults: {} };
      this.byEndpoint.set(endpoint, stats);
    }
    return stats;
  }
}
