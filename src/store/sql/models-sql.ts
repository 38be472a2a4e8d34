import type { ChurnModel } from '../../domain/churn-risk/churn-model';
import type { ModelRepository, ModelVersion, SqlDatabase } from '../store';
import { StoreInputError } from '../store-errors';
import { dateIssues, requireWholeNumber } from './input-checks';

interface ModelRow {
  version: number;
  model: ChurnModel;
  report: Record<string, unknown>;
  fitted_at: Date;
  settings_version: number;
}

const toVersion = (r: ModelRow): ModelVersion => ({ version: r.version, model: r.model, report: r.report, fittedAt: r.fitted_at, settingsVersion: r.settings_version });
const COLUMNS = 'version, model, report, fitted_at, settings_version';
const MODEL_LOCK_KEY = 727_011_2028;

export function sqlModelRepository(db: SqlDatabase): ModelRepository {
  return {
    async save(model, report, settingsVersion, fittedAt) {
      const issues = [];
      if (model?.kind !== 'fitted' && model?.kind !== 'rules') issues.push({ path: 'model.kind', message: 'must be fitted or rules' });
      if (!Number.isInteger(settingsVersion) || settingsVersion < 0) issues.push({ path: 'settingsVersion', message: 'must be a whole number, 0 or more' });
      issues.push(...dateIssues({ fittedAt }));
      if (issues.length) throw new StoreInputError(issues);
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MODEL_LOCK_KEY]);
        const [{ next }] = (await tx.query<{ next: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM cs_model_versions')) as [{ next: number }];
        const [row] = await tx.query<ModelRow>(`INSERT INTO cs_model_versions (${COLUMNS}) VALUES ($1, $2::jsonb, $3::jsonb, $4, $5) RETURNING ${COLUMNS}`, [next, JSON.stringify(model), JSON.stringify(report ?? {}), fittedAt, settingsVersion]);
        return toVersion(row!);
      });
    },
    async latest() {
      const [row] = await db.query<ModelRow>(`SELECT ${COLUMNS} FROM cs_model_versions ORDER BY version DESC LIMIT 1`);
      return row && toVersion(row);
    },
    async get(version) {
      requireWholeNumber('version', version);
      const [row] = await db.query<ModelRow>(`SELECT ${COLUMNS} FROM cs_model_versions WHERE version = $1`, [version]);
      return row && toVersion(row);
    },
  };
}
