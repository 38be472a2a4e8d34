import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialiseDataDirApart } from '../../src/store/engines/pglite-first-init';
import { openStore } from '../../src/store/open-store';

const PGLITE = require.resolve('@electric-sql/pglite');

describe('a new embedded database folder is created in a child process', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cs-pglite-init-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the database, which the store then opens and migrates', async () => {
    const dataDir = join(dir, 'db');
    initialiseDataDirApart(dataDir, PGLITE, ['shared_buffers=16MB']);
    expect(statSync(join(dataDir, 'PG_VERSION')).isFile()).toBe(true);
    const store = await openStore({ dataDir });
    try {
      expect(await store.settings.current()).toBeUndefined();
    } finally {
      await store.close();
    }
  }, 120_000);

  it('leaves a folder that already holds a database as it is', async () => {
    const dataDir = join(dir, 'db');
    const store = await openStore({ dataDir });
    await store.close();
    const before = statSync(join(dataDir, 'PG_VERSION')).mtimeMs;
    initialiseDataDirApart(dataDir, '/nowhere/pglite.js', []); // would fail if it ran
    expect(statSync(join(dataDir, 'PG_VERSION')).mtimeMs).toBe(before);
  }, 120_000);

  it('names the folder and the cause when the child cannot create it', () => {
    expect(() => initialiseDataDirApart(join(dir, 'db'), '/nowhere/pglite.js', [])).toThrow(/creating the embedded database in .*cs-pglite-init-.*\/db failed: Cannot find module/);
  });
});
