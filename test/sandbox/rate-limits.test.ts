import { call, smallPortal, withSandbox } from './sandbox-test-kit';

describe('sandbox rate limits', () => {
  it('sends HubSpot rate-limit headers and refuses the request over the 10-second budget with TEN_SECONDLY_ROLLING', async () => {
    await withSandbox({ seed: smallPortal(1), rateLimits: { tenSecondly: 3 } }, async (sandbox) => {
      const answers = [];
      for (let index = 0; index < 4; index += 1) answers.push(await call(sandbox, 'GET', '/crm/v3/objects/companies'));
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((answer) => answer.headers.get('x-hubspot-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
      expect(answers[0]?.headers.get('x-hubspot-ratelimit-max')).toBe('3');
      expect(answers[0]?.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
      expect(answers[0]?.headers.get('x-hubspot-ratelimit-daily')).toBeTruthy();
      expect(answers[3]?.json).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
      expect(typeof answers[3]?.json.correlationId).toBe('string');
      expect(sandbox.store.stats.snapshot().endpoints['objects.list']?.rateLimited).toBe(1);
    });
  });

  it('counts the budget per token', async () => {
    await withSandbox({ token: undefined, seed: smallPortal(1), rateLimits: { tenSecondly: 1 } }, async (sandbox) => {
      const first = await call(sandbox, 'GET', '/crm/v3/objects/companies', undefined, { authorization: 'Bearer a' });
      const other = await call(sandbox, 'GET', '/crm/v3/objects/companies', undefined, { authorization: 'Bearer b' });
      const again = await call(sandbox, 'GET', '/crm/v3/objects/companies', undefined, { authorization: 'Bearer a' });
      expect([first.status, other.status, again.status]).toEqual([200, 200, 429]);
    });
  });

  it('refuses past the daily budget with DAILY', async () => {
    await withSandbox({ seed: smallPortal(1), rateLimits: { daily: 2 } }, async (sandbox) => {
      await call(sandbox, 'GET', '/crm/v3/objects/companies');
      const last = await call(sandbox, 'GET', '/crm/v3/objects/companies');
      expect(last.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
      const refused = await call(sandbox, 'GET', '/crm/v3/objects/companies');
      expect([refused.status, refused.json.policyName]).toEqual([429, 'DAILY']);
    });
  });

  it('limits search per second with SECONDLY and without the 10-second headers', async () => {
    await withSandbox({ seed: smallPortal(1), rateLimits: { searchPerSecond: 2 } }, async (sandbox) => {
      const statuses: number[] = [];
      let refused;
      // Three searches within one clock second: retry the burst if it straddled a second boundary.
      for (let attempt = 0; attempt < 5 && !refused; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
        statuses.length = 0;
        for (let index = 0; index < 3; index += 1) {
          const answer = await call(sandbox, 'POST', '/crm/v3/objects/companies/search', { limit: 1 });
          statuses.push(answer.status);
          if (answer.status === 429) refused = answer;
        }
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(refused?.json.policyName).toBe('SECONDLY');
      expect(refused?.headers.get('x-hubspot-ratelimit-max')).toBeNull();
      const list = await call(sandbox, 'GET', '/crm/v3/objects/companies');
      expect(list.status).toBe(200);
    });
  });
});
