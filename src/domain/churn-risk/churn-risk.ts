import type { EngineConfig } from '../config/engine-config';
import type { Customer } from '../customer';
import { signalsAt, type CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { churnFeatures, describeFeature, FEATURE_NAMES, type FeatureVector } from './churn-features';
import type { ChurnModel } from './churn-model';
import type { LogisticModel } from './logistic-regression';
import { featureContributions, predictLogistic } from './logistic-regression';
import { firedScratch, writeFiredSignals } from './risk-signals';
import { sortSmall } from '../sort-small';

export type ChurnRiskLevel = 'low' | 'medium' | 'high';

export interface ChurnRiskReason {
  rule: string;
  reason: string;
  /**
   * What this reason adds to the risk, for ranking: with the rules, its points on its own (weight x
   * strength); with the fitted model, its push on the log-odds (standardised value x weight).
   */
  points: number;
}

export interface ChurnRisk {
  level: ChurnRiskLevel;
  score: number;
  /** Most important first. */
  reasons: ChurnRiskReason[];
  method: { kind: 'rules'; note: string } | { kind: 'model'; note: string; probability: number };
}

/**
 * The level of a risk score, compared rounded as it is shown (30 and 60 by default).
 *
 * @example
 * riskLevel(29.5, DEFAULT_ENGINE_CONFIG) // => 'medium'
 */
export function riskLevel(score: number, config: Pick<EngineConfig, 'churnRisk'>): ChurnRiskLevel {
  const { mediumFrom, highFrom } = config.churnRisk.levels;
  const shown = Math.round(score);
  return shown >= highFrom ? 'high' : shown >= mediumFrom ? 'medium' : 'low';
}

/**
 * The rule signals that fire, as reasons with their points (weight x strength), most important first.
 *
 * @example
 * rankedReasons(signals, { score: 38, band: 'at_risk' }, config)[0] // => { rule: 'renewalLowHealth', reason: 'Renewal in 45 days with health 38', points: 35 }
 */
export function rankedReasons(signals: CustomerSignals, health: { score: number; band: HealthBand } | undefined, config: EngineConfig): ChurnRiskReason[] {
  const weights = config.churnRisk.weights;
  const { rules, strengths, reasons: texts } = fired;
  const firedCount = writeFiredSignals(signals, health, config, fired);
  // Counted, then made to size: an array grown by push keeps room for 16 reasons.
  let count = 0;
  for (let i = 0; i < firedCount; i++) if (weights[rules[i]] * strengths[i] > 0) count += 1;
  const reasons = new Array<ChurnRiskReason>(count);
  for (let i = 0, r = 0; r < count; i++) {
    const points = weights[rules[i]] * strengths[i];
    if (points > 0) reasons[r++] = { rule: rules[i], reason: texts[i], points };
  }
  // Points above 0 are numbers (NaN fails the test) and each rule fires once: a consistent order.
  return reasons.length > 1 ? sortSmall(reasons, mostPointsFirst) : reasons;
}

/** The fired signals' scratch (the engine is synchronous; nothing keeps it): no list or record per signal and customer. */
const fired = firedScratch();

const mostPointsFirst = (a: ChurnRiskReason, b: ChurnRiskReason) => b.points - a.points || a.rule.localeCompare(b.rule);

/**
 * Combines ranked reasons (and, with a fitted model, the churn features) into the risk. Works on
 * these compact inputs so a sync can fit the model after reading the portal and apply it to every
 * customer without holding their records.
 *
 * @example
 * combineRisk([{ rule: 'noTouch', reason: 'No call, email or meeting in 63 days', points: 14 }], features, config).score // => 14
 */
export function combineRisk(reasons: ChurnRiskReason[], features: FeatureVector, config: EngineConfig, model?: ChurnModel): ChurnRisk {
  if (model?.kind === 'fitted') {
    const probability = predictLogistic(model.model, features);
    const score = probability * 100;
    const auc = model.quality.auc === undefined ? 'n/a' : model.quality.auc.toFixed(2);
    return { level: riskLevel(score, config), score, reasons: modelReasons(model.model, features), method: { kind: 'model', probability, note: `churn probability over ${model.horizonDays} days from a model fitted on this portal's history (held-out AUC ${auc})` } };
  }
  let keep = 1;
  for (const r of reasons) keep *= 1 - Math.min(r.points, 100) / 100;
  const score = 100 * (1 - keep);
  const note = model?.kind === 'rules' ? `rule weights (${model.reason})` : 'rule weights';
  return { level: riskLevel(score, config), score, reasons, method: { kind: 'rules', note } };
}

/**
 * The model's reasons: every signal present in this customer's features that pushes its churn
 * odds up, ranked by that push (a renewal due is listed whenever the model counts it, whatever the
 * health). Signals that lower the risk, and absent ones, are not reasons.
 *
 * @example
 * modelReasons(model, [0, 0, 0, 0, 0, 1, 0, 0]) // => [{ rule: 'renewalWithin90d', reason: 'Renewal due within 90 days', points: 0.8 }]
 */
export function modelReasons(model: LogisticModel, features: FeatureVector): ChurnRiskReason[] {
  const contributions = featureContributions(model, features);
  const reasons: ChurnRiskReason[] = [];
  for (let j = 0; j < FEATURE_NAMES.length; j++) {
    const reason = describeFeature(FEATURE_NAMES[j], features[j]);
    if (reason !== undefined && contributions[j] > 0) reasons.push({ rule: FEATURE_NAMES[j], reason, points: Math.round(contributions[j] * 1000) / 1000 });
  }
  return reasons.length > 1 ? reasons.sort(mostPointsFirst) : reasons;
}

/** The health the risk reads: a full score (its final score, override included) or score and band; undefined when unknown. */
export type HealthForRisk = { finalScore: number; band: HealthBand } | { score: number; band: HealthBand } | undefined;

const healthInput = (h: HealthForRisk) => (h === undefined ? undefined : 'finalScore' in h ? { score: h.finalScore, band: h.band } : h);

/**
 * Churn risk 0-100 with ranked reasons. With a fitted model the score is its churn probability over
 * the model's horizon and the reasons are the signals that push it up, ranked by their push;
 * otherwise the rule signals combine as independent odds:
 * risk = 100 x (1 - product of (1 - weight x strength)), so no signal alone exceeds its weight and
 * the score never leaves 0-100. `method` says which was used, and why the rules when a model was
 * given but could not be fitted. Takes a customer and a date, or signals already measured.
 *
 * @example
 * assessChurnRisk(customer, { score: 38, band: 'at_risk' }, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22'))
 * // => { level: 'high', score: 71, reasons: [{ reason: 'Renewal in 45 days with health 38', ... }], method: { kind: 'rules', ... } }
 */
export function assessChurnRisk(customer: Customer, health: HealthForRisk, config: EngineConfig, asOf: Date, model?: ChurnModel): ChurnRisk;
export function assessChurnRisk(signals: CustomerSignals, health: HealthForRisk, config: EngineConfig, model?: ChurnModel): ChurnRisk;
export function assessChurnRisk(subject: Customer | CustomerSignals, health: HealthForRisk, config: EngineConfig, asOfOrModel?: Date | ChurnModel, maybeModel?: ChurnModel): ChurnRisk {
  const isCustomer = 'deals' in subject;
  const signals = isCustomer ? signalsAt(subject, config, asOfOrModel as Date) : subject;
  const model = isCustomer ? maybeModel : (asOfOrModel as ChurnModel | undefined);
  // Only a fitted model reads the features: the rule weights leave them unmade.
  const features = model?.kind === 'fitted' ? churnFeatures(signals) : NO_FEATURES;
  return combineRisk(rankedReasons(signals, healthInput(health), config), features, config, model);
}

const NO_FEATURES: FeatureVector = [];
