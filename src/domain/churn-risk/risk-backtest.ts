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
  const churners = entries.filter((e) => e.churned).length;
  const level = (name: ChurnRiskLevel): LevelBacktest => {
    const called = entries.filter((e) => e.level === name);
    const churned = called.filter((e) => e.churned).length;
    return { called: called.length, churned, precision: called.length ? churned / called.length : undefined, recall: churners ? churned / churners : undefined };
  };
  return { levelsAsOf: levelsAsOf.toISOString(), method: 'rules', customers: entries.length, churners, levels: { low: level('low'), medium: level('medium'), high: level('high') } };
}
