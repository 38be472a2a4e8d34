import type { CompanyIdRange } from '../../hubspot';
import type { EarlyChurnRecord } from '../../domain/sales/early-churn-record';
import type { SqlDatabase } from '../../store/store';
import type { CustomerResult } from '../customer-result';

/**
 * The shared state of one range-split full sync, in the store every worker reaches (migration
 * `0003-sync-ranges`): the plan (as-of, ranges), how many ranges are read and written, the fitted
 * model's version and the reps' early-churn records the deal writes need, and each company's scored
 * result between its range's read and its write.
 */
export interface RangeRun {
  syncRunId: number;
  asOf: Date;
  settingsVersion: number;
  ranges: CompanyIdRange[];
  rangesRead: number;
  rangesWritten: number;
  /** Companies whose properties the written ranges changed. */
  companiesChanged: number;
  modelVersion: number | null;
  reps: Map<string, EarlyChurnRecord> | null;
  /** API calls its start and steps made so far, on every worker, failed attempts included. */
  apiCalls: number;
  finishedAt: Date | null;
}

export type RangeStage = 'read' | 'write';

interface RunRow {
  sync_run_id: number;
  as_of: Date | string;
  settings_version: number;
  ranges: string;
  ranges_read: number;
  ranges_written: number;
  companies_changed: number;
  model_version: number | null;
  reps: string | null;
  api_calls: number;
  finished_at: Date | string | null;
}

const RUN_COLUMNS = 'sync_run_id, as_of, settings_version, ranges::text AS ranges, ranges_read, ranges_written, companies_changed, model_version, reps::text AS reps, api_calls, finished_at';

const toRun = (r: RunRow): RangeRun => ({
  syncRunId: r.sync_run_id,
  asOf: new Date(r.as_of),
  settingsVersion: r.settings_version,
  ranges: JSON.parse(r.ranges) as CompanyIdRange[],
  rangesRead: r.ranges_read,
  rangesWritten: r.ranges_written,
  companiesChanged: r.companies_changed,
  modelVersion: r.model_version,
  reps: r.reps === null ? null : new Map(JSON.parse(r.reps) as [string, EarlyChurnRecord][]),
  apiCalls: Number(r.api_calls),
  finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
});

/** Results per INSERT: one JSON parameter each, as the company records are written. */
const CHUNK = 1_000;
const PAGE = 1_000;

export class RangeState {
  constructor(private readonly db: SqlDatabase) {}

  async create(run: { syncRunId: number; asOf: Date; settingsVersion: number; ranges: CompanyIdRange[]; apiCalls: number }): Promise<void> {
    await this.db.query('INSERT INTO cs_sync_range_runs (sync_run_id, as_of, settings_version, ranges, api_calls) VALUES ($1, $2, $3, $4::json, $5)', [run.syncRunId, run.asOf, run.settingsVersion, JSON.stringify(run.ranges), run.apiCalls]);
  }

  /** Adds the calls one step made (also when it failed: they cost the portal's budget all the same). */
  async addCalls(syncRunId: number, calls: number): Promise<void> {
    if (calls > 0) await this.db.query('UPDATE cs_sync_range_runs SET api_calls = api_calls + $2 WHERE sync_run_id = $1', [syncRunId, calls]);
  }

  /** The run, or an error naming it: a job of a run the store does not know cannot do anything right. */
  async get(syncRunId: number): Promise<RangeRun> {
    const [row] = await this.db.query<RunRow>(`SELECT ${RUN_COLUMNS} FROM cs_sync_range_runs WHERE sync_run_id = $1`, [syncRunId]);
    if (!row) throw new Error(`syncRunId: no range-split sync run ${syncRunId} in the store`);
    return toRun(row);
  }

  /** Upserts a range's scored results (a retried read replaces its own). */
  async saveResults(syncRunId: number, rangeIndex: number, results: readonly CustomerResult[]): Promise<void> {
    for (let start = 0; start < results.length; start += CHUNK) {
      const rows = results.slice(start, start + CHUNK).map((r) => `{"company_number":${JSON.stringify(r.id)},"result":${JSON.stringify(r)}}`);
      await this.db.query(
        `INSERT INTO cs_sync_range_results (sync_run_id, company_number, range_index, result)
         SELECT $1, company_number, $2, result FROM json_to_recordset($3::json) AS r(company_number numeric, result json)
         ON CONFLICT (sync_run_id, company_number) DO UPDATE SET range_index = EXCLUDED.range_index, result = EXCLUDED.result`,
        [syncRunId, rangeIndex, `[${rows.join(',')}]`],
      );
    }
  }

  /** The run's results (one range's when given) by id ascending, a page at a time: memory holds one page. */
  async *results(syncRunId: number, rangeIndex?: number): AsyncGenerator<CustomerResult> {
    let after: string | null = null;
    for (;;) {
      const rows: { company_number: string; result: string }[] = await this.db.query(
        `SELECT company_number::text AS company_number, result::text AS result FROM cs_sync_range_results
         WHERE sync_run_id = $1 AND ($2::integer IS NULL OR range_index = $2) AND ($3::numeric IS NULL OR company_number > $3::numeric)
         ORDER BY company_number LIMIT ${PAGE}`,
        [syncRunId, rangeIndex ?? null, after],
      );
      for (const row of rows) yield JSON.parse(row.result) as CustomerResult;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.company_number;
    }
  }

  /**
   * Records one range's step as done and returns how many ranges have done it: a retried job that
   * had already recorded its step counts once (and so do the companies it changed). `first` says
   * whether this call recorded it.
   */
  async completeStep(syncRunId: number, stage: RangeStage, rangeIndex: number, companiesChanged = 0): Promise<{ done: number; total: number; first: boolean }> {
    const column = stage === 'read' ? 'ranges_read' : 'ranges_written';
    const [row] = await this.db.query<{ done: number; total: number; first: boolean }>(
      `WITH step AS (
         INSERT INTO cs_sync_range_steps (sync_run_id, stage, range_index) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1
       )
       UPDATE cs_sync_range_runs SET ${column} = ${column} + (SELECT count(*) FROM step),
         companies_changed = companies_changed + (SELECT count(*) FROM step) * $4
       WHERE sync_run_id = $1
       RETURNING ${column} AS done, json_array_length(ranges) AS total, EXISTS (SELECT 1 FROM step) AS first`,
      [syncRunId, stage, rangeIndex, companiesChanged],
    );
    if (!row) throw new Error(`syncRunId: no range-split sync run ${syncRunId} in the store`);
    return { done: Number(row.done), total: Number(row.total), first: Boolean(row.first) };
  }

  async stepDone(syncRunId: number, stage: RangeStage, rangeIndex: number): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM cs_sync_range_steps WHERE sync_run_id = $1 AND stage = $2 AND range_index = $3', [syncRunId, stage, rangeIndex]);
    return rows.length > 0;
  }

  /** Keeps the fitted model's version and the reps' records, unless a fit of this run already did. */
  async recordFit(syncRunId: number, modelVersion: number, reps: ReadonlyMap<string, EarlyChurnRecord>): Promise<void> {
    await this.db.query('UPDATE cs_sync_range_runs SET model_version = $2, reps = $3::json WHERE sync_run_id = $1 AND model_version IS NULL', [syncRunId, modelVersion, JSON.stringify([...reps])]);
  }

  /** Marks the run finished and drops its results (the company records and snapshots hold what stays). */
  async finish(syncRunId: number, at: Date): Promise<void> {
    await this.db.query('DELETE FROM cs_sync_range_results WHERE sync_run_id = $1', [syncRunId]);
    await this.db.query('UPDATE cs_sync_range_runs SET finished_at = $2 WHERE sync_run_id = $1 AND finished_at IS NULL', [syncRunId, at]);
  }
}
