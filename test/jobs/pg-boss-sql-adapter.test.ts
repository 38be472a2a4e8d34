import { pgBossDbOver } from '../../src/jobs/drivers/pg-boss-sql-adapter';
import { openPgliteDatabase } from '../../src/store/engines/pglite-database';
import type { SqlDatabase } from '../../src/store/store';

// pg-boss sends its migrations as one string of many statements; these are the PGlite behaviours that matter.
describe('pg-boss over the SqlDatabase port (PGlite)', () => {
  let database: SqlDatabase;
  beforeAll(async () => {
    database = await openPgliteDatabase();
  });
  afterAll(() => database.close());

  it('runs a parameterless multi-statement block, and single statements with and without values', async () => {
    const db = pgBossDbOver(database);
    await db.executeSql('BEGIN; CREATE TABLE block_ok (id int); INSERT INTO block_ok VALUES (1), (2); COMMIT;');
    expect((await db.executeSql('SELECT count(*)::int AS n FROM block_ok')).rows).toEqual([{ n: 2 }]);
    expect((await db.executeSql('SELECT id FROM block_ok WHERE id = $1', [2])).rows).toEqual([{ id: 2 }]);
  });

  it('rolls back a block that fails half-way, so the one connection is usable afterwards and nothing of the block stays', async () => {
    const db = pgBossDbOver(database);
    await expect(db.executeSql('BEGIN; CREATE TABLE block_half (id int); INSERT INTO no_such_table VALUES (1); COMMIT;')).rejects.toThrow(/no_such_table/);
    expect((await db.executeSql('SELECT to_regclass($1) AS t', ['block_half'])).rows).toEqual([{ t: null }]);
  });

  it('passes a bad single statement straight through', async () => {
    await expect(pgBossDbOver(database).executeSql('SELECT * FROM nowhere')).rejects.toThrow(/nowhere/);
  });
});
