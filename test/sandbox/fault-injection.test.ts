import type { FaultOptions } from '../../src/sandbox/server';
import type { RunningSandbox } from '../../src/sandbox/server';
import { call, smallPortal, TOKEN, withSandbox } from './sandbox-test-kit';

/** One request's outcome: its status, 'reset' when no answer came, 'truncated' when the body broke off. */
async function outcomeOf(sandbox: RunningSandbox, method: string, path: string, body?: unknown): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return 'reset';
  }
  try {
    JSON.parse(await response.text());
    return String(response.status);
  } catch {
    return 'truncated';
  }
}

/** Sends the same 60 writes and reads and records what came back (status, or 'reset'/'truncated'). */
async function run(faults: FaultOptions) {
  return withSandbox({ seed: smallPortal(5), faults }, async (sandbox) => {
    const outcomes: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      outcomes.push(
        index % 2 === 0
          ? await outcomeOf(sandbox, 'PATCH', '/crm/v3/objects/companies/1', { properties: { name: `Name ${index}` } })
          : await outcomeOf(sandbox, 'GET', '/crm/v3/objects/companies/1'),
      );
    }
    const history = sandbox.store.propertyHistory('companies', sandbox.store.getObject('companies', '1'), 'name').map((entry) => entry.value);
    return { outcomes, history, stats: sandbox.store.stats.snapshot() };
  });
}

const FAULTS: FaultOptions = {
  seed: 7,
  all: { tenSecondlyLimit: 0.1, dailyLimit: 0.05, status500: 0.05, status502: 0.05, status503: 0.05, reset: 0.1, truncate: 0.1, latency: 0.1, latencyMs: 5 },
};

describe('sandbox fault injection', () => {
  it('replays exactly the same faults for the same seed, and others for another seed', async () => {
    const first = await run(FAULTS);
    const replay = await run(FAULTS);
    const other = await run({ ...FAULTS, seed: 8 });
    expect(replay.outcomes).toEqual(first.outcomes);
    expect(other.outcomes).not.toEqual(first.outcomes);
    for (const kind of ['429', '500', '502', '503', 'reset']) expect(first.outcomes).toContain(kind);
    expect(first.outcomes).toContain('truncated');
  });

  it('changes no state on 429, 5xx and resets, and applies writes whose answer was truncated', async () => {
    const { outcomes, history } = await run(FAULTS);
    const applied = outcomes
      .map((outcome, index) => ({ outcome, index }))
      .filter(({ outcome, index }) => index % 2 === 0 && (outcome === '200' || outcome === 'truncated'))
      .map(({ index }) => `Name ${index}`);
    expect(history.slice(0, -1).reverse()).toEqual(applied);
    expect(history.at(-1)).toBe('Company 1');
  });

  it('counts every injected fault per endpoint in the stats', async () => {
    const { outcomes, stats } = await run(FAULTS);
    const update = stats.endpoints['objects.update'];
    const get = stats.endpoints['objects.get'];
    const injected = (kind: string) => (update?.faults[kind] ?? 0) + (get?.faults[kind] ?? 0);
    expect(injected('rate_limit_ten_secondly') + injected('rate_limit_daily')).toBe(outcomes.filter((outcome) => outcome === '429').length);
    expect(injected('reset')).toBe(outcomes.filter((outcome) => outcome === 'reset').length);
    expect(injected('truncated')).toBe(outcomes.filter((outcome) => outcome === 'truncated').length);
    expect(injected('status_503')).toBe(outcomes.filter((outcome) => outcome === '503').length);
    expect((update?.requests ?? 0) + (get?.requests ?? 0)).toBe(60);
  });

  it('injects only on the endpoints named, leaving others clean', async () => {
    const { outcomes } = await run({ seed: 1, endpoints: { 'objects.update': { status503: 1 } } });
    expect(outcomes.filter((_, index) => index % 2 === 0).every((outcome) => outcome === '503')).toBe(true);
    expect(outcomes.filter((_, index) => index % 2 === 1).every((outcome) => outcome === '200')).toBe(true);
  });

  it('answers injected 429s in HubSpot shape with the policy name', async () => {
    await withSandbox({ seed: smallPortal(1), faults: { seed: 3, all: { dailyLimit: 1 } } }, async (sandbox) => {
      const answer = await call(sandbox, 'GET', '/crm/v3/objects/companies');
      expect([answer.status, answer.json.policyName, answer.json.errorType]).toEqual([429, 'DAILY', 'RATE_LIMIT']);
    });
  });
});
