/**
 * Area under the ROC curve: the chance a random churner is ranked above a random stayer (ties 1/2).
 *
 * @example
 * areaUnderCurve([0.9, 0.8, 0.2], [1, 0, 0]) // => 1
 */
export function areaUnderCurve(scores: readonly number[], labels: readonly number[]): number | undefined {
  const pairs = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  const positives = labels.filter((y) => y === 1).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return undefined;
  // Rank-sum (Mann-Whitney U) with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (j + 1 < pairs.length && pairs[j + 1].s === pairs[i].s) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (pairs[k].y === 1) rankSum += averageRank;
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
