import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assembleHubSpotProject, BuildError } from './assemble-hubspot-project';
import { buildSettingsFrom } from './build-options';

/**
 * `npm run build`: assembles the HubSpot project into dist/hubspot/src (the `srcDir` of the
 * top-level hsproject.json), so `npm run build && hs project upload` deploys from the repo root.
 *
 *     CS_HEALTH_BACKEND_URL=https://cs.example.org CS_HEALTH_TIER=pro|enterprise npm run build
 */
const root = resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { repository?: string | { url?: string } };
const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
const result = buildSettingsFrom(process.env, repositoryUrl);
if ('problems' in result) {
  for (const problem of result.problems) console.error(`build: ${problem}`);
  process.exit(1);
}
try {
  const { settings } = result;
  const files = assembleHubSpotProject({ root, srcDir: join(root, 'dist/hubspot/src'), ...settings });
  console.log(`assembled ${files.length} files into dist/hubspot/src/app (tier ${settings.tier}, backend ${settings.backendUrl}); deploy with: hs project upload`);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`build: ${error.message}`);
  process.exit(1);
}
