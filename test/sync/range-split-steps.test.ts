import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import { createHubSpotGateway, type HubSpotGateway } from '../../src/hubspot';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { RangeState } from '../../src/sync/ranges/range-state';
import { runRangeSyncStep, type RangeSyncStep } from '../../src/sync/ranges/range-sync';
import { AS_OF } from '../hubspot/hubspot-test-portal';

// Steps refused before any HubSpot call: the gateway points nowhere and is never used.
describe('a range-split sync step that cannot run right', () => {
  let store: Store;
  let gateway: HubSpotGateway;
  let syncRunId: number;
  const sent: RangeSyncStep[] = [];
  const run = (step: RangeSyncStep, settingsVersion = 0) => runRangeSyncStep({ gateway, config, store, settingsVersion, portalContext: () => Promise.reject(new Error('not read')), send: async (next) => void sent.push(next) }, step);

  beforeAll(async () => {
    store = await openStore({ memory: true });
    gateway = createHubSpotGateway({ basePath: 'http://127.0.0.1:9', accessToken: 'none' });
    syncRunId = (await store.syncRuns.start({ kind: 'full', asOf: AS_OF, startedAt: AS_OF, settingsVersion: 0 })).id;
    await new RangeState(store.database).create({ syncRunId, asOf: AS_OF, settingsVersion: 0, apiCalls: 0, ranges: [{ from: '1', to: '50' }, { from: '50', to: '100' }] });
  }, 60_000);
  afterAll(async () => {
    await gateway.close();
    await store.close();
  });

  it('names a run the store does not know', async () => {
    await expect(run({ syncRunId: syncRunId + 1, stage: 'fit' })).rejects.toThrow(`syncRunId: no range-split sync run ${syncRunId + 1} in the store`);
  });

  it('names a range the run does not have', async () => {
    await expect(run({ syncRunId, stage: 'read', range: 2 })).rejects.toThrow(`range: run ${syncRunId} has ranges 0 to 1, not 2`);
  });

  it('refuses a step under other settings than the run started with', async () => {
    await expect(run({ syncRunId, stage: 'read', range: 0 }, 3)).rejects.toThrow(`run ${syncRunId}: started with settings version 0, this worker now has 3`);
  });

  it('refuses to write a range before the model is fitted, and to finish before every range is written', async () => {
    await expect(run({ syncRunId, stage: 'write', range: 0 })).rejects.toThrow(`run ${syncRunId}: range 0 cannot be written before the model is fitted`);
    await expect(run({ syncRunId, stage: 'finish' })).rejects.toThrow(`run ${syncRunId}: 0 of 2 ranges written; not finished`);
    expect(sent).toEqual([]);
  });

  it('counts a range’s step once however often it completes, and says which call completed the set', async () => {
    const state = new RangeState(store.database);
    expect(await state.completeStep(syncRunId, 'read', 0)).toEqual({ done: 1, total: 2, first: true });
    expect(await state.completeStep(syncRunId, 'read', 0)).toEqual({ done: 1, total: 2, first: false });
    expect(await state.completeStep(syncRunId, 'read', 1)).toEqual({ done: 2, total: 2, first: true });
  });
});
