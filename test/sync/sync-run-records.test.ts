import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties } from '../../src/hubspot';
import { openStore } from '../../src/store/open-store';
import { runFullSync } from '../../src/sync/full-sync';
import { AS_OF, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';

const shape = { companies: 3, contactsPerCompany: 1, dealsPerCompany: 1, ticketsPerCompany: 1, bigCompanyContacts: 0 };

describe('the sync runs the store records', () => {
  it('records a run that HubSpot stops half-way as failed, with its error, not as still running', async () => {
    // Every company list answers 500: the sync starts its run, then cannot read.
    await withPortal({ seed: seedPortal(shape), faults: { seed: 1, endpoints: { 'objects.list': { status500: 1 } } } }, async (gateway) => {
      await ensureCsProperties(gateway);
      const store = await openStore({ memory: true });
      const dir = mkdtempSync(join(tmpdir(), 'cs-run-records-'));
      try {
        await expect(runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'failing', now: () => AS_OF, store })).rejects.toThrow();
        const [run] = await store.syncRuns.recent(1);
        expect(run).toMatchObject({ kind: 'full', outcome: 'failed', companiesChanged: 0 });
        expect(String(run.summary?.error)).not.toBe('');
        expect(run.finishedAt).toBeInstanceOf(Date);
      } finally {
        await store.close();
      }
    }, { retry: { maxAttempts: 1 } });
  });

  it('keeps each company\'s reading in the store, drops a company HubSpot no longer has, and writes none on a dry run', async () => {
    await withPortal({ seed: seedPortal(shape) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const store = await openStore({ memory: true });
      const dir = mkdtempSync(join(tmpdir(), 'cs-run-records-'));
      const sync = (runKey: string, now: Date, dryRun = false) => runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, `${runKey}.jsonl`), modelPath: join(dir, 'm.json'), runKey, now: () => now, store, dryRun });
      try {
        await sync('dry', AS_OF, true);
        expect(await store.companies.count()).toBe(0);
        await sync('first', AS_OF);
        const ids = (await store.companies.getMany(['1', '2', '3']));
        expect([...ids.keys()].sort()).toEqual(['1', '2', '3']);
        expect(ids.get('1')!.customer.deals).toHaveLength(1);
        // A company HubSpot no longer has (deleted or merged since an earlier reading): the next full sync
        // does not read it, so the store forgets it.
        await store.companies.write([{ customer: { ...ids.get('3')!.customer, id: '9999' }, readAt: AS_OF }]);
        await sync('second', new Date(AS_OF.getTime() + 86_400_000));
        expect(await store.companies.count()).toBe(3);
        expect(await store.companies.get('9999')).toBeUndefined();
      } finally {
        await store.close();
      }
    });
  });
});
