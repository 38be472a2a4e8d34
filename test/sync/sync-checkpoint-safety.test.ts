import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties } from '../../src/hubspot';
import { runFullSync } from '../../src/sync/full-sync';
import { loadChurnModel, ModelFileError, saveChurnModel } from '../../src/sync/model-store';
import { StateFolderLockedError, SyncCheckpoint } from '../../src/sync/sync-checkpoint';
import { AS_OF, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';

const asOf = new Date('2026-11-01T00:00:00Z');
const now = new Date('2026-11-22T10:00:00Z');
const freshDir = () => mkdtempSync(join(tmpdir(), 'cs-state-'));
const CLI = join(__dirname, '../../src/cli/cs-health.js');

/** A process other than this one that stays alive: its pid in a lock file means "a sync is running". */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

describe('the checkpoint and the state folder', () => {
  it('never lets a real run resume a dry run’s checkpoint', async () => {
    await withPortal({ seed: seedPortal({ companies: 120, contactsPerCompany: 1, dealsPerCompany: 1, ticketsPerCompany: 0, bigCompanyContacts: 0 }) }, async (gateway) => {
      await ensureCsProperties(gateway);
      const dir = freshDir();
      const options = { gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'c.jsonl'), modelPath: join(dir, 'm.json'), runKey: 'portal', now: () => AS_OF };
      const dry = await runFullSync({ ...options, dryRun: true });
      expect(dry.companiesRead).toBe(120);
      const listedBefore = gateway.callCounts()['companies.list'];
      const real = await runFullSync(options);
      expect(real.resumed).toBe(false);
      // The real run read every page itself instead of trusting the preview's.
      expect(gateway.callCounts()['companies.list'] - listedBefore).toBe(dry.apiCalls['companies.list']);
      expect(real.companiesChanged).toBeGreaterThan(0);
    });
  });

  it('still resumes a dry run from a dry run, and a real run from a real run', () => {
    const path = join(freshDir(), 'c.jsonl');
    SyncCheckpoint.open(path, 'k', asOf, now, { dryRun: true }).recordPage('100', [{ id: '1' }]);
    expect(SyncCheckpoint.open(path, 'k', asOf, now, { dryRun: true }).resumed).toBe(true);
    expect(SyncCheckpoint.open(path, 'k', asOf, now).resumed).toBe(false);
    SyncCheckpoint.open(path, 'k', asOf, now).recordPage('100', [{ id: '1' }]);
    expect(SyncCheckpoint.open(path, 'k', asOf, now).resumed).toBe(true);
  });

  it('keeps credentials of the run key off the disk', () => {
    const dir = freshDir();
    const path = join(dir, 'c.jsonl');
    SyncCheckpoint.open(path, 'http://user:s3cret-pass@127.0.0.1:4010|{}', asOf, now);
    expect(readFileSync(path, 'utf8')).not.toMatch(/s3cret|user:/);
    expect(SyncCheckpoint.open(path, 'http://user:s3cret-pass@127.0.0.1:4010|{}', asOf, now).resumed).toBe(true);
  });

  it('starts afresh from a checkpoint whose header is not valid, and leaves no temporary file', () => {
    const dir = freshDir();
    const path = join(dir, 'c.jsonl');
    writeFileSync(path, JSON.stringify({ kind: 'cs-health sync checkpoint', version: 2, header: { runKey: createHash('sha256').update('x').digest('hex'), asOf: 'not a date', startedAt: '2026-01-01T00:00:00Z', dryRun: false }, pages: [], written: [] }));
    const checkpoint = SyncCheckpoint.open(path, 'x', asOf, now);
    expect(checkpoint.resumed).toBe(false);
    expect(checkpoint.asOf).toEqual(asOf);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('refuses a second sync on a folder another live process holds, naming the folder and the process', () => {
    const dir = freshDir();
    const other = liveProcess();
    try {
      writeFileSync(join(dir, 'sync.lock'), JSON.stringify({ pid: other.pid, startedAt: now.toISOString() }));
      const opening = () => SyncCheckpoint.open(join(dir, 'c.jsonl'), 'k', asOf, now);
      expect(opening).toThrow(StateFolderLockedError);
      expect(opening).toThrow(`another cs-health sync is running on ${dir} (process ${other.pid})`);
      expect(() => SyncCheckpoint.discard(join(dir, 'c.jsonl'))).toThrow(StateFolderLockedError);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs (kill -9)', () => {
    const dir = freshDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, 'sync.lock'), JSON.stringify({ pid: Number(gone.stdout), startedAt: now.toISOString() }));
    const checkpoint = SyncCheckpoint.open(join(dir, 'c.jsonl'), 'k', asOf, now);
    expect(JSON.parse(readFileSync(join(dir, 'sync.lock'), 'utf8')).pid).toBe(process.pid);
    checkpoint.finish(now);
    expect(existsSync(join(dir, 'sync.lock'))).toBe(false);
  });

  it('makes `cs-health sync` exit non-zero with one line saying another sync is running', async () => {
    const dir = freshDir();
    const other = liveProcess();
    try {
      writeFileSync(join(dir, 'sync.lock'), JSON.stringify({ pid: other.pid, startedAt: now.toISOString() }));
      const child = spawn(process.execPath, [CLI, 'sync', '--base-url', 'http://127.0.0.1:9', '--state-dir', dir], { env: { ...process.env, HUBSPOT_ACCESS_TOKEN: 'unused' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).not.toBe(0);
      expect(stderr).toContain(`another cs-health sync is running on ${dir} (process ${other.pid})`);
      expect(stderr).not.toMatch(/\n\s+at /);
      // The lock still belongs to the running sync.
      expect(JSON.parse(readFileSync(join(dir, 'sync.lock'), 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill();
    }
  });
});

describe('the churn model file', () => {
  const fitted = { kind: 'fitted', model: { weights: [0.5, -1], bias: 0.1, means: [0, 1], scales: [1, 2] }, quality: { brier: 0.1, calibration: [], trainedOn: 40, heldOut: 10, churnedInHistory: 20 }, horizonDays: 180, featureNames: ['a', 'b'] };

  it('is written whole through a temporary file and read back as saved', () => {
    const dir = freshDir();
    saveChurnModel(join(dir, 'm.json'), fitted as never);
    expect(loadChurnModel(join(dir, 'm.json'))).toEqual(fitted);
    expect(readdirSync(dir)).toEqual(['m.json']);
  });

  it('is absent without error before the first sync', () => {
    expect(loadChurnModel(join(freshDir(), 'none.json'))).toBeUndefined();
  });

  it('refuses a file that is not JSON or not a model, naming the file and the field', () => {
    const dir = freshDir();
    const cases: [string, string][] = [
      ['{"kind":"fitted","model":', 'not valid JSON'],
      ['{"kind":"magic"}', 'kind'],
      [JSON.stringify({ ...fitted, model: { ...fitted.model, weights: [1] } }), 'model: weights, means and scales must have one entry per feature'],
      [JSON.stringify({ ...fitted, model: { ...fitted.model, bias: 'high' } }), 'model.bias'],
      [JSON.stringify({ ...fitted, horizonDays: -3 }), 'horizonDays'],
    ];
    for (const [text, field] of cases) {
      const path = join(dir, 'm.json');
      writeFileSync(path, text);
      expect(() => loadChurnModel(path)).toThrow(ModelFileError);
      expect(() => loadChurnModel(path)).toThrow(new RegExp(`churn model ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
  });
});
