import { firstTrainPeriod, fitChurnModel, type ChurnModel } from '../domain/churn-risk/churn-model';
import { LessonReservoir, SYNC_LESSON_LIMITS, type LessonLimits } from '../domain/churn-risk/lesson-reservoir';
import { BacktestTally } from '../domain/churn-risk/risk-backtest';
import type { EngineConfig } from '../domain/config/engine-config';
import { DAY_MS } from '../domain/time/days';
import type { EarlyChurnRecord } from '../domain/sales/early-churn-record';
import type { CustomerResult } from './customer-result';
import { repRecords } from './deal-retention-values';

/**
 * What a full sync needs of the whole portal before it can write, added up one result at a time as
 * pages are scored (or read back from the spool on a resumed run), so its size does not grow with
 * the portal's: the churn model's lessons (a bounded, seeded reservoir), each rep's early-churn
 * record (a small map by rep) and the rule backtest's counts.
 */
export class PortalTally {
  companies = 0;
  readonly lessons: LessonReservoir;
  readonly reps = new Map<string, EarlyChurnRecord>();
  readonly backtest = new BacktestTally();

  constructor(config: EngineConfig, limits: LessonLimits = SYNC_LESSON_LIMITS) {
    this.lessons = new LessonReservoir(firstTrainPeriod(config), limits);
  }

  absorb(results: Iterable<CustomerResult>): void {
    for (const result of results) {
      this.companies += 1;
      for (const sample of result.samples ?? []) this.lessons.add(sample);
      if (result.backtest) this.backtest.add(result.backtest);
      repRecords([result], this.reps);
    }
  }

  /** {@link absorb} for a stream that may be read asynchronously (a spool on disk, or results in the store). */
  async absorbAll(results: Iterable<CustomerResult> | AsyncIterable<CustomerResult>): Promise<void> {
    for await (const result of results) this.absorb([result]);
  }

  /**
   * The churn model fitted on the portal's lessons (or the rule weights), with the rule backtest
   * by level added to its report (kept with it, printed by `--json`): the full sync's fit, and the
   * range-split sync's fit job's, so both give the same model for the same results.
   */
  fitModel(config: EngineConfig, asOf: Date): ChurnModel {
    const model = fitChurnModel(this.lessons, config);
    const levelsAsOf = new Date(asOf.getTime() - config.churnRisk.model.backtestDays * DAY_MS);
    return model.report ? { ...model, report: { ...model.report, backtest: this.backtest.backtest(levelsAsOf) } } : model;
  }
}
