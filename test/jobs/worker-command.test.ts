import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCsProperties } from '../../src/hubspot';
import { PgBossQueue } from '../../src/jobs/drivers/pg-boss-queue';
import { openPgliteDatabase } from '../../src/store/engines/pglite-database';
import { seedPortal, TOKEN, withPortal } from '../hubspot/hubspot-test-portal';
import { eventually } from './queue-engines';
import { spawnCli } from '../cli/spawn-cli';

const runCli = (args: string[]) => spawnCli(args, { ...process.env, HUBSPOT_ACCESS_TOKEN: TOKEN, DATABASE_URL: '' });

describe('cs-health worker', () => {
  it('runs the jobs waiting in the embedded database against HubSpot, and stops on SIGTERM after them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-health-worker-'));
    const dataDir = join(dir, 'db');
    try {
      await withPortal({ seed: seedPortal({ companies: 3, contactsPerCompany: 1, dealsPerCompany: 2, ticketsPerCompany: 1, bigCompanyContacts: 0 }) }, async (gateway, sandbox) => {
        await ensureCsProperties(gateway);
        // A backend stored a recompute for company 2 and stopped (PGlite: one process owns the directory at a time).
        const database = await openPgliteDatabase({ dataDir });
        const backend = new PgBossQueue({ connection: { database, engine: 'pglite' }, runSchedules: false });
        await backend.start();
        await backend.send('recompute-companies', { companyIds: ['2'], reason: 'workflow-action' }, { delaySeconds: 0 });
        await backend.stop();
        await database.close();
        expect(sandbox.store.getObject('companies', '2').properties.cs_health_score ?? '').toBe('');

        const worker = runCli(['worker', '--json', '--data-dir', dataDir, '--base-url', sandbox.url, '--state-dir', dir, '--concurrency', '2', '--full-sync-cron', 'off']);
        await eventually(() => expect(worker.output().stdout).toContain('"event":"started"'), 30_000);
        expect(JSON.parse(worker.output().stdout.split('\n')[0]!)).toEqual({ event: 'started', engine: 'pglite', concurrency: 2, fullSyncCron: null });
        await eventually(() => expect(sandbox.store.getObject('companies', '2').properties.cs_health_score).toMatch(/^\d+(\.\d+)?$/), 30_000);
        // Only the company that had a job was written.
        expect(sandbox.store.getObject('companies', '1').properties.cs_health_score ?? '').toBe('');

        worker.child.kill('SIGTERM');
        expect(await worker.exited).toBe(0);
        const lines = worker.output().stdout.trim().split('\n');
        expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ event: 'stopped', signal: 'SIGTERM', companiesRecomputed: 1, failedBatches: 0 });
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists the dead letters and replays one, for the admin, without running the worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-health-dead-'));
    try {
      // A job that failed its only attempt (retries are set to 0 here) lands in the dead-letter list.
      const database = await openPgliteDatabase({ dataDir: dir });
      const queue = new PgBossQueue({ connection: { database, engine: 'pglite' }, runSchedules: false, pollingIntervalSeconds: 0.5, policies: { 'recompute-companies': { retryLimit: 0, debounceSeconds: 0 } } });
      await queue.start();
      await queue.send('recompute-companies', { companyIds: ['5'], reason: 'webhook' });
      await queue.work('recompute-companies', async () => {
        throw new Error('HubSpot answered 403 (MISSING_SCOPES)');
      });
      await eventually(async () => expect(await queue.deadLetters()).toHaveLength(1));
      await queue.stop();
      await database.close();

      const listed = runCli(['worker', '--dead-letters', '--json', '--data-dir', dir]);
      expect(await listed.exited).toBe(0);
      const { deadLetters } = JSON.parse(listed.output().stdout);
      expect(deadLetters).toEqual([{ id: expect.any(String), job: 'recompute-companies', payload: { companyIds: ['5'], reason: 'webhook' }, error: 'HubSpot answered 403 (MISSING_SCOPES)', failedAt: expect.any(String) }]);

      const replayed = runCli(['worker', '--replay', deadLetters[0].id, '--json', '--data-dir', dir]);
      expect(await replayed.exited).toBe(0);
      expect(JSON.parse(replayed.output().stdout)).toEqual({ event: 'replayed', deadLetterId: deadLetters[0].id, job: 'recompute-companies', jobId: expect.any(String) });

      const again = runCli(['worker', '--replay', deadLetters[0].id, '--data-dir', dir]);
      expect(await again.exited).toBe(1);
      expect(again.output().stderr.trim()).toBe(`cs-health: id: no dead-lettered job ${deadLetters[0].id} (already replayed, or never failed)`);
      const empty = runCli(['worker', '--dead-letters', '--data-dir', dir]);
      expect(await empty.exited).toBe(0);
      expect(empty.output().stdout.trim()).toBe('no dead letters');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad flag in one line naming it, with the usage exit code 2', async () => {
    const worker = runCli(['worker', '--concurrency', '0']);
    expect(await worker.exited).toBe(2);
    expect(worker.output().stderr.trim()).toBe('cs-health: --concurrency must be a whole number from 1 to 32');
  });
});
