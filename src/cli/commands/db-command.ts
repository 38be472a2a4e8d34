import type { Command } from 'commander';
import { runStoreCommand, storeFlagsOf, withStoreFlags } from './store-flags';

/** `cs-health db migrate`: brings the store's schema up to this version of cs-health (also done at every start). */
export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('the cs-health database (embedded PGlite, or PostgreSQL with DATABASE_URL)');
  withStoreFlags(db.command('migrate').description('apply the schema migrations this cs-health has and the database lacks; refuses a database with a newer schema')).action(async (raw: unknown) => {
    const { flags, storeOptions } = storeFlagsOf(raw);
    await runStoreCommand(
      'db migrate',
      flags.json,
      async () => {
        const { migrate } = require('../../store/migrate') as typeof import('../../store/migrate');
        const { openDatabase } = require('../../store/open-store') as typeof import('../../store/open-store');
        const { database, engine, location } = await openDatabase(storeOptions());
        try {
          return { engine, location, ...(await migrate(database)) };
        } finally {
          await database.close();
        }
      },
      (r) => (r.applied.length === 0 ? `${r.engine} ${r.location}: schema already at version ${r.to}, nothing to do` : `${r.engine} ${r.location}: schema ${r.from} -> ${r.to} (applied ${r.applied.map((m) => `${m.version} ${m.name}`).join(', ')})`),
    );
  });
}
