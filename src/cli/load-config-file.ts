import { readFileSync } from 'node:fs';
import type { EngineConfig } from '../domain/config/engine-config';
import { loadEngineConfig } from '../domain/config/load-engine-config';

/** The engine config from `--config <file>`, or the defaults; a missing or bad file is one clear line. */
export function loadConfigFile(path: string | undefined): EngineConfig {
  if (!path) return loadEngineConfig({});
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`cannot read the config file ${path}`);
  }
  return loadEngineConfig(text);
}
