import type { ChurnRiskLevel } from './churn-risk';

/** One customer in the backtest: the level it was given some days ago, and whether it churned since. */
export interface BacktestEntry {
  level: ChurnRiskLevel;
  churned: boolean;
}

export interface LevelBacktest {
  /** Customers given this level then. */
  called: number;
  /** Of them, how many churned since. */
  churned: number;
  /** churned / called; undefined when nobody was given the level. */
  precision?: number;
  /** Share of all churners given this level; undefined when nobody churned. */
  recall?: number;
}

export interface RiskBacktest {
  /** The date the levels were given (ISO), and how the risk was computed then. */
  levelsAsOf: string;
  method: 'rules';
  customers: number;
  churners: number;
  levels: Record<ChurnRiskLevel, LevelBacktest>;
}

/**
 * Precision and recall of each risk level given `days` ago: of the customers called high then, how
 * many churned (precision), and how many of all churners had been called high (recall).
 *
 * @example
 * riskBacktest([{ level: 'high', churned: true }, { level: 'high', churned: false }, { level: 'low', churned: true }], new Date('2026-08-03')).levels.high
 * // => { called: 2, churned: 1, precision: 0.5, recall: 0.5 }
 */
export function riskBacktest(entries: readonly BacktestEntry[], levelsAsOf: Date): RiskBacktest {
  const tally = new BacktestTally();
  for (const entry of entries) tally.add(entry);
  return tally.backtest(levelsAsOf);
}

/** The backtest's counts, added up one customer at a time (a sync streams a whole portal through it). */
export class BacktestTally {
  private readonly counts: Record<ChurnRiskLevel, { called: number; churned: number }> = { low: { called: 0, churned: 0 }, medium: { called: 0, churned: 0 }, high: { called: 0, churned: 0 } };

  add(entry: BacktestEntry): void {
    this.counts[entry.level].called += 1;
    if (entry.churned) this.counts[entry.level].churned += 1;
  }

  backtest(levelsAsOf: Date): RiskBacktest {
    const all = Object.values(this.counts);
    const customers = all.reduce((n, c) => n + c.called, 0);
    const churners = all.reduce((n, c) => n + c.churned, 0);
    const level = (name: ChurnRiskLevel): LevelBacktest => {
      const { called, churned } = this.counts[name];
      return { called, churned, precision: called ? churned / called : undefined, recall: churners ? churned / churners : undefined };
    };
    return { levelsAsOf: levelsAsOf.toISOString(), method: 'rules', customers, churners, levels: { low: level('low'), medium: level('medium'), high: level('high') } };
  }
}
