import fc from 'fast-check';
import { featureDate, fitChurnModel } from '../../../src/domain/churn-risk/churn-model';
import { assessChurnRisk, riskLevel } from '../../../src/domain/churn-risk/churn-risk';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import type { Customer } from '../../../src/domain/customer';
import { scoreHealth } from '../../../src/domain/health/health-score';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
const DAY = 86_400_000;
const daysBefore = (date: Date, days: number) => new Date(date.getTime() - days * DAY);
const healthy = { score: 90, band: 'healthy' as const };
/** A long-standing, open-ended customer touched recently: no rule fires on its own. */
const base = (extra: Partial<Customer> = {}) => createMockCustomer({ engagement: { lastTouchAt: daysBefore(asOf, 5) }, deals: [wonDeal(1000, '2024-01-01T00:00:00Z')], ...extra });
const risk = (customer: Customer, health: { score: number; band: 'healthy' | 'neutral' | 'at_risk' } = healthy) => assessChurnRisk(customer, health, config, asOf);

describe('churn risk rules, one at a time', () => {
  it('fires nothing on a calm account', () => {
    expect(risk(base())).toMatchObject({ score: 0, level: 'low', reasons: [] });
  });

  it('contraction: weight 20 x (0.5 + the share lost)', () => {
    const customer = base({ deals: [wonDeal(1000, '2024-01-01T00:00:00Z', '2026-10-01T00:00:00Z'), wonDeal(800, '2026-10-01T00:00:00Z')] });
    expect(risk(customer).reasons).toEqual([{ rule: 'contraction', reason: 'Contraction: MRR down 20 % in 90 days', points: expect.closeTo(14, 9) }]);
    expect(risk(customer).score).toBeCloseTo(14, 9);
  });

  it('no touch: past 45 days, weight 20 x days / 90', () => {
    const customer = base({ engagement: { lastTouchAt: daysBefore(asOf, 63) } });
    expect(risk(customer).reasons).toEqual([{ rule: 'noTouch', reason: 'No call, email or meeting in 63 days', points: expect.closeTo(14, 9) }]);
    expect(risk(base({ engagement: { lastTouchAt: daysBefore(asOf, 45) } })).reasons).toEqual([]);
  });

  it('ticket surge: tickets in the last 30 days against the monthly average of the 90 before', () => {
    const recent = Array.from({ length: 6 }, (_, i) => ticket(daysBefore(asOf, i + 1).toISOString()));
    const before = Array.from({ length: 3 }, (_, i) => ticket(daysBefore(asOf, 40 + i * 20).toISOString()));
    const reasons = risk(base({ tickets: [...recent, ...before] })).reasons;
    expect(reasons).toEqual([{ rule: 'ticketSurge', reason: 'Ticket surge: 6 tickets in 30 days vs 1.0 a month before', points: 15 }]);
    // 5 in 30 days after 9 in the 90 before (3 a month) is under twice the usual: no surge.
    const steady = Array.from({ length: 9 }, (_, i) => ticket(daysBefore(asOf, 31 + i * 9).toISOString()));
    expect(risk(base({ tickets: [...recent.slice(0, 5), ...steady] })).reasons).toEqual([]);
  });

  it('falling NPS: the last half-year 20+ points under the one before', () => {
    const customer = base({ feedback: [nps(10, '2026-01-15T00:00:00Z'), nps(10, '2026-03-01T00:00:00Z'), nps(7, '2026-07-01T00:00:00Z'), nps(6, '2026-07-15T00:00:00Z')] });
    // Before: 100; since: (0 promoters - 1 detractor) / 2 = -50; drop 150 caps the strength at 1 -> 15 points.
    expect(risk(customer).reasons).toEqual([{ rule: 'fallingNps', reason: 'NPS falling: -50 vs 100 the half-year before', points: 15 }]);
  });

  it('detractor in the last 90 days', () => {
    expect(risk(base({ feedback: [nps(3, '2026-11-20T00:00:00Z')] })).reasons.map((r) => [r.rule, r.reason, r.points])).toEqual([['detractorRecent', 'Detractor answered 2 days ago', 25]]);
    expect(risk(base({ feedback: [nps(3, '2026-08-01T00:00:00Z')] })).reasons).toEqual([]);
  });

  it('renewal within 90 days counts only with low health: full weight at risk, half when neutral', () => {
    const renewing = base({ deals: [wonDeal(1000, '2025-12-01T00:00:00Z', '2026-12-31T00:00:00Z')] });
    expect(risk(renewing).reasons).toEqual([]);
    expect(risk(renewing, { score: 60, band: 'neutral' }).reasons).toEqual([{ rule: 'renewalLowHealth', reason: 'Renewal in 39 days with health 60', points: 17.5 }]);
    expect(risk(renewing, { score: 38, band: 'at_risk' }).reasons.map((r) => [r.rule, r.points])).toEqual([['renewalLowHealth', 35], ['lowHealth', 25]]);
    const renewed = base({ deals: [wonDeal(1000, '2025-12-01T00:00:00Z', '2026-12-31T00:00:00Z'), wonDeal(1000, '2026-12-31T00:00:00Z', '2027-12-31T00:00:00Z')] });
    expect(risk(renewed, { score: 38, band: 'at_risk' }).reasons.map((r) => r.rule)).toEqual(['lowHealth']);
  });

  it('low usage: below 40, stronger the lower it is', () => {
    expect(risk(base({ engagement: { usageScore: 20, lastTouchAt: daysBefore(asOf, 5) } })).reasons).toEqual([{ rule: 'lowUsage', reason: 'Low product usage (20 / 100)', points: 11.25 }]);
  });

  it('combines reasons as independent odds, ranked by points', () => {
    const customer = base({ engagement: { lastTouchAt: daysBefore(asOf, 63) }, deals: [wonDeal(1000, '2024-01-01T00:00:00Z', '2026-10-01T00:00:00Z'), wonDeal(800, '2026-10-01T00:00:00Z')], feedback: [nps(2, '2026-11-20T00:00:00Z')] });
    const result = risk(customer);
    expect(result.reasons.map((r) => r.rule)).toEqual(['detractorRecent', 'contraction', 'noTouch']);
    // 100 x (1 - 0.75 x 0.86 x 0.86)
    expect(result.score).toBeCloseTo(44.53, 9);
    expect(result.level).toBe('medium');
  });

  it('cuts levels on the rounded score at 30 and 60', () => {
    expect([29.4, 29.5, 59.4, 59.5, 100].map((s) => riskLevel(s, config))).toEqual(['low', 'medium', 'medium', 'high', 'high']);
  });

  it('reads the final health score of a full HealthScore, override included', () => {
    const customer = base({ deals: [wonDeal(1000, '2025-12-01T00:00:00Z', '2026-12-31T00:00:00Z')], override: { score: 20, reason: 'Champion left', expiresAt: at('2027-01-01T00:00:00Z') } });
    const result = assessChurnRisk(customer, scoreHealth(customer, config, asOf), config, asOf);
    expect(result.reasons[0].reason).toBe('Renewal in 39 days with health 20');
  });

  it('keeps the risk score within 0-100 whatever fires (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 15 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 5 }), (score, touchDays, tickets, answers) => {
        const customer = base({
          engagement: { usageScore: score, lastTouchAt: daysBefore(asOf, touchDays) },
          tickets: Array.from({ length: tickets }, (_, i) => ticket(daysBefore(asOf, i * 3 + 1).toISOString(), { priority: 'URGENT' })),
          feedback: answers.map((v, i) => nps(v, daysBefore(asOf, i * 50 + 1).toISOString())),
          deals: [wonDeal(1000, '2026-09-01T00:00:00Z', '2026-12-01T00:00:00Z')],
        });
        const r = risk(customer, { score, band: score <= 50 ? 'at_risk' : score <= 75 ? 'neutral' : 'healthy' });
        return r.score >= 0 && r.score <= 100 && r.level === riskLevel(r.score, config);
      }),
    );
  });
});

describe('fitChurnModel on customers', () => {
  /**
   * A portal whose history carries a known signal in every period: each customer belongs to one
   * cohort (periods 0, 2, 3, 4 back); at its cohort's feature date a third had open urgent tickets
   * and a recent detractor, and most of those churned within the horizon; few of the others did.
   */
  function portal(size: number): Customer[] {
    const cohorts = [0, 2, 3, 4];
    return Array.from({ length: size }, (_, i) => {
      const then = featureDate(config, asOf, cohorts[i % 4]);
      const risky = Math.floor(i / 4) % 3 === 0;
      const churned = risky ? i % 5 !== 0 : i % 23 === 0;
      return createMockCustomer({
        id: `p${i}`,
        tickets: risky ? [1, 2, 3].map(() => ticket(daysBefore(then, 20).toISOString(), { priority: 'URGENT', isClosed: true, closedAt: daysBefore(then, -10) })) : [],
        feedback: risky ? [nps(2, daysBefore(then, 10).toISOString())] : [nps(9, daysBefore(then, 10).toISOString())],
        deals: [wonDeal(1000, daysBefore(then, 400).toISOString(), churned ? daysBefore(then, -120).toISOString() : undefined)],
      });
    });
  }

  it('learns the signal on earlier periods, is judged on the latest, and reports it honestly', () => {
    const model = fitChurnModel(portal(480), config, asOf);
    if (model.kind !== 'fitted') throw new Error(`expected a fitted model, got: ${model.reason}`);
    const report = model.report;
    expect(report?.used).toBe('fitted');
    expect(report?.split.trainPeriods[0]).toBe(2);
    expect(report?.sample.churnersHeldOut).toBeGreaterThanOrEqual(20);
    expect(report?.aucInterval95?.lower).toBeGreaterThanOrEqual(0.6);
    expect(report?.aucInterval95?.lower).toBeLessThanOrEqual(report?.auc as number);
    expect(report?.calibrationByDecile.reduce((n, bin) => n + bin.count, 0)).toBe(report?.sample.heldOut);
    expect(report?.reason).toMatch(/^held-out AUC 0\.\d\d \(95 % interval 0\.\d\d-(0\.\d\d|1\.00)\) on \d+ customers with \d+ churners$/);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(fitChurnModel(portal(480), config, asOf)).toEqual(model);
  });

  it('falls back to the rule weights with too little history, and says how much is missing', () => {
    const model = fitChurnModel(portal(30), config, asOf);
    expect(model).toMatchObject({ kind: 'rules', reason: expect.stringMatching(/^too little history: \d+ churned customers in training, need at least 15$/) });
  });
});
