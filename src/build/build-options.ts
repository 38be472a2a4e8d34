import { z } from 'zod';
import { TIERS, type ProjectOptions } from './hubspot-project-definition';

const httpsUrl = (name: string, why: string) =>
  z
    .url({ message: `${name} must be an https URL (${why})` })
    .refine((url) => url.startsWith('https://'), { message: `${name} must use https (${why})` })
    .transform((url) => url.replace(/\/+$/, ''));

/**
 * The build's configuration, from the environment. The backend URL has no default: a project
 * built against an example URL would deploy cards that call nowhere, so the build refuses.
 */
export const buildEnvSchema = z.object({
  CS_HEALTH_BACKEND_URL: httpsUrl('CS_HEALTH_BACKEND_URL', 'the public URL of the cs-health backend; HubSpot only calls https URLs').optional(),
  CS_HEALTH_TIER: z.enum(TIERS, { message: `CS_HEALTH_TIER must be one of ${TIERS.join(', ')}` }).default('pro'),
  CS_HEALTH_DOCS_URL: httpsUrl('CS_HEALTH_DOCS_URL', 'the page the app listing links as its documentation').optional(),
  CS_HEALTH_SUPPORT_URL: httpsUrl('CS_HEALTH_SUPPORT_URL', 'the page the app listing links for support').optional(),
  CS_HEALTH_LOCAL_BACKEND_URL: z.url({ message: 'CS_HEALTH_LOCAL_BACKEND_URL must be a URL (where hs project dev sends hubspot.fetch)' }).optional(),
});

export type BuildSettings = ProjectOptions & { localBackendUrl?: string };

/**
 * Reads the build settings, or the one-line reasons it cannot build (each naming the variable).
 * Without documentation or support URLs the listing links to the repository README when package.json
 * names a `repository`, else to the pages the backend serves (`/docs`, `/support`).
 */
export function buildSettingsFrom(env: Record<string, string | undefined>, repositoryUrl?: string): { settings: BuildSettings } | { problems: string[] } {
  const parsed = buildEnvSchema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => issue.message) };
  const { CS_HEALTH_BACKEND_URL: backendUrl, CS_HEALTH_TIER: tier, CS_HEALTH_DOCS_URL, CS_HEALTH_SUPPORT_URL, CS_HEALTH_LOCAL_BACKEND_URL } = parsed.data;
  const problems: string[] = [];
  if (!backendUrl) problems.push('CS_HEALTH_BACKEND_URL is required: the public https URL of the cs-health backend (e.g. CS_HEALTH_BACKEND_URL=https://cs-health.example.org npm run build)');
  const repository = repositoryUrl?.replace(/\.git$/, '').replace(/^git\+/, '');
  // Without a repository or a website, the backend itself serves the documentation and support
  // pages (GET /docs and /support), so the listing's links always lead to a page that exists.
  const documentationUrl = CS_HEALTH_DOCS_URL ?? (repository ? `${repository}#readme` : backendUrl && `${backendUrl}/docs`);
  const supportUrl = CS_HEALTH_SUPPORT_URL ?? (repository ? `${repository}/issues` : backendUrl && `${backendUrl}/support`);
  if (problems.length || !backendUrl || !documentationUrl || !supportUrl) return { problems };
  return { settings: { backendUrl, tier, documentationUrl, supportUrl, localBackendUrl: CS_HEALTH_LOCAL_BACKEND_URL } };
}
