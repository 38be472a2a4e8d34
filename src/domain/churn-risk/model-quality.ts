/**
 * Area under the ROC curve: the chance a random churner is ranked above a random stayer (ties 1/2).
 *
 * @example
 * areaUnderCurve([0.9, 0.8, 0.2], [1, 0, 0]) // => 1
 */
export function areaUnderCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): number | undefined {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  // Rank-sum (Mann-Whitney U) with average ranks for ties, on typed arrays sorted natively: the
  // bootstrap calls this hundreds of times on up to 20,000 held-out customers.
  const all = Float64Array.from(scores).sort();
  const churners = new Float64Array(positives);
  for (let i = 0, k = 0; i < labels.length; i++) if (labels[i] === 1) churners[k++] = scores[i];
  churners.sort();
  let rankSum = 0;
  for (let i = 0, p = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1] === all[i]) j++;
    let tiedChurners = 0;
    while (p < churners.length && churners[p] === all[i]) {
      tiedChurners++;
      p++;
    }
    rankSum += tiedChurners * ((i + j) / 2 + 1);
    i = j + 1;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Mean squared error of the probabilities (lower is better; 0.25 is a coin toss).
 *
 * @example
 * brierScore([0.9, 0.2], [1, 0]) // => 0.025
 */
export const brierScore = (scores: readonly number[], labels: readonly number[]): number =>
  scores.reduce((sum, s, i) => sum + (s - labels[i]) ** 2, 0) / Math.max(scores.length, 1);

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observedRate: number;
}

/**
 * Predicted vs observed churn by probability band (tenths): a calibrated model has them close.
 *
 * @example
 * calibrationTable([0.05, 0.08, 0.95], [0, 0, 1]) // => [{ from: 0, to: 0.1, count: 2, meanPredicted: 0.065, observedRate: 0 }, { from: 0.9, to: 1, count: 1, ... }]
 */
export function calibrationTable(scores: readonly number[], labels: readonly number[], bins = 10): CalibrationBin[] {
  const table: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins, to = (b + 1) / bins;
    const members = scores.map((s, i) => ({ s, y: labels[i] })).filter(({ s }) => s >= from && (s < to || (b === bins - 1 && s <= to)));
    if (members.length === 0) continue;
    table.push({
      from,
      to,
      count: members.length,
      meanPredicted: members.reduce((sum, m) => sum + m.s, 0) / members.length,
      observedRate: members.reduce((sum, m) => sum + m.y, 0) / members.length,
    });
  }
  return table;
}

/**
 * Predicted vs observed churn by decile of the predictions (ten groups of equal size, lowest
 * first): unlike fixed bands, every decile holds a tenth of the customers, so none is empty.
 *
 * @example
 * calibrationByDecile([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95], [0, 0, 0, 0, 0, 1, 0, 1, 1, 1])[9]
 * // => { decile: 10, count: 1, from: 0.95, to: 0.95, meanPredicted: 0.95, observedRate: 1 }
 */
export function calibrationByDecile(scores: readonly number[], labels: readonly number[]): DecileBin[] {
  const pairs = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  const bins: DecileBin[] = [];
  for (let d = 0; d < 10; d++) {
    const members = pairs.slice(Math.floor((d * pairs.length) / 10), Math.floor(((d + 1) * pairs.length) / 10));
    if (members.length === 0) continue;
    bins.push({
      decile: d + 1,
      count: members.length,
      from: members[0].s,
      to: members[members.length - 1].s,
      meanPredicted: members.reduce((sum, m) => sum + m.s, 0) / members.length,
      observedRate: members.reduce((sum, m) => sum + m.y, 0) / members.length,
    });
  }
  return bins;
}

export interface DecileBin {
  decile: number;
  count: number;
  from: number;
  to: number;
  meanPredicted: number;
  observedRate: number;
}

/** A small seeded generator (mulberry32): the same data always gives the same interval. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 95 % percentile bootstrap interval of the AUC: resample the held-out customers with
 * replacement, recompute the AUC, take the 2.5th and 97.5th percentiles. With 5 churners the
 * interval is wide, which is the point: a bare "AUC 1" on 5 churners says little.
 *
 * @example
 * aucBootstrapInterval([0.9, 0.8, 0.3, 0.2], [1, 1, 0, 0], 200) // => { lower: 1, upper: 1, resamples: ... }
 */
export function aucBootstrapInterval(scores: readonly number[], labels: readonly number[], resamples = 500, seed = 42): { lower: number; upper: number; resamples: number } | undefined {
  const n = scores.length;
  if (areaUnderCurve(scores, labels) === undefined) return undefined;
  const random = seededRandom(seed);
  const aucs: number[] = [];
  const s = new Float64Array(n), y = new Uint8Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      s[i] = scores[k];
      y[i] = labels[k];
    }
    const auc = areaUnderCurve(s, y);
    if (auc !== undefined) aucs.push(auc);
  }
  if (aucs.length === 0) return undefined;
  aucs.sort((a, b) => a - b);
  const at = (q: number) => aucs[Math.min(aucs.length - 1, Math.max(0, Math.floor(q * aucs.length)))];
  return { lower: at(0.025), upper: at(0.975), resamples: aucs.length };
}
