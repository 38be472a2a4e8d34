import { FEATURE_NAMES } from '../../../src/domain/churn-risk/churn-features';
import type { ChurnModel } from '../../../src/domain/churn-risk/churn-model';
import { combineRisk, modelReasons } from '../../../src/domain/churn-risk/churn-risk';
import type { LogisticModel } from '../../../src/domain/churn-risk/logistic-regression';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';

// A hand-set model on unscaled features (means 0, scales 1), so each push is weight x value.
const weights = FEATURE_NAMES.map((name) => ({ openHighPriorityTickets: 0.4, ticketSurgeRatio: 0.1, detractorRecent: 0.9, npsLast180: -1, mrrChange90d: -2, renewalWithin90d: 1.2, earlyLife: 0.3, ticketsLast30Days: 0.05 })[name]);
const logistic: LogisticModel = { weights, bias: -2, means: weights.map(() => 0), scales: weights.map(() => 1) };
const model: ChurnModel = { kind: 'fitted', model: logistic, horizonDays: 180, featureNames: FEATURE_NAMES, quality: { auc: 0.8, brier: 0.1, calibration: [], trainedOn: 100, heldOut: 50, churnedInHistory: 30 } };

describe('the reasons of a fitted model', () => {
  it('lists every signal that pushes the risk up, ranked by its push, a renewal due included for a healthy account', () => {
    // Features: 2 open urgent tickets (0.8), detractor (0.9), NPS +40 (pushes down), MRR -10 % (+0.2), renewal due (1.2), 3 tickets (0.15).
    const features = [2, 0, 1, 0.4, -0.1, 1, 0, 3];
    expect(modelReasons(logistic, features)).toEqual([
      { rule: 'renewalWithin90d', reason: 'Renewal due within 90 days', points: 1.2 },
      { rule: 'detractorRecent', reason: 'Detractor answer in the last 90 days', points: 0.9 },
      { rule: 'openHighPriorityTickets', reason: '2 open high-priority tickets', points: 0.8 },
      { rule: 'mrrChange90d', reason: 'MRR down 10 % in 90 days', points: 0.2 },
      { rule: 'ticketsLast30Days', reason: '3 tickets in the last 30 days', points: 0.15 },
    ]);
  });

  it('replaces the rule reasons when the model scores, so what moved the score is what is listed', () => {
    // Healthy account, renewal due: the rules list nothing (renewal counts only with low health), the model does.
    const risk = combineRisk([], [0, 0, 0, 0, 0, 1, 0, 0], config, model);
    // log-odds -2 + 1.2 = -0.8 -> probability 31 %.
    expect(Math.round(risk.score)).toBe(31);
    expect(risk.level).toBe('medium');
    expect(risk.reasons.map((r) => r.reason)).toEqual(['Renewal due within 90 days']);
  });
});
