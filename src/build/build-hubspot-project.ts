import { join, resolve } from 'node:path';
import { z } from 'zod';
import { assembleHubSpotProject, BuildError } from './assemble-hubspot-project';

/**
 * `npm run build`: assembles the HubSpot project into dist/hubspot/src (the `srcDir` of the
 * top-level hsproject.json), so `npm run build && hs project upload` deploys from the repo root.
 */
const backendUrl = z
  .url({ message: 'CS_HEALTH_BACKEND_URL must be the https URL of the cs-health backend' })
  .refine((url) => url.startsWith('https://'), { message: 'CS_HEALTH_BACKEND_URL must use https (HubSpot only calls https URLs)' })
  .safeParse(process.env.CS_HEALTH_BACKEND_URL ?? 'https://cs-health.example.com');

if (!backendUrl.success) {
  console.error(`build: ${backendUrl.error.issues[0].message}`);
  process.exit(1);
}
const root = resolve(__dirname, '../..');
try {
  const files = assembleHubSpotProject({ root, srcDir: join(root, 'dist/hubspot/src'), backendUrl: backendUrl.data.replace(/\/$/, '') });
  console.log(`assembled ${files.length} files into dist/hubspot/src/app (backend ${backendUrl.data}); deploy with: hs project upload`);
} catch (error) {
  if (!(error instanceof BuildError)) throw error;
  console.error(`build: ${error.message}`);
  process.exit(1);
}
