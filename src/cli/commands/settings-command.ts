import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { openStore as OpenStore } from '../../store/open-store';
import type { SettingsDocument } from '../../store/store';
import { runStoreCommand, storeFlagsOf, withStoreFlags } from './store-flags';

// The store's engines load on use, so `--help` does not pay for PGlite and pg.
const openStore: typeof OpenStore = (options) => (require('../../store/open-store') as typeof import('../../store/open-store')).openStore(options);
const cliActor = () => (require('../engine-session') as typeof import('../engine-session')).cliActor();

/**
 * `cs-health settings export FILE | import FILE`: the settings document as a JSON file, to edit,
 * review or move between stores. `import` is also how the first admins are named (`admins`).
 */
export function registerSettingsCommand(program: Command): void {
  const settings = program.command('settings').description('the settings document (engine configuration, objective plans, admins), versioned in the store');

  withStoreFlags(settings.command('export').argument('<file>', 'JSON file to write').description('write the current settings document to FILE')).action(async (file: string, raw: unknown) => {
    const { flags, storeOptions } = storeFlagsOf(raw);
    await runStoreCommand(
      'settings export',
      flags.json,
      async () => {
        const store = await openStore(storeOptions());
        try {
          const current = await store.settings.current();
          writeFileSync(file, `${JSON.stringify(current?.document ?? { engine: {} }, null, 2)}\n`);
          return { file, version: current?.version ?? 0 };
        } finally {
          await store.close();
        }
      },
      (r) => (r.version === 0 ? `no settings saved yet: wrote the defaults to ${r.file}` : `wrote settings version ${r.version} to ${r.file}`),
    );
  });

  withStoreFlags(settings.command('import').argument('<file>', 'JSON file to read').description('validate FILE and save it as the new settings version; a bad file is refused whole, each bad path named')).action(async (file: string, raw: unknown) => {
    const { flags, storeOptions } = storeFlagsOf(raw);
    await runStoreCommand(
      'settings import',
      flags.json,
      async () => {
        const { SettingsValidationError } = require('../../store/store-errors') as typeof import('../../store/store-errors');
        let document: SettingsDocument;
        try {
          document = JSON.parse(readFileSync(file, 'utf8')) as SettingsDocument;
        } catch (error) {
          const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it is not valid JSON (${(error as Error).message})`;
          throw new SettingsValidationError([{ path: '(file)', message: `cannot read ${file}: ${why}` }]);
        }
        const store = await openStore(storeOptions());
        try {
          const saved = await store.settings.save(document, cliActor(), new Date());
          return { file, version: saved.version, changes: saved.changes };
        } finally {
          await store.close();
        }
      },
      (r) => `saved ${r.file} as settings version ${r.version} (${Object.keys(r.changes).length} change${Object.keys(r.changes).length === 1 ? '' : 's'}${Object.keys(r.changes).length ? `: ${Object.keys(r.changes).join(', ')}` : ''})`,
    );
  });
}
