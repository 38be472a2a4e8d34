import { firstTrainPeriod } from '../domain/churn-risk/churn-model';
import { LessonReservoir, SYNC_LESSON_LIMITS, type LessonLimits } from '../domain/churn-risk/lesson-reservoir';
import { BacktestTally } from '../domain/churn-risk/risk-backtest';
import type { EngineConfig } from '../domain/config/engine-config';
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
}
