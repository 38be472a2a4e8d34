import fc from 'fast-check';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { loadEngineConfig } from '../../../src/domain/config/load-engine-config';
import { healthBand } from '../../../src/domain/health/health-band';
import { scoreHealth } from '../../../src/domain/health/health-score';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');

/** Usage 80, no open tickets, NPS 33 (10, 9, 6), flat MRR, last touch 14 days ago, no closed tickets. */
const steadyCustomer = () =>
  createMockCustomer({
    engagement: { usageScore: 80, lastTouchAt: at('2026-11-08T00:00:00Z') },
    feedback: [nps(10, '2026-10-01T00:00:00Z'), nps(9, '2026-09-01T00:00:00Z'), nps(6, '2026-08-01T00:00:00Z')],
    deals: [wonDeal(1000, '2025-06-01T00:00:00Z')],
  });

describe('scoreHealth', () => {
  it('weights each component by its rule and re-normalises over the components with data', () => {
    const health = scoreHealth(steadyCustomer(), config, asOf);
    // (80x25 + 100x15 + 83.33x20 + 71.43x15 + 100x15) / 90: resolution has no data, its 10 points of weight go to the others.
    expect(health.score).toBeCloseTo(85.979, 2);
    expect(health.missing).toEqual(['resolution']);
    expect(health.band).toBe('healthy');
    const resolution = health.components.find((c) => c.key === 'resolution');
    expect(resolution?.reading).toEqual({ status: 'no_data', reason: 'no ticket closed in the last 90 days' });
    expect(resolution?.effectiveWeight).toBe(0);
    expect(health.components.find((c) => c.key === 'usage')?.effectiveWeight).toBeCloseTo(25 / 90);
  });

  it('explains each component in words', () => {
    const health = scoreHealth(steadyCustomer(), config, asOf);
    const summaries = Object.fromEntries(health.components.map((c) => [c.key, c.reading.status === 'scored' ? c.reading.summary : c.reading.reason]));
    expect(summaries).toEqual({
      usage: 'usage score 80 / 100',
      supportLoad: '0 open high-priority tickets, 0 tickets in 90 days (usual: 4)',
      resolution: 'no ticket closed in the last 90 days',
      sentiment: 'NPS 33 (3 answers)',
      commercial: 'MRR flat over 90 days',
      relationship: 'last touch 14 days ago',
    });
  });

  it('scores a failing account low and says no feedback when nobody answered', () => {
    const failing = createMockCustomer({
      engagement: { usageScore: 15, lastTouchAt: at('2026-08-01T00:00:00Z') },
      tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-10T00:00:00Z', { priority: 'HIGH' }), ticket('2026-11-15T00:00:00Z', { priority: 'HIGH' })],
      deals: [wonDeal(1000, '2025-01-01T00:00:00Z', '2026-09-01T00:00:00Z'), wonDeal(600, '2026-09-01T00:00:00Z', '2027-01-15T00:00:00Z')],
    });
    const health = scoreHealth(failing, config, asOf);
    expect(health.band).toBe('at_risk');
    expect(health.finalScore).toBeLessThan(20);
    expect(health.components.find((c) => c.key === 'sentiment')?.reading).toEqual({ status: 'no_data', reason: 'no feedback yet' });
  });

  it('lets a CSM override win until it expires, keeping the computed breakdown', () => {
    const override = { score: 30, reason: 'Champion left last week', author: 'csm@example.com', expiresAt: at('2026-12-01T00:00:00Z') };
    const customer = { ...steadyCustomer(), override };
    const during = scoreHealth(customer, config, asOf);
    expect(during.finalScore).toBe(30);
    expect(during.band).toBe('at_risk');
    expect(during.override?.reason).toBe('Champion left last week');
    // The override as given, marked active, with its keys in the same order.
    expect(during.override).toEqual({ ...override, active: true });
    expect(Object.keys(during.override ?? {})).toEqual(['score', 'reason', 'author', 'expiresAt', 'active']);
    expect(during.score).toBeCloseTo(85.979, 2);
    const after = scoreHealth(customer, config, at('2026-12-02T00:00:00Z'));
    expect(after.override).toBeUndefined();
    expect(after.finalScore).toBe(after.score);
  });

  it('uses the segment scorecard when one is configured', () => {
    const goldConfig = loadEngineConfig({ health: { segments: { gold: { usage: 0 } } } });
    const health = scoreHealth({ ...steadyCustomer(), segment: 'gold' }, goldConfig, asOf);
    expect(health.scorecard).toBe('gold');
    expect(health.components.find((c) => c.key === 'usage')?.contribution).toBe(0);
    expect(health.missing).toContain('usage');
  });

  it('explains the change over 30 days by the components that moved', () => {
    const customer = steadyCustomer();
    customer.tickets = [ticket('2026-11-05T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-06T00:00:00Z', { priority: 'HIGH' })];
    const health = scoreHealth(customer, config, asOf);
    expect(health.trend?.change).toBeLessThan(0);
    expect(health.trend?.movers[0].key).toBe('supportLoad');
    expect(health.trend?.heldAtCurrent).toEqual(['relationship', 'usage']);
  });

  it('takes the previous score from the stored history when there is one', () => {
    const customer = { ...steadyCustomer(), healthHistory: [{ at: at('2026-10-21T00:00:00Z'), value: 60 }] };
    const health = scoreHealth(customer, config, asOf);
    expect(health.trend?.source).toBe('history');
    expect(health.trend?.previousScore).toBe(60);
  });

  it('keeps the score within 0-100 and the contributions summing to it (property)', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
        (usageScore, answers, urgent, touchDaysAgo) => {
          const customer = createMockCustomer({
            engagement: { usageScore, lastTouchAt: touchDaysAgo === undefined ? undefined : new Date(asOf.getTime() - touchDaysAgo * 86_400_000) },
            feedback: answers.map((v) => nps(v)),
            tickets: Array.from({ length: urgent }, () => ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' })),
          });
          const h = scoreHealth(customer, config, asOf);
          const sum = h.components.reduce((s, c) => s + c.contribution, 0);
          return h.score >= 0 && h.score <= 100 && Math.abs(sum - h.score) < 1e-9;
        },
      ),
    );
  });
});

describe('healthBand', () => {
  it('cuts at 50 and 75 by default', () => {
    expect([0, 50, 50.4, 51, 75, 76, 100].map((s) => healthBand(s, config))).toEqual(['at_risk', 'at_risk', 'at_risk', 'neutral', 'neutral', 'healthy', 'healthy']);
  });

  it('never falls to a worse band when the score rises (property)', () => {
    const rank = { at_risk: 0, neutral: 1, healthy: 2 };
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      return rank[healthBand(low, config)] <= rank[healthBand(high, config)];
    }));
  });
});
