import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { PropertyValues } from '../domain/computed-properties';
import type { CompanySnapshot, Store, SyncRun } from '../store/store';
import { Batcher } from './batcher';
import type { CustomerResult } from './customer-result';

/**
 * What a sync keeps in the store, when it has one: the model it fitted, each company's day, the run,
 * and (when given) each company's reading, which the app pages and statements answer from.
 */
export type SyncStore = Pick<Store, 'models' | 'snapshots' | 'syncRuns'> & Partial<Pick<Store, 'companies'>>;

const numberOrNull = (value: string | null | undefined): number | null => (value === null || value === undefined || value === '' ? null : Number(value));

/**
 * One company's snapshot for the day of `asOf` (UTC), from the values the sync writes: the score,
 * band and risk as HubSpot will show them, and each component's sub-score (null = no data), so
 * the history chart and "why did it change" read what the properties said that day.
 */
export function snapshotOf(result: CustomerResult, values: PropertyValues, asOf: Date, versions: { settingsVersion: number; modelVersion: number | null }): CompanySnapshot {
  return {
    companyId: result.id,
    day: asOf.toISOString().slice(0, 10),
    score: numberOrNull(values.cs_health_score),
    band: values.cs_health_band ?? null,
    riskLevel: values.cs_churn_risk ?? null,
    riskScore: numberOrNull(values.cs_churn_risk_score),
    components: result.components ?? {},
    override: result.override ?? null,
    settingsVersion: versions.settingsVersion,
    modelVersion: versions.modelVersion,
  };
}

/** Saves a fitted (or rule) model with its report; the version every surface then scores with. */
export async function saveModelVersion(store: SyncStore, model: ChurnModel, settingsVersion: number, fittedAt: Date): Promise<number> {
  const report = (model.report ?? {}) as Record<string, unknown>;
  return (await store.models.save(model, report, settingsVersion, fittedAt)).version;
}

/** Snapshots go to the store in chunks as they stream, so a 100,000-company portal never builds one giant statement or array. */
export async function writeSnapshots(store: Pick<SyncStore, 'snapshots'>, rows: Iterable<CompanySnapshot> | AsyncIterable<CompanySnapshot>, chunk = 5_000): Promise<void> {
  const batcher = new Batcher<CompanySnapshot>(chunk, (slice) => store.snapshots.write(slice));
  for await (const row of rows) await batcher.push(row);
  await batcher.drain();
}

export type { SyncRun };
