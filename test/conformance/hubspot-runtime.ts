import { execFile } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import type { Tier } from '../../src/build/hubspot-project-definition';

export const root = resolve(__dirname, '../..');
export const BACKEND = 'https://backend.example.com';

export interface ToolingOutput {
  nodes: { uid: string; componentType: string; config: Record<string, unknown> }[];
  appFunctions: string[];
  cards: { uid: string; location: string; file: string; outputDir: string }[];
  calls: { name: string; response?: unknown; error?: { reason: string; messages: string[] } }[];
  contextFields: string[];
}

/**
 * Builds the project for a tier into a temporary folder, as `npm run build` does, then sets it up
 * as `hs project dev` would: the cards', pages' and settings page's dependencies installed (a link to ours) and the functions'
 * local secrets in `functions/.env` (the token, and the API origin pointing at the sandbox).
 */
export function buildForTier(tier: Tier, sandbox?: { url: string; token: string }): string {
  const srcDir = join(mkdtempSync(join(tmpdir(), `cs-conformance-${tier}-`)), 'src');
  assembleHubSpotProject({ root, srcDir, backendUrl: BACKEND, tier, documentationUrl: 'https://docs.example.org', supportUrl: 'https://docs.example.org/support' });
  for (const extension of ['cards', 'pages', 'settings']) symlinkSync(join(root, 'node_modules'), join(srcDir, 'app', extension, 'node_modules'), 'dir');
  if (tier === 'enterprise' && sandbox) {
    writeFileSync(join(srcDir, 'app', 'functions', '.env'), `PRIVATE_APP_ACCESS_TOKEN=${sandbox.token}\nCS_HEALTH_HUBSPOT_BASE_URL=${sandbox.url}\n`);
  }
  return srcDir;
}

/** Runs test/conformance/hubspot-tooling.mjs (HubSpot's packages are ESM-only) without blocking the sandbox in this process. */
export async function runHubSpotTooling(input: { srcDir: string; cardsOut?: string; apiOrigin?: string; functionCalls?: { name: string; parameters: unknown }[] }): Promise<ToolingOutput> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'hubspot-tooling.mjs'), JSON.stringify(input)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as ToolingOutput;
}
