import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../src/store/migrate';
import { MIGRATIONS } from '../../src/store/migrations/migrations';
import { openStore } from '../../src/store/open-store';
import { SchemaMismatchError } from '../../src/store/store-errors';
import { describeOnEveryEngine, freshPostgresDatabase, postgresReachable } from './store-engines';

const extra = (version: number) => ({ version, name: `extra-${version}`, sql: `CREATE TABLE cs_extra_${version} (id integer)` });

describeOnEveryEngine('migrations', ({ store }) => {
  it('applies nothing to a database already at the code\'s schema, and records each step', async () => {
    expect(await migrate(store().database)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] });
    const rows = await store().database.query<{ version: number; name: string }>('SELECT version, name FROM cs_schema_migrations ORDER BY version');
    expect(rows.map((r) => [r.version, r.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
  });

  it('applies a new step at the end, then refuses a database newer than the code', async () => {
    const next = MIGRATIONS.length + 1;
    try {
      expect(await migrate(store().database, [...MIGRATIONS, extra(next)])).toMatchObject({ from: MIGRATIONS.length, to: next, applied: [{ version: next }] });
      const error = await migrate(store().database).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaMismatchError);
      expect((error as Error).message).toBe(`the database schema is version ${next}, newer than this cs-health (knows up to ${MIGRATIONS.length}); upgrade cs-health, or point it at another database`);
    } finally {
      await store().database.exec(`DELETE FROM cs_schema_migrations WHERE version = ${next}; DROP TABLE cs_extra_${next}`);
    }
  });

  it('refuses a recorded step that differs from the code\'s, changing nothing', async () => {
    await store().database.exec("UPDATE cs_schema_migrations SET checksum = 'edited' WHERE version = 1");
    try {
      await expect(migrate(store().database, [...MIGRATIONS, extra(MIGRATIONS.length + 1)])).rejects.toThrow('the database has migration 1 "initial-schema" that differs from this code\'s');
      const tables = await store().database.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'cs_extra_2'");
      expect(tables).toEqual([]);
    } finally {
      const { createHash } = await import('node:crypto');
      await store().database.query('UPDATE cs_schema_migrations SET checksum = $1 WHERE version = 1', [createHash('sha256').update(MIGRATIONS[0]!.sql).digest('hex').slice(0, 16)]);
    }
    expect((await migrate(store().database)).applied).toEqual([]);
  });

  it('refuses steps recorded out of order', async () => {
    const n = MIGRATIONS.length;
    await store().database.query("INSERT INTO cs_schema_migrations (version, name, checksum) VALUES ($1, 'extra', 'x')", [n + 2]);
    try {
      await expect(migrate(store().database, [...MIGRATIONS, extra(n + 1), extra(n + 2)])).rejects.toThrow(`the database's migrations are out of order: found version ${n + 2} where ${n + 1} was expected`);
    } finally {
      await store().database.query('DELETE FROM cs_schema_migrations WHERE version = $1', [n + 2]);
    }
  });

  it('refuses a code list with a gap', async () => {
    await expect(migrate(store().database, [...MIGRATIONS, extra(MIGRATIONS.length + 2)])).rejects.toThrow('migration list is out of order in the code');
  });
});

describe('the embedded store on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-store-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps its data across a restart and refuses to open once the schema is newer than the code', async () => {
    const first = await openStore({ dataDir: dir });
    // PGlite is single-user: a second opener (another process, or this one) is refused, not let in to corrupt it.
    await expect(openStore({ dataDir: dir })).rejects.toThrow(`in use by process ${process.pid} (this one)`);
    expect(first.migration.applied.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await first.settings.save({ engine: { health: { weights: { usage: 33 } } } }, { kind: 'cli', id: 'test' }, new Date('2026-11-01T00:00:00Z'));
    await first.database.query("INSERT INTO cs_schema_migrations (version, name, checksum) VALUES (99, 'from-the-future', 'x')");
    await first.close();

    await expect(openStore({ dataDir: dir })).rejects.toThrow('the database schema is version 99, newer than this cs-health');

    const { openPgliteDatabase } = await import('../../src/store/engines/pglite-database');
    const raw = await openPgliteDatabase({ dataDir: dir });
    await raw.query('DELETE FROM cs_schema_migrations WHERE version = 99');
    await raw.close();
    const again = await openStore({ dataDir: dir });
    expect(again.migration.applied).toEqual([]);
    expect((await again.settings.current())?.document).toEqual({ engine: { health: { weights: { usage: 33 } } } });
    await again.close();
  });
});

(postgresReachable() ? describe : describe.skip)('two processes starting on one PostgreSQL database', () => {
  it('migrate once: the advisory lock makes the second wait and find nothing to do', async () => {
    const db = await freshPostgresDatabase('migrate');
    try {
      const stores = await Promise.all([openStore({ databaseUrl: db.url }), openStore({ databaseUrl: db.url }), openStore({ databaseUrl: db.url })]);
      expect(stores.map((s) => s.migration.applied.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
      await Promise.all(stores.map((s) => s.close()));
    } finally {
      await db.drop();
    }
  });
});
