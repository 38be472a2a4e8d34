import type { EngineConfig } from '../config/engine-config';
import type { Customer, RevenueContract } from '../customer';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS } from '../time/days';
import { FEATURE_NAMES, type FeatureVector } from './churn-features';
import { pastChurnFeatures } from './past-features';
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic-regression';
import { areaUnderCurve, aucBootstrapInterval, brierScore, calibrationByDecile, calibrationTable, type CalibrationBin, type DecileBin } from './model-quality';
import { LessonReservoir, NO_LESSON_LIMIT, type LessonCounts } from './lesson-reservoir';
import type { RiskBacktest } from './risk-backtest';

/** One customer's history as a lesson: its features at a past date and whether it churned within the horizon. */
export interface TrainingSample {
  id: string;
  features: FeatureVector;
  churned: 0 | 1;
  /** 0 for the latest feature date (asOf - horizon), 1 for one period earlier, and so on. */
  period?: number;
}

export interface ModelQuality {
  auc?: number;
  brier: number;
  calibration: CalibrationBin[];
  trainedOn: number;
  heldOut: number;
  churnedInHistory: number;
}

/**
 * What the churn model was judged on, as plain JSON (the store keeps it, `sync --json` prints it):
 * sample sizes, churners in training and held out, AUC with its 95 % bootstrap interval, Brier
 * score, calibration by decile, the time split, and (added by the sync) the backtest by level.
 */
export interface ChurnModelReport {
  /** Which risk the portal gets, and why. */
  used: 'fitted' | 'rules';
  reason: string;
  horizonDays: number;
  split: { kind: 'time'; heldOutPeriod: number; trainPeriods: number[]; periodDays: number; heldOutFeatureDate?: string; note: string };
  /** The lessons the model was fitted and judged on. */
  sample: { total: number; train: number; heldOut: number; churnersTrain: number; churnersHeldOut: number };
  /** The lessons the portal had (more than `sample` when a large portal was sampled). */
  seen?: { total: number; train: { seen: number; churnersSeen: number }; heldOut: { seen: number; churnersSeen: number } };
  /** How `sample` was drawn from `seen`, in words. */
  sampling?: string;
  auc?: number;
  aucInterval95?: { lower: number; upper: number; resamples: number };
  brier?: number;
  calibrationByDecile: DecileBin[];
  backtest?: RiskBacktest;
  [key: string]: unknown;
}

export type ChurnModel =
  | { kind: 'fitted'; model: LogisticModel; quality: ModelQuality; horizonDays: number; featureNames: readonly string[]; report?: ChurnModelReport }
  | { kind: 'rules'; reason: string; report?: ChurnModelReport };

/** The feature date of a period: the latest is `horizonDays` before asOf, each period `periodDays` earlier. */
export function featureDate(config: EngineConfig, asOf: Date, period: number): Date {
  return new Date(featureInstant(config, asOf.getTime(), period));
}

/** {@link featureDate} as an instant, without a Date: the lessons ask for two per period and customer. */
function featureInstant(config: EngineConfig, asOf: number, period: number): number {
  const { horizonDays, periodDays } = config.churnRisk.model;
  return timeClip(asOf - (horizonDays + period * periodDays) * DAY_MS);
}

/** What `new Date(t).getTime()` gives (ECMAScript TimeClip): NaN out of range, else the whole milliseconds. */
const timeClip = (t: number): number => (Number.isFinite(t) && Math.abs(t) <= 8.64e15 ? Math.trunc(t) + 0 : Number.NaN);

/**
 * A customer as seen at the feature date of `period` (it must have been paying then), labelled
 * with whether its MRR fell to 0 within the horizon after it. Features use only what was known at
 * the feature date: contracts signed by then (a later renewal is not seen), each ticket's state
 * then (from its stage history), answers given by then. Undefined for customers not paying then.
 *
 * @example
 * trainingSample(customer, config, new Date('2026-11-22')) // => { id: 'c1', features: [...], churned: 1, period: 0 }
 */
export function trainingSample(customer: Customer, config: EngineConfig, asOf: Date, contracts: RevenueContract[] = revenueContracts(customer.deals), period = 0): TrainingSample | undefined {
  // Instants, not Dates (the same values, see timeClip): two fewer allocations per period and customer.
  const then = featureInstant(config, asOf.getTime(), period);
  const labelAt = timeClip(then + config.churnRisk.model.horizonDays * DAY_MS);
  if (mrrOn(contracts, then) <= 0) return undefined;
  const features = pastChurnFeatures(customer, config, then, contracts);
  return { id: customer.id, features, churned: mrrOn(contracts, labelAt) > 0 ? 0 : 1, period };
}

/**
 * One sample per period in which the customer was paying at the feature date.
 *
 * @example
 * customerSamples(customer, config, new Date('2026-11-22')).map((s) => s.period) // => [0, 1, 2, 3] (paying for two years)
 */
export function customerSamples(customer: Customer, config: EngineConfig, asOf: Date, contracts: RevenueContract[] = revenueContracts(customer.deals)): TrainingSample[] {
  // Gathered in a reused scratch, then copied to size: a list grown by push keeps room for 16 lessons.
  let count = 0;
  for (let period = 0; period < config.churnRisk.model.periods; period++) {
    const sample = trainingSample(customer, config, asOf, contracts, period);
    if (sample) sampleScratch[count++] = sample;
  }
  return sampleScratch.slice(0, count);
}

/** customerSamples' lessons before they are copied to size (the engine is synchronous; entries past the count are stale). */
const sampleScratch: TrainingSample[] = [];

/**
 * The lessons of a whole portal, every period.
 *
 * @example
 * trainingSamples(customers, config, new Date('2026-11-22')).length // => 1210
 */
export function trainingSamples(customers: readonly Customer[], config: EngineConfig, asOf: Date): TrainingSample[] {
  return customers.flatMap((customer) => customerSamples(customer, config, asOf));
}

/** The first period trained on: its outcome was known by the held-out period's feature date. */
export const firstTrainPeriod = (config: EngineConfig): number => Math.ceil(config.churnRisk.model.horizonDays / config.churnRisk.model.periodDays);

/** Every sample of a list, in its order (fitting a list in memory keeps every lesson). */
function reservoirOf(samples: readonly TrainingSample[], config: EngineConfig): LessonReservoir {
  const reservoir = new LessonReservoir(firstTrainPeriod(config), NO_LESSON_LIMIT);
  for (const sample of samples) reservoir.add(sample);
  return reservoir;
}

const countsOf = (side: LessonCounts) => ({ seen: side.seen, churnersSeen: side.churnersSeen });

/**
 * Fits the churn model on the portal's own history, judged honestly, and says whether it is used.
 *
 * The split is by time: the model learns from earlier periods whose outcome was known by the
 * held-out period's feature date, and is tested on the latest period (features at asOf - horizon,
 * outcome at asOf). The report gives sample sizes, churners on each side, the held-out AUC with a
 * 95 % bootstrap interval, the Brier score and the calibration by decile. The fitted model is used
 * only when at least `minHeldOutChurners` churners are held out and the interval's lower bound
 * reaches `minAucLowerBound`; otherwise the rule weights are used, and the reason says why.
 *
 * A {@link LessonReservoir} (what a sync fills) may hold a sample of a large portal's lessons: the
 * report's `sample` counts the lessons used and `seen` those the portal had. Training keeps every
 * churner that fits and samples the retained, so the intercept is shifted back by the log of the
 * two sampling rates' ratio (the usual correction for sampling on the outcome): the probabilities
 * stay those of the portal's churn rate.
 *
 * @example
 * fitChurnModel(samples, config) // => { kind: 'rules', reason: 'only 5 churners held out, need at least 20 to judge the model', report: {...} }
 */
export function fitChurnModel(customers: readonly Customer[], config: EngineConfig, asOf: Date): ChurnModel;
export function fitChurnModel(samples: readonly TrainingSample[] | LessonReservoir, config: EngineConfig): ChurnModel;
export function fitChurnModel(input: readonly Customer[] | readonly TrainingSample[] | LessonReservoir, config: EngineConfig, asOf?: Date): ChurnModel {
  const lessons = input instanceof LessonReservoir ? input : reservoirOf(asOf ? trainingSamples(input as readonly Customer[], config, asOf) : (input as readonly TrainingSample[]), config);
  const options = config.churnRisk.model;
  const firstTrain = firstTrainPeriod(config);
  const test = lessons.heldOutRows();
  const train = lessons.trainRows();
  const trainPeriods = [...new Set(train.periods)].sort((a, b) => a - b);
  const sampled = train.counts.used < train.counts.seen || test.counts.used < test.counts.seen;
  const report: ChurnModelReport = {
    used: 'rules',
    reason: '',
    horizonDays: options.horizonDays,
    split: {
      kind: 'time',
      heldOutPeriod: 0,
      trainPeriods,
      periodDays: options.periodDays,
      note: `held out: features ${options.horizonDays} days before today, outcome today; trained on periods ${firstTrain} and earlier (${options.periodDays} days each), whose outcome was known by the held-out feature date`,
    },
    sample: { total: train.counts.used + test.counts.used, train: train.counts.used, heldOut: test.counts.used, churnersTrain: train.counts.churnersUsed, churnersHeldOut: test.counts.churnersUsed },
    seen: { total: train.counts.seen + test.counts.seen, train: countsOf(train.counts), heldOut: countsOf(test.counts) },
    sampling: sampled
      ? `the portal had ${train.counts.seen + test.counts.seen} lessons, ${train.counts.used + test.counts.used} were used: training kept ${train.counts.churnersUsed} of ${train.counts.churnersSeen} churners and ${train.counts.used - train.counts.churnersUsed} of ${train.counts.seen - train.counts.churnersSeen} retained (intercept corrected for it), the held-out side a uniform ${test.counts.used} of ${test.counts.seen}`
      : 'every lesson the portal had was used',
    calibrationByDecile: [],
  };
  const rules = (reason: string): ChurnModel => ({ kind: 'rules', reason, report: { ...report, used: 'rules', reason } });

  if (!options.enabled) return rules('the fitted model is turned off in the configuration');
  const churned = train.counts.churnersUsed;
  const retained = train.counts.used - churned;
  if (churned < options.minChurned) return rules(`too little history: ${churned} churned customers in training, need at least ${options.minChurned}`);
  if (retained < options.minRetained) return rules(`too little history: ${retained} retained customers in training, need at least ${options.minRetained}`);

  const model = correctedForSampling(fitLogistic(train.rows, train.labels, { l2: options.l2 }), train.counts);
  const predicted = test.rows.map((x) => predictLogistic(model, x));
  const labels = test.labels;
  const auc = areaUnderCurve(predicted, labels);
  const interval = aucBootstrapInterval(predicted, labels, options.bootstrapResamples);
  const brier = labels.length ? brierScore(predicted, labels) : undefined;
  Object.assign(report, { auc, aucInterval95: interval, brier, calibrationByDecile: calibrationByDecile(predicted, labels) });

  const heldOutChurners = report.sample.churnersHeldOut;
  if (heldOutChurners < options.minHeldOutChurners) return rules(`only ${heldOutChurners} churners held out, need at least ${options.minHeldOutChurners} to judge the model`);
  if (!interval || interval.lower < options.minAucLowerBound) {
    return rules(`held-out AUC ${auc?.toFixed(2) ?? 'n/a'} with a 95 % interval from ${interval?.lower.toFixed(2) ?? 'n/a'}: the lower bound must reach ${options.minAucLowerBound}`);
  }
  const reason = `held-out AUC ${(auc as number).toFixed(2)} (95 % interval ${interval.lower.toFixed(2)}-${interval.upper.toFixed(2)}) on ${labels.length} customers with ${heldOutChurners} churners`;
  return {
    kind: 'fitted',
    model,
    horizonDays: options.horizonDays,
    featureNames: FEATURE_NAMES,
    quality: { auc, brier: brier ?? 0, calibration: calibrationTable(predicted, labels), trainedOn: train.counts.used, heldOut: test.counts.used, churnedInHistory: train.counts.churnersSeen + test.counts.churnersSeen },
    report: { ...report, used: 'fitted', reason },
  };
}

/**
 * A model fitted on churners kept at rate p1 and retained at rate p0 overstates the odds of
 * churn by p1/p0; subtracting log(p1/p0) from the intercept gives the portal's odds back. With
 * every lesson kept the model is returned as fitted.
 */
function correctedForSampling(model: LogisticModel, counts: LessonCounts): LogisticModel {
  const retainedSeen = counts.seen - counts.churnersSeen;
  const retainedUsed = counts.used - counts.churnersUsed;
  if (counts.used === counts.seen || retainedUsed === 0 || counts.churnersUsed === 0) return model;
  const ratio = counts.churnersUsed / counts.churnersSeen / (retainedUsed / retainedSeen);
  return { ...model, bias: model.bias - Math.log(ratio) };
}
