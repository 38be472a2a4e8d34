import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logging/logger';
import { ChangeCoalescer } from '../../src/server/change-coalescer';
import { matchViewer } from '../../src/app/card-request';
import { createBackend, type BackendHandlers, type BackendOptions, type CardAnswer, type RecomputeOutcome } from '../../src/server/create-backend';
import { closeGracefully } from '../../src/server/graceful-shutdown';
import { signRequest } from '../../src/server/hubspot-signature-v3';

export const SECRET = 'cs-health-test-client-secret-4f1e9a';
export const PUBLIC_BASE = 'https://cs-health.example.com';
export const PORTAL = 424242;

/** The portal's owners in the harness: the viewer check runs on these. */
export const OWNERS = [
  { id: '501', userId: 7, email: 'ana@example.com' },
  { id: '502', userId: 8, email: 'ben@example.com' },
];

/**
 * Small real handlers: a card that answers from a record table, a recompute that keeps a score per
 * company. Company 103's write is refused, 104's token is refused, 105 meets a busy HubSpot.
 */
export function recordingHandlers() {
  const calls: { kind: 'card' | 'recompute' | 'identify'; args: unknown[] }[] = [];
  const scores = new Map<string, number>([['101', 82], ['102', 35], ['103', 60]]);
  const handlers: BackendHandlers = {
    async identify(claim) {
      calls.push({ kind: 'identify', args: [claim] });
      return matchViewer(OWNERS, claim);
    },
    async card(name, input, caller): Promise<CardAnswer> {
      calls.push({ kind: 'card', args: [name, input, caller] });
      if (caller.userId === undefined) return { status: 'error', code: 'FORBIDDEN', message: 'sign in to HubSpot to see this card' };
      const score = scores.get(input.recordId);
      if (score === undefined) return { status: 'error', code: 'NOT_FOUND', message: `company ${input.recordId} was not found` };
      return { status: 'ok', view: { card: name, recordId: input.recordId, score, viewer: caller.userId } };
    },
    async recomputeHealth(companyId): Promise<RecomputeOutcome> {
      calls.push({ kind: 'recompute', args: [companyId] });
      if (companyId === '103') return { status: 'failed', retryable: false, message: 'HubSpot refused the write of company 103: cs_health_score: not a number' };
      if (companyId === '104') return { status: 'failed', retryable: false, message: "HubSpot refused cs-health's access token" };
      if (companyId === '105') return { status: 'failed', retryable: true, message: 'HubSpot is busy or unreachable' };
      const score = scores.get(companyId);
      if (score === undefined) return { status: 'not_found' };
      return { status: 'ok', fields: { score, band: score > 75 ? 'healthy' : score > 50 ? 'neutral' : 'at_risk', churn_risk: score > 50 ? 'low' : 'high' } };
    },
  };
  return { handlers, calls };
}

export interface CallOptions {
  method?: string;
  /** Sign the request like HubSpot (default true). */
  sign?: boolean;
  /** Send this text instead of JSON.stringify(body). */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Sign with another secret, URL or time than the real request uses. */
  signWith?: { secret?: string; url?: string; now?: number; body?: string };
}

export interface Answer {
  status: number;
  text: string;
  json: any;
}

export interface RunningBackend {
  base: string;
  call(path: string, body?: unknown, options?: CallOptions): Promise<Answer>;
  logs: string[];
  calls: ReturnType<typeof recordingHandlers>['calls'];
  coalescer: ChangeCoalescer;
  recomputed: string[][];
  close(): Promise<void>;
}

/** Starts the real backend on 127.0.0.1:0 with recording handlers and captured logs. */
export async function startBackend(overrides: Partial<BackendOptions> = {}): Promise<RunningBackend> {
  const logs: string[] = [];
  const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) }) });
  const { handlers, calls } = recordingHandlers();
  const recomputed: string[][] = [];
  const coalescer = new ChangeCoalescer({
    companiesOf: async (_type, ids) => ids.map((id) => `9${id}`),
    recompute: async (ids) => {
      recomputed.push(ids);
    },
    debounceMs: 20,
    maxWaitMs: 100,
  });
  const app = createBackend({ clientSecret: SECRET, publicBaseUrl: PUBLIC_BASE, handlers, logger, coalescer, portalId: PORTAL, cards: ['customer-health', 'my-objectives'], ...overrides });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const call = async (path: string, body?: unknown, options: CallOptions = {}): Promise<Answer> => {
    const method = options.method ?? 'POST';
    const raw = options.raw ?? (body === undefined ? '' : JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.sign !== false) {
      const signWith = options.signWith ?? {};
      Object.assign(headers, signRequest({ secret: signWith.secret ?? SECRET, method, url: signWith.url ?? `${PUBLIC_BASE}${path}`, body: signWith.body ?? raw, now: signWith.now }));
    }
    const payload = typeof raw === 'string' ? raw : new Uint8Array(raw);
    const response = await fetch(`${base}${path}`, { method, headers, body: method === 'GET' ? undefined : payload });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
  return { base, call, logs, calls, coalescer, recomputed, close: () => closeGracefully(server, 2_000) };
}
