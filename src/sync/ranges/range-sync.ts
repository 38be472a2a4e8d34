import type { EngineConfig } from '../../domain/config/engine-config';
import { assertPortalSetUp, checkMappedProperties, companyIdBounds, readCustomerRange, type HubSpotGateway, type PortalContext } from '../../hubspot';
import { statementsAfterFullSync } from '../../statements/after-full-sync';
import type { Store } from '../../store/store';
import { customerResult } from '../customer-result';
import { saveChurnModel } from '../model-store';
import { PortalTally } from '../portal-tally';
import { snapshotsOf, writeChanges, type ResultSource } from '../spool-writes';
import { saveModelVersion, writeSnapshots } from '../sync-records';
import { splitIdRange } from './id-ranges';
import { RangeState, type RangeRun } from './range-state';

/**
 * A full sync split across workers by company-id range, in four stages that are each a job on the
 * queue; a single worker running it with one range does exactly what `runFullSync` does, and the
 * pieces are the same code (the scoring, the tally and its fit, the writes from a result source):
 *
 * 1. read (one job per range, in parallel): the range's customers read and scored, their readings
 *    written to the store's company records and their scored results to the run's results;
 * 2. fit (one job, sent by the read that completes the set): the churn model fitted on every
 *    result, as the full sync fits it (same tally, seeded reservoir, backtest), saved as a version;
 * 3. write (one job per range, in parallel): the range's changed company and deal properties and
 *    its snapshots, scored with that model;
 * 4. finish (one job, sent by the write that completes the set): the records no range read are
 *    dropped and the period statements computed.
 *
 * The store holds the results rather than the company records alone because those records leave
 * out HubSpot's current values (stale once written), which decide what changed.
 */
export type RangeSyncStep = { syncRunId: number; stage: 'read' | 'write'; range: number } | { syncRunId: number; stage: 'fit' | 'finish' };

export interface RangeSyncDeps {
  gateway: HubSpotGateway;
  config: EngineConfig;
  store: Store;
  portalContext: () => Promise<PortalContext>;
  /** Sends the next stage's job on the queue the workers share. */
  send: (step: RangeSyncStep) => Promise<unknown>;
  /** Where the fitted model is also kept, as the full sync keeps it beside its checkpoint. */
  modelPath?: string;
  companiesPerAssembly?: number;
  now?: () => Date;
  /** The settings version `config` came from: a step refuses a run started under another (its ranges would be scored apart). */
  settingsVersion?: number;
}

export interface StartedRangeSync {
  syncRunId: number;
  asOf: Date;
  ranges: RangeRun['ranges'];
  /** Mapped input properties the portal lacks (their component has no data), as the full sync reports them. */
  missingProperties: string[];
}

/**
 * Plans a range-split full sync and sends its read jobs: the portal's lowest and highest company
 * ids (two searches) cut into `ranges` ranges, the run started in the store with one `asOf` for
 * every job. A portal without cs-health's properties is refused first, as the full sync refuses it.
 */
export async function startRangeSync(input: { gateway: HubSpotGateway; store: Store; config: EngineConfig; ranges: number; settingsVersion?: number; now?: () => Date; send: RangeSyncDeps['send'] }): Promise<StartedRangeSync> {
  const asOf = (input.now ?? (() => new Date()))();
  const gateway = input.gateway.scoped();
  await assertPortalSetUp(gateway);
  const missingProperties = await checkMappedProperties(gateway, input.config.mapping);
  const bounds = await companyIdBounds(gateway);
  // A portal without companies still runs the stages: the finish then empties the store's records.
  const ranges = bounds ? splitIdRange(bounds.lowest, bounds.highest, input.ranges) : [{ from: '1', to: '2' }];
  const settingsVersion = input.settingsVersion ?? 0;
  const run = await input.store.syncRuns.start({ kind: 'full', asOf, startedAt: new Date(), settingsVersion });
  await new RangeState(input.store.database).create({ syncRunId: run.id, asOf, settingsVersion, ranges, apiCalls: gateway.totalCalls() });
  for (let range = 0; range < ranges.length; range++) await input.send({ syncRunId: run.id, stage: 'read', range });
  return { syncRunId: run.id, asOf, ranges, missingProperties };
}

/**
 * Runs one stage's job; each is safe to run again (a retry, or a duplicate send). Its API calls
 * (counted apart from other jobs sharing the worker's gateway) are added to the run's before it
 * records its step done (so the finish, sent once every step is done, reads them all) and, for a
 * step that failed, when it stops.
 */
export async function runRangeSyncStep(deps: RangeSyncDeps, step: RangeSyncStep): Promise<void> {
  const state = new RangeState(deps.store.database);
  const run = await state.get(step.syncRunId);
  if (run.finishedAt) return;
  if (deps.settingsVersion !== undefined && deps.settingsVersion !== run.settingsVersion) {
    throw new Error(`run ${run.syncRunId}: started with settings version ${run.settingsVersion}, this worker now has ${deps.settingsVersion}; its ranges would be scored with different settings: start the sync again`);
  }
  const gateway = deps.gateway.scoped();
  let added = 0;
  const addCalls = async () => {
    const calls = gateway.totalCalls() - added;
    added += calls;
    await state.addCalls(run.syncRunId, calls);
  };
  const own = { ...deps, gateway };
  try {
    switch (step.stage) {
      case 'read':
        return await readRange(own, state, run, step.range, addCalls);
      case 'fit':
        return await fitRun(own, state, run);
      case 'write':
        return await writeRange(own, state, run, step.range, addCalls);
      case 'finish':
        return await finishRun(own, state, run);
    }
  } finally {
    await addCalls();
  }
}

function rangeOf(run: RangeRun, index: number) {
  const range = run.ranges[index];
  if (!range) throw new Error(`range: run ${run.syncRunId} has ranges 0 to ${run.ranges.length - 1}, not ${index}`);
  return range;
}

async function readRange(deps: RangeSyncDeps, state: RangeState, run: RangeRun, index: number, addCalls: () => Promise<void>): Promise<void> {
  const range = rangeOf(run, index);
  const context = await deps.portalContext();
  for await (const customers of readCustomerRange(deps.gateway, context, deps.config.mapping, range, { companiesPerAssembly: deps.companiesPerAssembly })) {
    await deps.store.companies.write(customers.map((customer) => ({ customer, readAt: run.asOf })));
    await state.saveResults(run.syncRunId, index, customers.map((customer) => customerResult(customer, deps.config, run.asOf)));
  }
  await addCalls();
  const step = await state.completeStep(run.syncRunId, 'read', index);
  // A retry of a read that had recorded itself sends again too: it may have stopped before sending.
  if (step.done === step.total) await deps.send({ syncRunId: run.syncRunId, stage: 'fit' });
}

async function fitRun(deps: RangeSyncDeps, state: RangeState, run: RangeRun): Promise<void> {
  if (run.modelVersion === null) {
    const tally = new PortalTally(deps.config);
    await tally.absorbAll(state.results(run.syncRunId));
    const model = tally.fitModel(deps.config, run.asOf);
    const version = await saveModelVersion(deps.store, model, run.settingsVersion, run.asOf);
    if (deps.modelPath) saveChurnModel(deps.modelPath, model);
    await state.recordFit(run.syncRunId, version, tally.reps);
  }
  for (let range = 0; range < run.ranges.length; range++) if (!(await state.stepDone(run.syncRunId, 'write', range))) await deps.send({ syncRunId: run.syncRunId, stage: 'write', range });
}

async function writeRange(deps: RangeSyncDeps, state: RangeState, run: RangeRun, index: number, addCalls: () => Promise<void>): Promise<void> {
  rangeOf(run, index);
  if (run.modelVersion === null || run.reps === null) throw new Error(`run ${run.syncRunId}: range ${index} cannot be written before the model is fitted`);
  const model = (await deps.store.models.get(run.modelVersion))?.model;
  if (!model) throw new Error(`run ${run.syncRunId}: model version ${run.modelVersion} is not in the store`);
  let changed = 0;
  if (!(await state.stepDone(run.syncRunId, 'write', index))) {
    // A retried write starts the range again: its batches rewrite the same values (HubSpot keeps them).
    const writtenBatches = new Set<number>();
    const source: ResultSource = { records: () => state.results(run.syncRunId, index), writtenBatches, recordWrittenBatch: (batch) => void writtenBatches.add(batch) };
    const written = await writeChanges({ gateway: deps.gateway, config: deps.config }, source, model, { reps: run.reps }, () => undefined);
    if (written.failed.length > 0) throw new Error(`range ${index}: HubSpot refused ${written.failed.length} writes (${written.failed.slice(0, 3).map((f) => `${f.id}: ${f.message}`).join('; ')})`);
    await writeSnapshots(deps.store, snapshotsOf(source, deps.config, model, run.asOf, { settingsVersion: run.settingsVersion, modelVersion: run.modelVersion }));
    changed = written.companiesChanged;
  }
  await addCalls();
  const step = await state.completeStep(run.syncRunId, 'write', index, changed);
  if (step.done === step.total) await deps.send({ syncRunId: run.syncRunId, stage: 'finish' });
}

async function finishRun(deps: RangeSyncDeps, state: RangeState, run: RangeRun): Promise<void> {
  if (run.rangesWritten < run.ranges.length) throw new Error(`run ${run.syncRunId}: ${run.rangesWritten} of ${run.ranges.length} ranges written; not finished`);
  // A company no range read was deleted or merged in HubSpot since an earlier reading.
  await deps.store.companies.removeNotReadSince(run.asOf);
  await statementsAfterFullSync({ store: deps.store, context: await deps.portalContext(), asOf: run.asOf });
  const now = (deps.now ?? (() => new Date()))();
  await state.finish(run.syncRunId, now);
  await deps.store.syncRuns.finish(run.syncRunId, {
    finishedAt: now,
    outcome: 'ok',
    // The start's and every step's calls, on whichever worker made them, and this step's own.
    apiCalls: run.apiCalls + deps.gateway.totalCalls(),
    companiesChanged: run.companiesChanged,
    modelVersion: run.modelVersion,
    summary: { asOf: run.asOf.toISOString(), ranges: run.ranges, companiesChanged: run.companiesChanged, split: true },
  });
}
