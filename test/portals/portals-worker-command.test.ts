import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHubSpotGateway, ensureCsProperties } from '../../src/hubspot';
import { openPortalStorage } from '../../src/portals/portal-storage';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { spawnCli } from '../cli/spawn-cli';
import { seedPortal } from '../hubspot/hubspot-test-portal';
import { eventually } from '../jobs/queue-engines';

jest.setTimeout(180_000);

const runCli = (args: string[], env: Record<string, string> = {}) => spawnCli(args, { ...process.env, DATABASE_URL: '', HUBSPOT_ACCESS_TOKEN: '', ...env });

const shape = { companies: 3, contactsPerCompany: 1, dealsPerCompany: 2, ticketsPerCompany: 1, bigCompanyContacts: 0 };
const score = (sandbox: RunningSandbox, id: string) => sandbox.store.getObject('companies', id)?.properties.cs_health_score ?? '';

describe('cs-health worker --portals', () => {
  it("runs each portal's waiting jobs with that portal's token, from a folder per portal, and reports each on SIGTERM", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-portals-cli-'));
    const sandboxes = { north: await startSandbox({ port: 0, token: 'north-token-1234', seed: seedPortal(shape) }), south: await startSandbox({ port: 0, token: 'south-token-5678', seed: seedPortal(shape) }) };
    try {
      for (const [id, sandbox] of Object.entries(sandboxes)) {
        const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: `${id}-token-${id === 'north' ? '1234' : '5678'}` });
        await ensureCsProperties(gateway);
        await gateway.close();
        // A backend stored a recompute for this portal and stopped (PGlite: one process owns a folder at a time).
        const { store, queue } = await openPortalStorage(id, { dataDir: join(dir, 'db') }, { runSchedules: false });
        await queue.start();
        await queue.send('recompute-companies', { companyIds: [id === 'north' ? '1' : '2'], reason: 'workflow-action' }, { delaySeconds: 0 });
        await queue.stop();
        await store.close();
      }
      const registry = join(dir, 'portals.json');
      writeFileSync(registry, JSON.stringify({ portals: Object.entries(sandboxes).map(([id, sandbox]) => ({ id, baseUrl: sandbox.url, token: { env: `${id.toUpperCase()}_TOKEN` }, tier: 'starter' })) }));

      const worker = runCli(['worker', '--json', '--portals', registry, '--data-dir', join(dir, 'db'), '--state-dir', dir, '--full-sync-cron', 'off'], { NORTH_TOKEN: 'north-token-1234', SOUTH_TOKEN: 'south-token-5678' });
      await eventually(() => expect(worker.output().stdout).toContain('"event":"started"'), 90_000);
      expect(JSON.parse(worker.output().stdout.split('\n')[0]!)).toEqual({ event: 'started', portals: [{ id: 'north', tier: 'starter', perTenSeconds: 100 }, { id: 'south', tier: 'starter', perTenSeconds: 100 }], maxFullSyncs: 2 });
      await eventually(() => {
        expect(score(sandboxes.north, '1')).toMatch(/^\d+(\.\d+)?$/);
        expect(score(sandboxes.south, '2')).toMatch(/^\d+(\.\d+)?$/);
      }, 60_000);
      // Each portal ran its own job only.
      expect([score(sandboxes.north, '2'), score(sandboxes.south, '1')]).toEqual(['', '']);

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
      const lines = worker.output().stdout.trim().split('\n');
      expect(JSON.parse(lines[lines.length - 1]!)).toMatchObject({ event: 'stopped', signal: 'SIGTERM', portals: { north: { companiesRecomputed: 1, failedBatches: 0 }, south: { companiesRecomputed: 1, failedBatches: 0 } } });
      expect(worker.output().stderr).not.toMatch(/north-token-1234|south-token-5678/);
    } finally {
      await Promise.all(Object.values(sandboxes).map((sandbox) => sandbox.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a registry with a mistake in one line naming the field, with the usage exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-portals-cli-'));
    try {
      const registry = join(dir, 'portals.json');
      writeFileSync(registry, JSON.stringify({ portals: [{ id: 'north', token: { env: 'NORTH_TOKEN' }, tier: 'platinum' }] }));
      const worker = runCli(['worker', '--portals', registry, '--data-dir', join(dir, 'db')]);
      expect(await worker.exited).toBe(2);
      expect(worker.output().stderr.trim()).toBe('cs-health: --portals: invalid portal registry: portals.0.tier: tier must be one of free, starter, professional, enterprise');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
