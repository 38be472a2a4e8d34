import fc from 'fast-check';
import { areaUnderCurve, aucBootstrapInterval } from '../../../src/domain/churn-risk/model-quality';

/** The AUC by its definition: over every (churner, stayer) pair, 1 when the churner scores higher, 1/2 on a tie. */
function pairwiseAuc(scores: number[], labels: number[]): number | undefined {
  let wins = 0, pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] === 1) continue;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return pairs ? wins / pairs : undefined;
}

describe('the held-out AUC', () => {
  it('equals the pairwise definition, ties included', () => {
    // Scores from a few values, so ties between churners and stayers are common.
    const sample = fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1 })), { maxLength: 60 });
    fc.assert(
      fc.property(sample, (rows) => {
        const scores = rows.map(([s]) => s / 6), labels = rows.map(([, y]) => y);
        const expected = pairwiseAuc(scores, labels);
        const actual = areaUnderCurve(scores, labels);
        if (expected === undefined) expect(actual).toBeUndefined();
        else expect(actual).toBeCloseTo(expected, 12);
      }),
    );
  });

  it('has a bootstrap interval around it that is the same on every run', () => {
    const scores = Array.from({ length: 400 }, (_, i) => ((i * 37) % 101) / 100);
    const labels = scores.map((s, i) => (s > 0.6 || i % 9 === 0 ? 1 : 0));
    const interval = aucBootstrapInterval(scores, labels, 200);
    const auc = areaUnderCurve(scores, labels) as number;
    expect(interval?.lower).toBeLessThanOrEqual(auc);
    expect(interval?.upper).toBeGreaterThanOrEqual(auc);
    expect(aucBootstrapInterval(scores, labels, 200)).toEqual(interval);
  });
});
