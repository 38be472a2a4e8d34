import path from 'node:path';
import type { SeedSink } from './seed-format';

export interface DemoPortalOptions {
  companies: number;
  seed: number;
  asOf: Date;
}

type GenerateDemoPortal = (options: DemoPortalOptions, sink: SeedSink) => unknown;

/**
 * Loads the demo generator (`demo/generate-demo-portal.ts`, owned by the demo data work) at run
 * time, so the sandbox builds and its tests run whether or not the generator is present yet.
 */
export function loadDemoGenerator(): GenerateDemoPortal {
  const modulePath = path.join(__dirname, 'demo', 'generate-demo-portal');
  let loaded: { generateDemoPortal?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(modulePath) as { generateDemoPortal?: unknown };
  } catch (error) {
    throw new Error(`the demo data generator could not be loaded (${(error as Error).message.split('\n')[0]}); use --data empty`);
  }
  if (typeof loaded.generateDemoPortal !== 'function') throw new Error('the demo data generator exports no generateDemoPortal(); use --data empty');
  return loaded.generateDemoPortal as GenerateDemoPortal;
}
