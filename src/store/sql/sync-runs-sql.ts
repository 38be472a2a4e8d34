import type { SqlDatabase, SyncRun, SyncRunRepository } from '../store';
import { StoreInputError, StoreNotFoundError } from '../store-errors';
import { dateIssues, requireWholeNumber } from './input-checks';

interface SyncRunRow {
  id: number;
  kind: SyncRun['kind'];
  as_of: Date;
  started_at: Date;
  finished_at: Date | null;
  outcome: SyncRun['outcome'];
  api_calls: number | null;
  companies_changed: number | null;
  settings_version: number | null;
  model_version: number | null;
  summary: Record<string, unknown> | null;
}

const toRun = (r: SyncRunRow): SyncRun => ({
  id: r.id, kind: r.kind, asOf: r.as_of, startedAt: r.started_at, outcome: r.outcome,
  ...(r.finished_at ? { finishedAt: r.finished_at } : {}),
  ...(r.api_calls !== null ? { apiCalls: r.api_calls } : {}),
  ...(r.companies_changed !== null ? { companiesChanged: r.companies_changed } : {}),
  ...(r.settings_version !== null ? { settingsVersion: r.settings_version } : {}),
  ...(r.finished_at ? { modelVersion: r.model_version } : {}),
  ...(r.summary ? { summary: r.summary } : {}),
});

const COLUMNS = 'id, kind, as_of, started_at, finished_at, outcome, api_calls, companies_changed, settings_version, model_version, summary';

export function sqlSyncRunRepository(db: SqlDatabase): SyncRunRepository {
  return {
    async start(run) {
      const issues = [
        ...(['full', 'incremental', 'dry-run'].includes(run.kind) ? [] : [{ path: 'kind', message: 'kind must be full, incremental or dry-run' }]),
        ...dateIssues({ asOf: run.asOf, startedAt: run.startedAt }),
        ...(Number.isInteger(run.settingsVersion) && run.settingsVersion >= 0 ? [] : [{ path: 'settingsVersion', message: 'settingsVersion must be a whole number, 0 or more' }]),
      ];
      if (issues.length) throw new StoreInputError(issues);
      const [row] = await db.query<SyncRunRow>(`INSERT INTO cs_sync_runs (kind, as_of, started_at, outcome, settings_version) VALUES ($1, $2, $3, 'running', $4) RETURNING ${COLUMNS}`, [run.kind, run.asOf, run.startedAt, run.settingsVersion]);
      return toRun(row!);
    },
    async finish(id, result) {
      requireWholeNumber('id', id);
      const issues = [
        ...dateIssues({ finishedAt: result.finishedAt }),
        ...(['ok', 'partial', 'failed'].includes(result.outcome) ? [] : [{ path: 'outcome', message: 'outcome must be ok, partial or failed' }]),
        ...(['apiCalls', 'companiesChanged'] as const).filter((k) => !Number.isInteger(result[k]) || result[k] < 0).map((k) => ({ path: k, message: `${k} must be a whole number, 0 or more` })),
      ];
      if (issues.length) throw new StoreInputError(issues);
      const [row] = await db.query<SyncRunRow>(
        `UPDATE cs_sync_runs SET finished_at = $2, outcome = $3, api_calls = $4, companies_changed = $5, model_version = $6, summary = $7::jsonb WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, result.finishedAt, result.outcome, result.apiCalls, result.companiesChanged, result.modelVersion, JSON.stringify(result.summary)],
      );
      if (!row) throw new StoreNotFoundError(`no sync run ${id}`);
      return toRun(row);
    },
    async recent(limit = 20) {
      requireWholeNumber('limit', limit);
      const rows = await db.query<SyncRunRow>(`SELECT ${COLUMNS} FROM cs_sync_runs ORDER BY started_at DESC, id DESC LIMIT $1`, [limit]);
      return rows.map(toRun);
    },
  };
}
