import { RateLimiter } from '../../../src/sandbox/http/rate-limiter';

describe('RateLimiter', () => {
  it('frees the 10-second budget as requests leave the rolling window, not at fixed boundaries', () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0, 0);
    const limiter = new RateLimiter({ tenSecondly: 2 }, () => now);
    expect(limiter.check('t', false).refusedBy).toBeUndefined();
    now += 6_000;
    expect(limiter.check('t', false).refusedBy).toBeUndefined();
    now += 3_000;
    expect(limiter.check('t', false).refusedBy).toBe('TEN_SECONDLY_ROLLING');
    now += 1_100; // the first request is now more than 10 s old
    expect(limiter.check('t', false).refusedBy).toBeUndefined();
    expect(limiter.check('t', false).refusedBy).toBe('TEN_SECONDLY_ROLLING');
  });

  it('restarts the daily budget on a new UTC day', () => {
    let now = Date.UTC(2026, 0, 1, 23, 59, 59);
    const limiter = new RateLimiter({ daily: 1 }, () => now);
    limiter.check('t', false);
    expect(limiter.check('t', false).refusedBy).toBe('DAILY');
    now = Date.UTC(2026, 0, 2, 0, 0, 1);
    expect(limiter.check('t', false).refusedBy).toBeUndefined();
  });

  it('keeps search out of the 10-second window but inside the daily budget', () => {
    const now = Date.UTC(2026, 0, 1);
    const limiter = new RateLimiter({ tenSecondly: 1, searchPerSecond: 5, daily: 3 }, () => now);
    expect(limiter.check('t', false).refusedBy).toBeUndefined();
    expect(limiter.check('t', true).refusedBy).toBeUndefined();
    expect(limiter.check('t', true).headers).toEqual({});
    expect(limiter.check('t', true).refusedBy).toBe('DAILY');
  });
});
