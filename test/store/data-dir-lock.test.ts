import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDataDir } from '../../src/store/engines/data-dir-lock';

describe('the embedded database folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is held by one process at a time and released on close', () => {
    const release = claimDataDir(join(dir, 'db'));
    expect(readFileSync(join(dir, 'db.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => claimDataDir(join(dir, 'db'))).toThrow(`in use by process ${process.pid} (this one)`);
    release();
    expect(existsSync(join(dir, 'db.lock'))).toBe(false);
    claimDataDir(join(dir, 'db'))();
  });

  it('takes over a lock left by a process that died', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(dir, 'db.lock'), String(dead));
    const release = claimDataDir(join(dir, 'db'));
    expect(readFileSync(join(dir, 'db.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
