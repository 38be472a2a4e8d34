import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { engineStateFrom, type EngineState } from '../app/engine-state';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { loadConfigFile } from './load-config-file';

/** Who changed the settings from the command line: the OS user. */
export const cliActor = () => ({ kind: 'cli' as const, id: process.env.USER || userInfo().username || 'cli' });

export interface EngineSession {
  store: Store;
  state: EngineState;
  /** Where the store is, for messages: a folder or a PostgreSQL URL without credentials. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the one store every surface reads (DATABASE_URL, else the embedded database in
 * `<stateDir>/db`) and the engine state it holds. A `--config` file is not a second source of
 * truth: when it differs from the stored engine settings it is saved as a new settings version
 * (author: the OS user), so the cards and workflows that read the store compute with it too.
 */
export async function openEngineSession(options: { stateDir: string; configFile?: string; databaseUrl?: string; now?: Date }): Promise<EngineSession> {
  const databaseUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  const store = await openStore(databaseUrl ? { databaseUrl } : { dataDir: process.env.CS_HEALTH_DATA_DIR || join(options.stateDir, 'db') });
  try {
    if (options.configFile) {
      loadConfigFile(options.configFile); // refuses a bad file before anything is saved, naming it
      const engine = JSON.parse(readFileSync(options.configFile, 'utf8')) as Record<string, unknown>;
      const current = await store.settings.current();
      if (JSON.stringify(current?.document.engine ?? {}) !== JSON.stringify(engine)) {
        await store.settings.save({ ...(current?.document ?? {}), engine }, cliActor(), options.now ?? new Date());
      }
    }
    const state = await engineStateFrom(store, { ttlMs: 0 })();
    return { store, state, location: store.location, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
