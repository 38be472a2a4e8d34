import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ChangeCoalescer } from '../../src/server/change-coalescer';
import { PORTAL, startBackend, type RunningBackend } from './backend-harness';

const WORKFLOW = '/hubspot/workflow-actions/recompute-health';
const action = (objectId: number) => ({ callbackId: `cb-${objectId}`, origin: { portalId: PORTAL }, object: { objectId, objectType: 'COMPANY' }, inputFields: {} });

describe('failures answered the way HubSpot expects them', () => {
  let backend: RunningBackend;
  beforeAll(async () => {
    backend = await startBackend();
  });
  afterAll(() => backend.close());

  it('reports a refused write or a refused token in the workflow history (FAIL_CONTINUE with the reason), not as a success', async () => {
    const refusedWrite = await backend.call(WORKFLOW, action(103));
    expect(refusedWrite.status).toBe(200);
    expect(refusedWrite.json).toEqual({ outputFields: { hs_execution_state: 'FAIL_CONTINUE', error: expect.stringContaining('refused the write of company 103') } });
    const refusedToken = await backend.call(WORKFLOW, action(104));
    expect(refusedToken.json.outputFields).toEqual({ hs_execution_state: 'FAIL_CONTINUE', error: expect.stringContaining('access token') });
    expect(refusedToken.text).not.toMatch(/score/);
  });

  it('answers 503 with Retry-After when HubSpot is busy, so HubSpot retries the action', async () => {
    const busy = await backend.call(WORKFLOW, action(105));
    expect(busy.status).toBe(503);
    expect(busy.json).toMatchObject({ status: 'error', code: 'UNAVAILABLE', message: expect.stringContaining('retry') });
  });

  it('answers success with SUCCESS and the fields workflows branch on', async () => {
    expect((await backend.call(WORKFLOW, action(101))).json).toEqual({ outputFields: { score: 82, band: 'healthy', churn_risk: 'low', hs_execution_state: 'SUCCESS' } });
  });

  it('refuses compressed bodies with 415 before checking or decoding them, even a valid gzip', async () => {
    const json = JSON.stringify(action(101));
    for (const [encoding, raw] of [['br', Buffer.from('not brotli at all')], ['gzip', gzipSync(json)], ['deflate', Buffer.from('x')], ['x-unknown', Buffer.from(json)]] as const) {
      const answer = await backend.call(WORKFLOW, undefined, { raw, headers: { 'content-encoding': encoding } });
      expect(answer.status).toBe(415);
      expect(answer.json).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining(encoding) });
    }
    expect(backend.logs.join('')).not.toMatch(/\n\s+at /);
    expect((await backend.call(WORKFLOW, action(101), { headers: { 'content-encoding': 'identity' } })).status).toBe(200);
  });

  it('counts an event naming a built-in type (constructor, __proto__, toString) as ignored and leaves nothing pending', async () => {
    const events = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'].map((name, i) => ({ eventId: 900 + i, subscriptionType: `${name}.propertyChange`, objectTypeId: name, objectId: 5, portalId: PORTAL }));
    const before = backend.coalescer.stats.ignored;
    expect((await backend.call('/hubspot/webhooks', events)).status).toBe(200);
    expect(backend.coalescer.stats.ignored - before).toBe(events.length);
    expect(backend.coalescer.pending).toBe(0);
  });

  it('cuts a client that sends its body one byte at a time', async () => {
    const slow = await startBackend({ timeouts: { requestTimeout: 300, headersTimeout: 300, checkIntervalMs: 50 } });
    try {
      const { port } = new URL(slow.base);
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1');
        let answer = '';
        let drip: NodeJS.Timeout | undefined;
        socket.on('connect', () => {
          socket.write(`POST /hubspot/webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
          drip = setInterval(() => socket.write('['), 100);
        });
        socket.on('data', (chunk) => (answer += String(chunk)));
        socket.on('close', () => {
          clearInterval(drip);
          resolve(answer.split('\r\n')[0] || 'closed without an answer');
        });
        socket.on('error', () => undefined);
      });
      expect(outcome).toMatch(/^(HTTP\/1\.1 408|closed without an answer)/);
    } finally {
      await slow.close();
    }
  });
});

describe('refused writes after webhooks', () => {
  it('retries a company whose write HubSpot refuses, then lists it instead of dropping it', async () => {
    const attemptsSeen: string[][] = [];
    const gaveUp: string[] = [];
    const coalescer = new ChangeCoalescer({
      companiesOf: async () => [],
      recompute: async (ids) => {
        attemptsSeen.push(ids);
        return { failed: ids.filter((id) => id === '7').map((id) => ({ id, message: 'cs_health_score: not a number' })) };
      },
      debounceMs: 1,
      retryDelayMs: 1,
      maxWaitMs: 5,
      maxAttempts: 3,
      onGiveUp: (failure) => gaveUp.push(failure.id),
    });
    coalescer.add([
      { eventId: '1', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: '7' },
      { eventId: '2', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: '8' },
    ]);
    for (let i = 0; i < 3; i += 1) await coalescer.flush();
    expect(attemptsSeen).toEqual([['7', '8'], ['7'], ['7']]);
    expect(coalescer.failedCompanies).toEqual([{ id: '7', message: 'cs_health_score: not a number', attempts: 3 }]);
    expect(gaveUp).toEqual(['7']);
    expect(coalescer.pending).toBe(0);
    expect(coalescer.stats).toMatchObject({ refusedWrites: 3, gaveUp: 1 });
    // A later change that writes cleanly takes it off the list.
    coalescer.add([{ eventId: '3', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: '8' }]);
    await coalescer.flush();
    expect(coalescer.failedCompanies.map((f) => f.id)).toEqual(['7']);
  });

  it('lists what is still pending after HubSpot failed every pass, instead of retrying forever', async () => {
    let passes = 0;
    const coalescer = new ChangeCoalescer({
      companiesOf: async () => {
        throw new Error('association read failed');
      },
      recompute: async () => {
        passes += 1;
        throw new Error('HubSpot unreachable');
      },
      debounceMs: 1,
      retryDelayMs: 1,
      maxWaitMs: 2,
      maxFailedPasses: 3,
    });
    coalescer.add([
      { eventId: '1', subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: '7' },
      { eventId: '2', subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: '40' },
    ]);
    for (let i = 0; i < 3; i += 1) await coalescer.flush();
    expect(passes).toBe(3);
    expect(coalescer.pending).toBe(0);
    expect(coalescer.failedCompanies).toEqual([
      { id: '7', message: expect.stringMatching(/still failing after 3 passes: (HubSpot unreachable|association read failed)/), attempts: 3 },
      { id: 'deals/40', message: expect.stringMatching(/still failing after 3 passes/), attempts: 3 },
    ]);
  });
});
