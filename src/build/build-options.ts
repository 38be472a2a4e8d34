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
 * Without documentation or support URLs the listing links to the repository README (the project
 * has no website); `repositoryUrl` comes from package.json `repository`.
 */
export function buildSettingsFrom(env: Record<string, string | undefined>, repositoryUrl?: string): { settings: BuildSettings } | { problems: string[] } {
  const parsed = buildEnvSchema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => issue.message) };
  const { CS_HEALTH_BACKEND_URL: backendUrl, CS_HEALTH_TIER: tier, CS_HEALTH_DOCS_URL, CS_HEALTH_SUPPORT_URL, CS_HEALTH_LOCAL_BACKEND_URL } = parsed.data;
  const problems: string[] = [];
  if (!backendUrl) problems.push('CS_HEALTH_BACKEND_URL is required: the public https URL of the cs-health backend (e.g. CS_HEALTH_BACKEND_URL=https://cs-health.example.org npm run build)');
  const readme = repositoryUrl ? `${repositoryUrl.replace(/\.git$/, '').replace(/^git\+/, '')}#readme` : undefined;
  const documentationUrl = CS_HEALTH_DOCS_URL ?? readme;
  const supportUrl = CS_HEALTH_SUPPORT_URL ?? (repositoryUrl ? `${repositoryUrl.replace(/\.git$/, '').replace(/^git\+/, '')}/issues` : undefined);
  if (!documentationUrl) problems.push('CS_HEALTH_DOCS_URL is required when package.json has no repository: a page that exists, linked as the app documentation');
  if (!supportUrl) problems.push('CS_HEALTH_SUPPORT_URL is required when package.json has no repository: a page that exists, linked for support');
  if (problems.length || !backendUrl || !documentationUrl || !supportUrl) return { problems };
  return { settings: { backendUrl, tier, documentationUrl, supportUrl, localBackendUrl: CS_HEALTH_LOCAL_BACKEND_URL } };
}
