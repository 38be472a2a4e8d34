import { fitChurnModel, firstTrainPeriod, type TrainingSample } from '../../../src/domain/churn-risk/churn-model';
import { LessonReservoir, NO_LESSON_LIMIT, SYNC_LESSON_LIMITS } from '../../../src/domain/churn-risk/lesson-reservoir';
import { fitLogistic, predictLogistic, type LogisticModel } from '../../../src/domain/churn-risk/logistic-regression';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';

const FIRST_TRAIN = firstTrainPeriod(config);
/** Fewer bootstrap resamples than the product's: these tests judge the lessons, not the interval. */
const quick = { ...config, churnRisk: { ...config.churnRisk, model: { ...config.churnRisk.model, bootstrapResamples: 100 } } };

/** A seeded generator, so each test's portal is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lessons of `customers` customers over periods 0 and FIRST_TRAIN..FIRST_TRAIN+2: two features, the
 * first pushing churn up; about `churnRate` of them churn.
 */
function lessons(customers: number, churnRate: number, seed = 1): TrainingSample[] {
  const next = random(seed);
  const out: TrainingSample[] = [];
  for (let c = 0; c < customers; c++) {
    for (const period of [0, FIRST_TRAIN, FIRST_TRAIN + 1, FIRST_TRAIN + 2]) {
      const signal = next() * 4;
      const noise = next();
      const odds = (churnRate / (1 - churnRate)) * Math.exp(1.2 * (signal - 2));
      out.push({ id: `c${c}`, period, features: [signal, noise], churned: next() < odds / (1 + odds) ? 1 : 0 });
    }
  }
  return out;
}

const fill = (samples: readonly TrainingSample[], limits = SYNC_LESSON_LIMITS) => {
  const reservoir = new LessonReservoir(FIRST_TRAIN, limits);
  for (const sample of samples) reservoir.add(sample);
  return reservoir;
};

const keys = (rows: ArrayLike<number>[]) => rows.map((r) => Array.from(r).join(',')).sort();

describe('the churn model lessons reservoir', () => {
  it('with room for every lesson, fits exactly the coefficients the list of samples gives', () => {
    const samples = lessons(1_500, 0.12);
    const train = samples.filter((s) => (s.period ?? 0) >= FIRST_TRAIN);
    // The fit as it was before the reservoir: the training lessons in the portal's order.
    const reference = fitLogistic(train.map((s) => s.features), train.map((s) => s.churned), { l2: config.churnRisk.model.l2 });
    const model = fitChurnModel(fill(samples), quick);
    if (model.kind !== 'fitted') throw new Error(model.reason);
    expect(model.model).toEqual(reference);
    expect(fitChurnModel(samples, quick)).toEqual(model);
    expect(model.report?.sampling).toBe('every lesson the portal had was used');
    expect(model.report?.seen).toEqual({ total: samples.length, train: { seen: train.length, churnersSeen: train.filter((s) => s.churned).length }, heldOut: { seen: 1_500, churnersSeen: samples.filter((s) => s.period === 0 && s.churned).length } });
  });

  it('keeps at most its limit per side, every training churner that fits, and says what it saw and used', () => {
    const samples = lessons(4_000, 0.03);
    const model = fitChurnModel(fill(samples, { train: 2_000, heldOut: 1_000 }), quick);
    const report = model.report;
    const trainChurners = samples.filter((s) => (s.period ?? 0) >= FIRST_TRAIN && s.churned).length;
    expect(trainChurners).toBeLessThan(1_000);
    expect(report?.sample).toMatchObject({ train: 2_000, heldOut: 1_000, churnersTrain: trainChurners });
    expect(report?.seen).toMatchObject({ total: 16_000, train: { seen: 12_000, churnersSeen: trainChurners }, heldOut: { seen: 4_000 } });
    expect(report?.sampling).toMatch(new RegExp(`^the portal had 16000 lessons, 3000 were used: training kept ${trainChurners} of ${trainChurners} churners and ${2_000 - trainChurners} of ${12_000 - trainChurners} retained`));
  });

  it('keeps half the room for the retained when the churners alone would fill it', () => {
    const samples = lessons(3_000, 0.5, 11);
    const train = samples.filter((s) => (s.period ?? 0) >= FIRST_TRAIN);
    const churners = train.filter((s) => s.churned).length;
    expect(churners).toBeGreaterThan(1_000);
    const rows = fill(samples, { train: 1_000, heldOut: 500 }).trainRows();
    expect(rows.counts).toEqual({ seen: train.length, churnersSeen: churners, used: 1_000, churnersUsed: 500 });
    expect(rows.labels.filter((y) => y === 1)).toHaveLength(500);
  });

  it('keeps the same lessons whatever order they arrive in (a resumed sync fits the model it would have)', () => {
    const samples = lessons(2_000, 0.1, 7);
    const limits = { train: 1_500, heldOut: 700 };
    const shuffled = [...samples].sort((a, b) => (a.features[1] === b.features[1] ? 0 : a.features[1] < b.features[1] ? -1 : 1));
    const a = fill(samples, limits), b = fill(shuffled, limits);
    expect(keys(a.trainRows().rows)).toEqual(keys(b.trainRows().rows));
    expect(keys(a.heldOutRows().rows)).toEqual(keys(b.heldOutRows().rows));
    expect(a.trainRows().rows).toHaveLength(1_500);
    // Another seed keeps other lessons: the choice is the hash's, not the order's.
    const other = new LessonReservoir(FIRST_TRAIN, limits, 43);
    for (const sample of samples) other.add(sample);
    expect(keys(other.heldOutRows().rows)).not.toEqual(keys(a.heldOutRows().rows));
  });

  it('corrects the intercept for keeping churners more often than the retained: probabilities stay near those of a fit on every lesson', () => {
    const samples = lessons(6_000, 0.04, 3);
    const train = samples.filter((s) => (s.period ?? 0) >= FIRST_TRAIN);
    const churners = train.filter((s) => s.churned).length;
    const limits = { train: 3 * churners, heldOut: 1_000 };
    const sampled = fitChurnModel(fill(samples, limits), quick);
    const full = fitChurnModel(samples, quick);
    if (sampled.kind !== 'fitted' || full.kind !== 'fitted') throw new Error('expected fitted models');
    const meanPrediction = (model: LogisticModel) => train.reduce((sum, s) => sum + predictLogistic(model, s.features), 0) / train.length;
    expect(sampled.report?.sample.churnersTrain).toBe(churners);
    // A third of the kept lessons are churners where the portal has far fewer: uncorrected, the mean prediction is far above the full fit's.
    const uncorrected = { ...sampled.model, bias: sampled.model.bias + Math.log((churners / churners) / ((2 * churners) / (train.length - churners))) };
    expect(meanPrediction(uncorrected)).toBeGreaterThan(2 * meanPrediction(full.model));
    expect(meanPrediction(sampled.model)).toBeGreaterThan(meanPrediction(full.model) * 0.8);
    expect(meanPrediction(sampled.model)).toBeLessThan(meanPrediction(full.model) * 1.25);
    expect(sampled.model.weights[0]).toBeGreaterThan(0.5);
  });

  it('refuses a lesson whose feature count differs, naming the field', () => {
    const reservoir = fill(lessons(2, 0.5));
    expect(() => reservoir.add({ id: 'x', period: 0, churned: 0, features: [1, 2, 3] })).toThrow(/^features: a lesson has 3 features where the others have 2$/);
  });

  it('holds nothing for a portal without lessons', () => {
    const reservoir = fill([]);
    expect(reservoir.trainRows().rows).toEqual([]);
    expect(fitChurnModel(reservoir, config).report?.seen).toEqual({ total: 0, train: { seen: 0, churnersSeen: 0 }, heldOut: { seen: 0, churnersSeen: 0 } });
  });
});
