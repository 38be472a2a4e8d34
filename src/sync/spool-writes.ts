import type { ChurnModel } from '../domain/churn-risk/churn-model';
import type { PropertyValues } from '../domain/computed-properties';
import type { EngineConfig } from '../domain/config/engine-config';
import { changedValues, writeCompanyProperties, writeDealProperties, type HubSpotGateway } from '../hubspot';
import type { CompanySnapshot } from '../store/store';
import { Batcher } from './batcher';
import { finalValues, type CustomerResult } from './customer-result';
import { dealRetentionUpdates } from './deal-retention-values';
import type { PortalTally } from './portal-tally';
import { snapshotOf } from './sync-records';

export interface PropertyChange {
  companyId: string;
  changes: Record<string, { from: string | null; to: string }>;
}

export interface WrittenChanges {
  companiesChanged: number;
  /** Deals whose retention-target properties were written. */
  dealsUpdated: number;
  propertiesChanged: number;
  failed: { id: string; message: string }[];
  /** What would change (first 20 companies). */
  preview: PropertyChange[];
}

const WRITE_BATCH = 100;
/** Deal write batches are recorded in the checkpoint after the company ones, from this number. */
const DEAL_BATCH_OFFSET = 1_000_000;
const PREVIEW = 20;

/**
 * Scored results to write from, in reading order, and the write batches already done: the full
 * sync's checkpoint (its on-disk spool), or one company-id range's results in the store
 * (`src/sync/ranges/`), which several workers share.
 */
export interface ResultSource {
  records(): Iterable<unknown> | AsyncIterable<unknown>;
  readonly writtenBatches: ReadonlySet<number>;
  recordWrittenBatch(batch: number): void;
}

/** The results the source holds, streamed in reading order. */
export const spooled = (source: Pick<ResultSource, 'records'>) => source.records() as Iterable<CustomerResult> | AsyncIterable<CustomerResult>;

/** Each spooled result with the values to write once the model is known, and those that differ from HubSpot's. */
async function* finals(source: Pick<ResultSource, 'records'>, config: EngineConfig, model: ChurnModel): AsyncGenerator<{ result: CustomerResult; values: PropertyValues; changes: Record<string, string> }> {
  for await (const result of spooled(source)) {
    const values = finalValues(result, config, model);
    yield { result, values, changes: changedValues(values, result.current) };
  }
}

/** Companies whose properties will change (the progress bar's total), one pass over the spool. */
export async function countChanged(source: Pick<ResultSource, 'records'>, config: EngineConfig, model: ChurnModel): Promise<number> {
  let count = 0;
  for await (const { changes } of finals(source, config, model)) if (Object.keys(changes).length > 0) count += 1;
  return count;
}

/**
 * Streams the spool once: each changed company is written with 99 others in one call, each
 * relevant deal's retention target with 99 others, and every batch is recorded in the checkpoint
 * as it completes, so a resumed run skips the batches already written. A dry run writes nothing
 * and counts what it would write.
 */
export async function writeChanges(
  options: { gateway: HubSpotGateway; config: EngineConfig; dryRun?: boolean },
  checkpoint: ResultSource,
  model: ChurnModel,
  tally: Pick<PortalTally, 'reps'>,
  onCompanyWritten: () => void,
): Promise<WrittenChanges> {
  const { gateway, dryRun } = options;
  const out: WrittenChanges = { companiesChanged: 0, dealsUpdated: 0, propertiesChanged: 0, failed: [], preview: [] };
  const companies = new Batcher<{ id: string; properties: PropertyValues; current: PropertyValues }>(WRITE_BATCH, async (slice, batch) => {
    if (!dryRun && !checkpoint.writtenBatches.has(batch)) {
      const result = await writeCompanyProperties(gateway, slice, new Map(slice.map((u) => [u.id, u.current])));
      out.failed.push(...result.failed);
      checkpoint.recordWrittenBatch(batch);
    }
    for (let i = 0; i < slice.length; i++) onCompanyWritten();
  });
  const deals = new Batcher<{ id: string; properties: PropertyValues }>(WRITE_BATCH, async (slice, batch) => {
    const marker = DEAL_BATCH_OFFSET + batch;
    if (dryRun || checkpoint.writtenBatches.has(marker)) return;
    const result = await writeDealProperties(gateway, slice);
    out.dealsUpdated += result.written;
    out.failed.push(...result.failed);
    checkpoint.recordWrittenBatch(marker);
  });

  for await (const { result, values, changes } of finals(checkpoint, options.config, model)) {
    const changed = Object.keys(changes).length;
    if (changed > 0) {
      out.companiesChanged += 1;
      out.propertiesChanged += changed;
      if (out.preview.length < PREVIEW) out.preview.push(describeChange(result.id, values, result.current));
      await companies.push({ id: result.id, properties: values, current: result.current });
    }
    // The retention target of open deals and of new business won in the last 90 days.
    for (const update of dealRetentionUpdates(result, values, tally.reps, (id) => result.dealOwners?.[id])) await deals.push(update);
  }
  await companies.drain();
  await deals.drain();
  return out;
}

/** Each company's snapshot for the day, streamed from the spool. */
export async function* snapshotsOf(source: Pick<ResultSource, 'records'>, config: EngineConfig, model: ChurnModel, asOf: Date, versions: { settingsVersion: number; modelVersion: number | null }): AsyncGenerator<CompanySnapshot> {
  for await (const { result, values } of finals(source, config, model)) yield snapshotOf(result, values, asOf, versions);
}

function describeChange(companyId: string, next: PropertyValues, current: PropertyValues): PropertyChange {
  const changes: PropertyChange['changes'] = {};
  for (const [name, to] of Object.entries(changedValues(next, current))) changes[name] = { from: current[name] ?? null, to };
  return { companyId, changes };
}
