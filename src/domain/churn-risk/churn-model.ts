import type { EngineConfig } from '../config/engine-config';
import type { Customer } from '../customer';
import { signalsAt } from '../health/customer-signals';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS } from '../time/days';
import { churnFeatures, FEATURE_NAMES, type FeatureVector } from './churn-features';
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic-regression';
import { areaUnderCurve, brierScore, calibrationTable, type CalibrationBin } from './model-quality';

/** One customer's history as a lesson: its features some time ago and whether it churned since. */
export interface TrainingSample {
  id: string;
  features: FeatureVector;
  churned: 0 | 1;
}

export interface ModelQuality {
  auc?: number;
  brier: number;
  calibration: CalibrationBin[];
  trainedOn: number;
  heldOut: number;
  churnedInHistory: number;
}

export type ChurnModel =
  | { kind: 'fitted'; model: LogisticModel; quality: ModelQuality; horizonDays: number; featureNames: readonly string[] }
  | { kind: 'rules'; reason: string };

/**
 * A customer as seen `horizonDays` before `asOf` (it must have been paying then), labelled with
 * whether its MRR fell to 0 by `asOf`. Undefined for customers who were not paying then.
 *
 * @example
 * trainingSample(customer, config, new Date('2026-11-22')) // => { id: 'c1', features: [...], churned: 1 }
 */
export function trainingSample(customer: Customer, config: EngineConfig, asOf: Date, contracts = revenueContracts(customer.deals)): TrainingSample | undefined {
  const then = new Date(asOf.getTime() - config.churnRisk.model.horizonDays * DAY_MS);
  if (mrrOn(contracts, then) <= 0) return undefined;
  const features = churnFeatures(signalsAt(customer, config, then, undefined, contracts));
  return { id: customer.id, features, churned: mrrOn(contracts, asOf) > 0 ? 0 : 1 };
}

/**
 * The lessons of a whole portal: one sample per customer who was paying `horizonDays` before `asOf`.
 *
 * @example
 * trainingSamples(customers, config, new Date('2026-11-22')).length // => 212 (of 300 customers, 212 were paying 180 days earlier)
 */
export function trainingSamples(customers: readonly Customer[], config: EngineConfig, asOf: Date): TrainingSample[] {
  const samples: TrainingSample[] = [];
  for (const customer of customers) {
    const sample = trainingSample(customer, config, asOf);
    if (sample) samples.push(sample);
  }
  return samples;
}

/** A stable split by id, so the held-out customers are the same run after run. */
function isHeldOut(id: string, share: number): boolean {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) / 4294967296 < share;
}

/**
 * Fits the churn model on the portal's own history and reports its quality on held-out customers,
 * or says why the rule weights are used instead (too little history). Takes the customers and the
 * date to learn up to, or samples already built (the sync builds them while it streams the portal).
 *
 * @example
 * fitChurnModel(customers, config, new Date('2026-11-22')) // => { kind: 'rules', reason: 'too little history: 4 churned customers, need at least 15' }
 */
export function fitChurnModel(customers: readonly Customer[], config: EngineConfig, asOf: Date): ChurnModel;
export function fitChurnModel(samples: readonly TrainingSample[], config: EngineConfig): ChurnModel;
export function fitChurnModel(input: readonly Customer[] | readonly TrainingSample[], config: EngineConfig, asOf?: Date): ChurnModel {
  const samples = asOf ? trainingSamples(input as readonly Customer[], config, asOf) : (input as readonly TrainingSample[]);
  const options = config.churnRisk.model;
  if (!options.enabled) return { kind: 'rules', reason: 'the fitted model is turned off in the configuration' };
  const churned = samples.filter((s) => s.churned === 1).length;
  const retained = samples.length - churned;
  if (churned < options.minChurned) return { kind: 'rules', reason: `too little history: ${churned} churned customers, need at least ${options.minChurned}` };
  if (retained < options.minRetained) return { kind: 'rules', reason: `too little history: ${retained} retained customers, need at least ${options.minRetained}` };

  const train = samples.filter((s) => !isHeldOut(s.id, options.holdOutShare));
  const test = samples.filter((s) => isHeldOut(s.id, options.holdOutShare));
  if (!train.some((s) => s.churned === 1) || !train.some((s) => s.churned === 0)) return { kind: 'rules', reason: 'the training split holds a single outcome' };
  const model = fitLogistic(train.map((s) => s.features), train.map((s) => s.churned), { l2: options.l2 });
  const predicted = test.map((s) => predictLogistic(model, s.features));
  const labels = test.map((s) => s.churned);
  return {
    kind: 'fitted',
    model,
    horizonDays: options.horizonDays,
    featureNames: FEATURE_NAMES,
    quality: {
      auc: areaUnderCurve(predicted, labels),
      brier: brierScore(predicted, labels),
      calibration: calibrationTable(predicted, labels),
      trainedOn: train.length,
      heldOut: test.length,
      churnedInHistory: churned,
    },
  };
}
