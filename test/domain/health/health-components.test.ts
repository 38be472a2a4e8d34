import fc from 'fast-check';
import { DEFAULT_ENGINE_CONFIG as config, type EngineConfig } from '../../../src/domain/config/engine-config';
import { loadEngineConfig } from '../../../src/domain/config/load-engine-config';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { healthBand } from '../../../src/domain/health/health-band';
import { readComponent } from '../../../src/domain/health/health-components';
import { scoreHealth } from '../../../src/domain/health/health-score';
import { scoreLinear, scoreThreshold } from '../../../src/domain/health/scoring-rules';
import type { Customer } from '../../../src/domain/customer';
import { at, createMockCustomer, csat, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * 86_400_000);

const reading = (key: Parameters<typeof readComponent>[0], customer: Customer, cfg: EngineConfig = config) => readComponent(key, signalsAt(customer, cfg, asOf), cfg);
const subScore = (key: Parameters<typeof readComponent>[0], customer: Customer, cfg: EngineConfig = config) => {
  const r = reading(key, customer, cfg);
  return r.status === 'scored' ? r.subScore : undefined;
};

describe('scoring rules', () => {
  it('scores linearly between zeroAt and fullAt and clamps outside, in either direction', () => {
    expect(scoreLinear(30, { zeroAt: 90, fullAt: 14 })).toBeCloseTo(78.947, 3);
    expect(scoreLinear(5, { zeroAt: 90, fullAt: 14 })).toBe(100);
    expect(scoreLinear(200, { zeroAt: 90, fullAt: 14 })).toBe(0);
    expect(scoreLinear(25, { zeroAt: 0, fullAt: 100 })).toBe(25);
  });

  it('scores thresholds by the first step the value does not exceed', () => {
    const rule = { steps: [{ upTo: 0, score: 100 }, { upTo: 1, score: 60 }, { upTo: 2, score: 30 }], above: 0 };
    expect([0, 1, 2, 3, 9].map((v) => scoreThreshold(v, rule))).toEqual([100, 60, 30, 0, 0]);
  });
});

describe('health components, worked by hand', () => {
  it('usage: the usage score, the touches, or both averaged', () => {
    expect(subScore('usage', createMockCustomer({ engagement: { usageScore: 80 } }))).toBe(80);
    // 3 touches on a 0..6 range = 50.
    expect(subScore('usage', createMockCustomer({ engagement: { touchesLast90Days: 3 } }))).toBe(50);
    const both = reading('usage', createMockCustomer({ engagement: { usageScore: 80, touchesLast90Days: 3 } }));
    expect(both).toEqual({ status: 'scored', value: 80, unit: 'usage score', summary: 'usage score 80 / 100, 3 touches in 90 days', subScore: 65 });
    expect(reading('usage', createMockCustomer())).toEqual({ status: 'no_data', reason: 'no product usage or touch count recorded' });
  });

  it('support: the worse of open high-priority tickets and ticket volume against the segment norm', () => {
    const tickets = [
      ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }),
      ticket('2026-11-10T00:00:00Z', { priority: 'HIGH' }),
      ticket('2026-10-01T00:00:00Z', { priority: 'HIGH', isClosed: true, closedAt: at('2026-10-02T00:00:00Z') }),
      ticket('2026-10-05T00:00:00Z', { priority: 'LOW' }),
      ticket('2026-09-10T00:00:00Z'),
      ticket('2026-09-01T00:00:00Z'),
      ticket('2026-05-01T00:00:00Z'),
    ];
    // 2 open high-priority = 30; 6 tickets in 90 days vs norm 4 = 1.5x, on 3x..1x = 75; the worse is 30.
    const customer = createMockCustomer({ tickets });
    expect(reading('supportLoad', customer)).toEqual({ status: 'scored', value: 2, unit: 'open high-priority tickets', summary: '2 open high-priority tickets, 6 tickets in 90 days (usual: 4)', subScore: 30 });
    // The same volume with nothing urgent open: the volume decides (75).
    const busy = createMockCustomer({ tickets: tickets.map((t) => ({ ...t, priority: 'LOW' as const })) });
    expect(subScore('supportLoad', busy)).toBe(75);
    // Gold accounts usually open 12 tickets: 0.5x the norm scores 100.
    const goldNorms = loadEngineConfig({ health: { ticketNorms: { segments: { gold: 12 } } } });
    expect(subScore('supportLoad', { ...busy, segment: 'gold' }, goldNorms)).toBe(100);
    expect(subScore('supportLoad', { ...busy, segment: 'silver' }, goldNorms)).toBe(75);
  });

  it('resolution: the median hours to close over the ticket window', () => {
    const closed = (created: string, hours: number) => ticket(created, { isClosed: true, closedAt: new Date(at(created).getTime() + hours * 3_600_000) });
    // Median of 24, 48 and 132 h = 48 h, on 240..24 h = 88.9; the ticket closed 100 days ago is outside the window.
    const customer = createMockCustomer({ tickets: [closed('2026-10-01T00:00:00Z', 24), closed('2026-10-10T00:00:00Z', 48), closed('2026-11-01T00:00:00Z', 132), closed('2026-08-01T00:00:00Z', 1)] });
    expect(reading('resolution', customer)).toMatchObject({ value: 48, summary: 'tickets closed in a median 48 h' });
    expect(subScore('resolution', customer)).toBeCloseTo(88.889, 3);
    expect(reading('resolution', createMockCustomer())).toEqual({ status: 'no_data', reason: 'no ticket closed in the last 90 days' });
  });

  it('sentiment: NPS and CSAT each scored by their rule, then averaged', () => {
    // NPS 10, 9, 6 = 33.3 on -50..50 = 83.3; CSAT 5, 4, 2 = 66.7 % on 50..90 = 41.7; mean 62.5.
    const customer = createMockCustomer({ feedback: [nps(10), nps(9), nps(6), csat(5), csat(4), csat(2)] });
    expect(reading('sentiment', customer)).toMatchObject({ summary: 'NPS 33 (3 answers), CSAT 67 %' });
    expect(subScore('sentiment', customer)).toBeCloseTo(62.5, 6);
    expect(subScore('sentiment', createMockCustomer({ feedback: [csat(5), csat(1)] }))).toBe(0);
  });

  it('commercial: MRR now against 90 days ago', () => {
    // 1,000 down to 800 = -20 % on -25..+10 % = 14.3.
    const customer = createMockCustomer({ deals: [wonDeal(1000, '2025-01-01T00:00:00Z', '2026-10-01T00:00:00Z'), wonDeal(800, '2026-10-01T00:00:00Z')] });
    expect(reading('commercial', customer)).toMatchObject({ value: -20, summary: 'MRR down 20 % over 90 days' });
    expect(subScore('commercial', customer)).toBeCloseTo(14.286, 3);
    expect(reading('commercial', createMockCustomer())).toEqual({ status: 'no_data', reason: 'no recurring revenue' });
  });

  it('relationship: days since the last call, email or meeting', () => {
    const customer = createMockCustomer({ engagement: { lastTouchAt: daysAgo(30) } });
    expect(reading('relationship', customer)).toMatchObject({ value: 30, summary: 'last touch 30 days ago' });
    expect(subScore('relationship', customer)).toBeCloseTo(78.947, 3);
  });
});

describe('scoreHealth composition', () => {
  it('re-normalises the weights over the components with data and says which had none', () => {
    // Only support (no tickets over a contract running the whole window: 100, weight 15) and sentiment
    // (one detractor: NPS -100 scores 0, weight 20) have data; the flat MRR scores commercial too.
    const customer = createMockCustomer({ feedback: [nps(0)], deals: [wonDeal(1000, '2024-01-01T00:00:00Z')] });
    const health = scoreHealth(customer, config, asOf);
    expect(health.missing).toEqual(['usage', 'resolution', 'relationship']);
    // Commercial: MRR flat scores (0 - -25) / 35 x 100 = 71.43.
    expect(health.score).toBeCloseTo((100 * 15 + 0 * 20 + (25 / 35) * 100 * 15) / 50, 9);
    expect(health.components.filter((c) => c.effectiveWeight > 0).map((c) => [c.key, c.effectiveWeight])).toEqual([['supportLoad', 15 / 50], ['sentiment', 20 / 50], ['commercial', 15 / 50]]);
  });

  it('ignores an override from the moment it expires', () => {
    const customer = createMockCustomer({ override: { score: 10, reason: 'Champion left', expiresAt: asOf } });
    expect(scoreHealth(customer, config, asOf).override).toBeUndefined();
    expect(scoreHealth(customer, config, daysAgo(1)).finalScore).toBe(10);
  });

  it('uses the configured band cut-offs', () => {
    const custom = loadEngineConfig({ health: { bands: { atRiskUpTo: 40, neutralUpTo: 60 } } });
    expect([40, 41, 60, 61].map((s) => healthBand(s, custom))).toEqual(['at_risk', 'neutral', 'neutral', 'healthy']);
  });

  it('keeps contributions summing to the score under any weights and scorecard (property)', () => {
    const weightArb = fc.integer({ min: 0, max: 50 });
    fc.assert(
      fc.property(
        fc.tuple(weightArb, weightArb, weightArb, weightArb, weightArb, fc.integer({ min: 1, max: 50 })),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
        fc.integer({ min: 0, max: 12 }),
        ([usage, supportLoad, resolution, sentiment, commercial, relationship], usageScore, answers, tickets) => {
          const cfg = loadEngineConfig({ health: { weights: { usage, supportLoad, resolution, sentiment, commercial, relationship } } });
          const customer = createMockCustomer({
            engagement: { usageScore, lastTouchAt: daysAgo(20) },
            feedback: answers.map((v) => nps(v)),
            tickets: Array.from({ length: tickets }, (_, i) => ticket(daysAgo(i * 9 + 1).toISOString(), { priority: i % 2 ? 'HIGH' : 'LOW' })),
          });
          const h = scoreHealth(customer, cfg, asOf);
          const sum = h.components.reduce((s, c) => s + c.contribution, 0);
          const weights = h.components.reduce((s, c) => s + c.effectiveWeight, 0);
          return h.score >= 0 && h.score <= 100 && Math.abs(sum - h.score) < 1e-9 && Math.abs(weights - 1) < 1e-9;
        },
      ),
    );
  });
});
