import type { EngineConfig } from '../config/engine-config';
import type { CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { churnFeatures, type FeatureVector } from './churn-features';
import type { ChurnModel } from './churn-model';
import { predictLogistic } from './logistic-regression';
import { firedSignals } from './risk-signals';

export type ChurnRiskLevel = 'low' | 'medium' | 'high';

export interface ChurnRiskReason {
  rule: string;
  reason: string;
  /** Risk points this reason carries on its own (weight x strength), for ranking. */
  points: number;
}

export interface ChurnRisk {
  level: ChurnRiskLevel;
  score: number;
  /** Most important first. */
  reasons: ChurnRiskReason[];
  method: { kind: 'rules'; note: string } | { kind: 'model'; note: string; probability: number };
}

export function riskLevel(score: number, config: Pick<EngineConfig, 'churnRisk'>): ChurnRiskLevel {
  const { mediumFrom, highFrom } = config.churnRisk.levels;
  const shown = Math.round(score);
  return shown >= highFrom ? 'high' : shown >= mediumFrom ? 'medium' : 'low';
}

/** The rule signals that fire, as reasons with their points, most important first. */
export function rankedReasons(signals: CustomerSignals, health: { score: number; band: HealthBand }, config: EngineConfig): ChurnRiskReason[] {
  const weights = config.churnRisk.weights;
  return firedSignals(signals, health, config)
    .map((f) => ({ rule: f.rule, reason: f.reason, points: weights[f.rule] * f.strength }))
    .filter((r) => r.points > 0)
    .sort((a, b) => b.points - a.points || a.rule.localeCompare(b.rule));
}

/**
 * Combines ranked reasons (and, with a fitted model, the churn features) into the risk. Works on
 * these compact inputs so a sync can fit the model after reading the portal and apply it to every
 * customer without holding their records.
 */
export function combineRisk(reasons: ChurnRiskReason[], features: FeatureVector, config: EngineConfig, model?: ChurnModel): ChurnRisk {
  if (model?.kind === 'fitted') {
    const probability = predictLogistic(model.model, features);
    const score = probability * 100;
    const auc = model.quality.auc === undefined ? 'n/a' : model.quality.auc.toFixed(2);
    return { level: riskLevel(score, config), score, reasons, method: { kind: 'model', probability, note: `churn probability over ${model.horizonDays} days from a model fitted on this portal's history (held-out AUC ${auc})` } };
  }
  const keep = reasons.reduce((product, r) => product * (1 - Math.min(r.points, 100) / 100), 1);
  const score = 100 * (1 - keep);
  const note = model?.kind === 'rules' ? `rule weights (${model.reason})` : 'rule weights';
  return { level: riskLevel(score, config), score, reasons, method: { kind: 'rules', note } };
}

/**
 * Churn risk 0-100 with ranked reasons. With a fitted model the score is its churn probability over
 * the model's horizon; otherwise the rule signals combine as independent odds:
 * risk = 100 x (1 - product of (1 - weight x strength)), so no signal alone exceeds its weight and
 * the score never leaves 0-100.
 *
 * @example
 * assessChurnRisk(signals, { score: 38, band: 'at_risk' }, DEFAULT_ENGINE_CONFIG)
 * // => { level: 'high', score: 71, reasons: [{ reason: 'Renewal in 45 days with health 38', ... }], method: { kind: 'rules', ... } }
 */
export function assessChurnRisk(signals: CustomerSignals, health: { score: number; band: HealthBand }, config: EngineConfig, model?: ChurnModel): ChurnRisk {
  return combineRisk(rankedReasons(signals, health, config), churnFeatures(signals), config, model);
}
