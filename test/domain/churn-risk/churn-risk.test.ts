import fc from 'fast-check';
import { churnReasonSummary } from '../../../src/domain/churn-risk/churn-reasons';
import { fitChurnModel, trainingSample, type TrainingSample } from '../../../src/domain/churn-risk/churn-model';
import { assessChurnRisk } from '../../../src/domain/churn-risk/churn-risk';
import { fitLogistic, predictLogistic } from '../../../src/domain/churn-risk/logistic-regression';
import { areaUnderCurve } from '../../../src/domain/churn-risk/model-quality';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');

const failing = () =>
  createMockCustomer({
    engagement: { usageScore: 20, lastTouchAt: at('2026-09-01T00:00:00Z') },
    feedback: [nps(2, '2026-11-15T00:00:00Z')],
    tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-10T00:00:00Z'), ticket('2026-11-12T00:00:00Z')],
    deals: [wonDeal(1000, '2025-12-20T00:00:00Z', '2026-12-20T00:00:00Z')],
  });

describe('assessChurnRisk with rule weights', () => {
  it('ranks human-readable reasons and rates a failing account high', () => {
    const risk = assessChurnRisk(signalsAt(failing(), config, asOf), { score: 30, band: 'at_risk' }, config);
    expect(risk.level).toBe('high');
    expect(risk.method.kind).toBe('rules');
    expect(risk.reasons[0].reason).toBe('Renewal in 28 days with health 30');
    expect(risk.reasons.map((r) => r.rule)).toEqual(expect.arrayContaining(['detractorRecent', 'noTouch', 'lowUsage', 'ticketSurge', 'lowHealth']));
    expect(risk.reasons.find((r) => r.rule === 'detractorRecent')?.reason).toBe('Detractor answered 7 days ago');
    const points = risk.reasons.map((r) => r.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('rates a quiet healthy account low with no reasons', () => {
    const calm = createMockCustomer({ engagement: { usageScore: 90, lastTouchAt: at('2026-11-15T00:00:00Z') }, deals: [wonDeal(500, '2024-01-01T00:00:00Z')] });
    const risk = assessChurnRisk(signalsAt(calm, config, asOf), { score: 90, band: 'healthy' }, config);
    expect(risk).toMatchObject({ level: 'low', score: 0, reasons: [] });
  });

  it('flags early life in the first 90 days after the first close', () => {
    const fresh = createMockCustomer({ deals: [wonDeal(500, '2026-10-01T00:00:00Z')] });
    const risk = assessChurnRisk(signalsAt(fresh, config, asOf), { score: 70, band: 'neutral' }, config);
    expect(risk.reasons.map((r) => r.reason)).toContain('Early life: first contract 52 days ago');
  });

  it('stays within 0-100 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 8 }), (score, tickets) => {
      const c = failing();
      c.tickets = Array.from({ length: tickets }, () => ticket('2026-11-10T00:00:00Z', { priority: 'HIGH' }));
      const risk = assessChurnRisk(signalsAt(c, config, asOf), { score, band: score <= 50 ? 'at_risk' : 'neutral' }, config);
      return risk.score >= 0 && risk.score <= 100;
    }));
  });
});

describe('the fitted churn model', () => {
  it('recovers a known signal in synthetic data', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 400; i++) {
      const x = (i % 20) / 2 - 5;
      const noise = ((i * 7919) % 13) / 13 - 0.5;
      xs.push([x, noise]);
      ys.push(x + noise * 2 > 0 ? 1 : 0);
    }
    const model = fitLogistic(xs, ys, { l2: 0.01 });
    expect(areaUnderCurve(xs.map((x) => predictLogistic(model, x)), ys)).toBeGreaterThan(0.9);
    expect(model.weights[0]).toBeGreaterThan(Math.abs(model.weights[1]));
  });

  /** Samples with a known signal: risky ones (features high) churn 80 %, the others 1 in 17. */
  function samples(period: number, count: number, churnEvery = 1): TrainingSample[] {
    return Array.from({ length: count }, (_, i) => {
      const risky = i % 4 === 0;
      const churned = (risky ? i % 5 !== 0 && i % churnEvery === 0 : i % 17 === 0) ? 1 : 0;
      return { id: `p${period}-c${i}`, period, features: [risky ? 3 : 0, risky ? 2 : 0.5, risky ? 1 : 0, risky ? -0.3 : 0.4, 0, risky ? 1 : 0, 0, risky ? 6 : 1], churned };
    });
  }

  it('trains on earlier periods, tests on the latest, and is used when 20+ churners held out give an AUC interval from 0.6', () => {
    const all = [...samples(0, 150), ...samples(1, 150), ...samples(2, 150), ...samples(3, 150)];
    const model = fitChurnModel(all, config);
    expect(model.kind).toBe('fitted');
    if (model.kind !== 'fitted') return;
    // Hand count of period 0: 38 risky (i % 4 == 0), of which those not multiples of 20 churn: 30; the others
    // churn when i % 17 == 0 and i % 4 != 0: 17, 34, 51, 85, 102, 119 = 6. Total 36; twice that in periods 2 and 3.
    // Period 1 (features 90 days later than period 2's outcome is known) is neither trained on nor tested.
    expect(model.report?.sample).toEqual({ total: 450, train: 300, heldOut: 150, churnersTrain: 72, churnersHeldOut: 36 });
    expect(model.report?.split).toMatchObject({ kind: 'time', heldOutPeriod: 0, trainPeriods: [2, 3] });
    expect(model.report?.aucInterval95?.lower).toBeGreaterThanOrEqual(0.6);
    expect(model.report?.brier).toBeLessThan(0.25);
    expect(model.report?.calibrationByDecile.map((d) => d.count)).toEqual([15, 15, 15, 15, 15, 15, 15, 15, 15, 15]);
    const risk = assessChurnRisk(signalsAt(failing(), config, asOf), { score: 30, band: 'at_risk' }, config, model);
    expect(risk.method.kind).toBe('model');
    expect(risk.method.note).toMatch(/held-out AUC 0\.\d\d/);
  });

  it('keeps the rule weights when too few churners are held out, however good the AUC looks (the "AUC 1 on 5 churners" case)', () => {
    // Period 0 with 40 samples: 10 risky, churning unless a multiple of 20: 4, 8, 12, 16, 24, 28, 32, 36 = 8;
    // not risky with i % 17 == 0: 17, 34 = 2. 10 churners in all.
    const all = [...samples(0, 40), ...samples(2, 200), ...samples(3, 200)];
    const model = fitChurnModel(all, config);
    expect(model).toMatchObject({ kind: 'rules', reason: 'only 10 churners held out, need at least 20 to judge the model' });
    expect(model.report).toMatchObject({ used: 'rules', sample: { heldOut: 40, churnersHeldOut: 10 } });
    expect(model.report?.auc).toBeGreaterThan(0.8);
    expect(model.report?.aucInterval95?.lower).toBeLessThan(model.report?.auc as number);
    const risk = assessChurnRisk(signalsAt(failing(), config, asOf), { score: 30, band: 'at_risk' }, config, model);
    expect(risk.method.note).toBe('rule weights (only 10 churners held out, need at least 20 to judge the model)');
  });

  it('keeps the rule weights when the AUC interval reaches below 0.6', () => {
    // No signal: churners and stayers share the same features, so the held-out AUC is about 0.5.
    const noise = (period: number) => Array.from({ length: 200 }, (_, i): TrainingSample => ({ id: `n${period}-${i}`, period, features: [i % 3, (i * 7) % 5, 0, 0, 0, i % 2, 0, i % 4], churned: i % 3 === 1 ? 1 : 0 }));
    const model = fitChurnModel([...noise(0), ...noise(2), ...noise(3)], config);
    expect(model.kind).toBe('rules');
    if (model.kind === 'rules') expect(model.reason).toMatch(/^held-out AUC \d\.\d\d with a 95 % interval from \d\.\d\d: the lower bound must reach 0\.6$/);
  });

  it('falls back to the rule weights with too little history, and says so', () => {
    const sample = trainingSample(failing(), config, asOf, undefined, 2);
    const model = fitChurnModel(sample ? [sample] : [], config);
    expect(model).toMatchObject({ kind: 'rules', reason: expect.stringMatching(/^too little history: \d+ churned customers in training, need at least 15$/) });
    const risk = assessChurnRisk(signalsAt(failing(), config, asOf), { score: 30, band: 'at_risk' }, config, model);
    expect(risk.method.note).toMatch(/^rule weights \(too little history/);
  });

  it('labels a customer who stopped paying as churned', () => {
    const gone = createMockCustomer({ deals: [wonDeal(800, '2025-01-01T00:00:00Z', '2026-09-01T00:00:00Z')] });
    expect(trainingSample(gone, config, asOf)?.churned).toBe(1);
    const stayed = createMockCustomer({ deals: [wonDeal(800, '2025-01-01T00:00:00Z')] });
    expect(trainingSample(stayed, config, asOf)?.churned).toBe(0);
    expect(trainingSample(createMockCustomer({ deals: [wonDeal(800, '2026-10-01T00:00:00Z')] }), config, asOf)).toBeUndefined();
  });
});

describe('churnReasonSummary', () => {
  it('tells the share of churn the CS team could control', () => {
    const lost = (controllable: boolean | undefined, reason: string) => ({ id: reason, outcome: 'lost' as const, dealType: 'existingbusiness', closedAt: at('2026-06-01T00:00:00Z'), churnReason: reason, churnControllable: controllable });
    const customers = [
      createMockCustomer({ deals: [lost(true, 'No adoption')] }),
      createMockCustomer({ deals: [lost(false, 'Acquired'), lost(false, 'Budget cut'), lost(false, 'Budget cut'), lost(undefined, '')] }),
    ];
    const summary = churnReasonSummary(customers, { start: at('2026-01-01T00:00:00Z'), end: asOf });
    expect(summary).toMatchObject({ lostRenewals: 5, controllable: 1, notControllable: 3, unknown: 1, controllableShare: 25 });
    expect(summary.byReason[0]).toEqual({ reason: 'Budget cut', count: 2, controllable: 0 });
  });
});
