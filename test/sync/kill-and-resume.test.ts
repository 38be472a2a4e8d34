import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMPANY_PROPERTIES } from '../../src/domain/computed-properties';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties } from '../../src/hubspot';
import { runFullSync } from '../../src/sync/full-sync';
import type { RunningSandbox } from '../../src/sandbox/server';
import { AS_OF, TOKEN, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';
import { spawnCli } from '../cli/spawn-cli';

const shape = { companies: 700, contactsPerCompany: 2, dealsPerCompany: 3, ticketsPerCompany: 2, bigCompanyContacts: 0 };
const runCli = (args: string[]) => spawnCli(args, { ...process.env, HUBSPOT_ACCESS_TOKEN: TOKEN });

/** Pages the checkpoint's index names (the index is only ever replaced whole, so it can be read mid-run). */
const pageLines = (path: string) => {
  if (!existsSync(path)) return 0;
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { pages: unknown[] }).pages.length;
  } catch {
    return 0;
  }
};

function companyValues(sandbox: RunningSandbox) {
  const names = COMPANY_PROPERTIES.map((p) => p.name);
  return Array.from({ length: shape.companies }, (_, i) => {
    const properties = sandbox.store.getObject('companies', String(i + 1)).properties;
    return names.map((n) => properties[n] ?? '');
  });
}

describe('a sync killed with SIGKILL and started again', () => {
  it('ends in the same state as an uninterrupted run without re-reading finished pages', async () => {
    const uninterrupted = await withPortal({ seed: seedPortal(shape) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-sync-ref-'));
      await runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'ref', now: () => AS_OF });
      return companyValues(sandbox);
    });

    await withPortal({ seed: seedPortal(shape), faults: { seed: 7, all: { latency: 1, latencyMs: 40 } } }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const stateDir = mkdtempSync(join(tmpdir(), 'cs-sync-kill-'));
      const checkpoint = join(stateDir, 'sync-checkpoint.jsonl');
      const args = ['sync', '--base-url', sandbox.url, '--state-dir', stateDir, '--as-of', AS_OF.toISOString(), '--json', '--batch-companies', '100'];

      const first = runCli(args);
      const deadline = Date.now() + 30_000;
      while (pageLines(checkpoint) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      first.child.kill('SIGKILL');
      await first.exited;
      const pagesBeforeKill = pageLines(checkpoint);
      expect(pagesBeforeKill).toBeGreaterThanOrEqual(3);
      expect(pagesBeforeKill).toBeLessThan(7);

      const second = runCli(args);
      expect(await second.exited).toBe(0);
      const summary = JSON.parse(second.output().stdout);
      expect(summary.resumed).toBe(true);
      expect(summary.companiesRead).toBe(shape.companies);
      // Only the pages not yet recorded are listed again.
      expect(summary.apiCalls['companies.list']).toBe(7 - pagesBeforeKill);
      expect(companyValues(sandbox)).toEqual(uninterrupted);
    });
  });
});
