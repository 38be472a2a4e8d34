import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HUBSPOT_TIERS, SEARCH_PER_SECOND, TIER_NAMES, type HubSpotTier } from '../cli/hubspot-tiers';
import type { RateBudget } from '../hubspot';
import { payloadIssues } from '../jobs/job-definitions';
import { portalIdSchema, type PortalId } from './portal-id';
import { Secret } from './secret';

const positive = (what: string, max: number) => z.number({ error: `${what} must be a whole number` }).int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).max(max, `${what} must be at most ${max}`);

/** Where a portal's token is read: an environment variable's name, or a file holding only the token. Never the token itself. */
const tokenSourceSchema = z
  .strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'env must be an environment variable name such as ACME_HUBSPOT_TOKEN').optional(),
    file: z.string().min(1, 'file must be a path').optional(),
  }, { error: 'token must be { "env": "VARIABLE" } or { "file": "/path/to/token" }' })
  .refine((source) => (source.env === undefined) !== (source.file === undefined), { message: 'token takes exactly one of env or file' });

const portalSchema = z.strictObject({
  id: portalIdSchema,
  /** HubSpot's API unless told otherwise (the sandbox's URL in tests and demos). */
  baseUrl: z.url({ error: 'baseUrl must be a URL such as https://api.hubapi.com' }).default('https://api.hubapi.com'),
  token: tokenSourceSchema,
  /** The portal's subscription: its budget is HubSpot's limit for that tier. */
  tier: z.enum(TIER_NAMES as [HubSpotTier, ...HubSpotTier[]], { error: `tier must be one of ${TIER_NAMES.join(', ')}` }),
  /** Less than the tier allows when other apps share the portal's limit (more only with HubSpot's API limit increase). */
  budget: z
    .strictObject({ perTenSeconds: positive('perTenSeconds', 1_000).optional(), searchPerSecond: positive('searchPerSecond', SEARCH_PER_SECOND).optional(), maxConcurrent: positive('maxConcurrent', 32).optional() })
    .optional(),
  /** Recompute batches of this portal running at once (each batch is up to 100 companies). */
  recomputeConcurrency: positive('recomputeConcurrency', 8).default(1),
});

export const portalRegistrySchema = z
  .strictObject({ portals: z.array(portalSchema, { error: 'portals must be a list' }).min(1, 'portals must list at least one portal').max(100, 'portals lists at most 100 portals') })
  .superRefine((registry, context) => {
    const seen = new Set<string>();
    registry.portals.forEach((portal, index) => {
      if (seen.has(portal.id)) context.addIssue({ code: 'custom', path: ['portals', index, 'id'], message: `"${portal.id}" is listed twice` });
      seen.add(portal.id);
    });
  });

export type PortalRegistryInput = z.input<typeof portalRegistrySchema>;

/** One portal as a worker serves it: its token read (and hidden), its budget worked out from its tier. */
export interface Portal {
  id: PortalId;
  baseUrl: string;
  tier: HubSpotTier;
  budget: Required<RateBudget>;
  recomputeConcurrency: number;
  /** Where the token came from, for messages: `env ACME_TOKEN` or `file /run/secrets/acme`. */
  tokenSource: string;
  token: Secret;
}

/** A registry that cannot be used, with every problem as `path: message` (the field named, never a token). */
export class PortalRegistryError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid portal registry: ${issues.join('; ')}`);
    this.name = 'PortalRegistryError';
  }
}

export interface TokenSources {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
}

/** The budget a portal's calls are paced to: its tier's limits, lowered by its own `budget` where given. */
export function budgetOf(tier: HubSpotTier, budget: Partial<RateBudget> = {}): Required<RateBudget> {
  return { perTenSeconds: HUBSPOT_TIERS[tier].tenSecondly, searchPerSecond: SEARCH_PER_SECOND, maxConcurrent: 10, ...budget };
}

/**
 * The portals a worker serves, validated (each problem names its field, e.g.
 * `portals.1.tier: tier must be one of free, …`) and with their tokens read from the environment
 * or files. A missing variable or unreadable file is an error naming the portal's field; the token
 * itself never appears in one.
 *
 * @example
 * resolvePortals({ portals: [{ id: 'acme', token: { env: 'ACME_TOKEN' }, tier: 'professional' }] }, { env: { ACME_TOKEN: 'pat-…' } })
 * // => [{ id: 'acme', baseUrl: 'https://api.hubapi.com', budget: { perTenSeconds: 190, searchPerSecond: 5, maxConcurrent: 10 }, tokenSource: 'env ACME_TOKEN', … }]
 */
export function resolvePortals(input: unknown, sources: TokenSources = {}): Portal[] {
  const parsed = portalRegistrySchema.safeParse(input);
  if (!parsed.success) throw new PortalRegistryError(payloadIssues(parsed.error));
  const env = sources.env ?? process.env;
  const readFile = sources.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const issues: string[] = [];
  const portals = parsed.data.portals.map((portal, index): Portal | undefined => {
    const field = `portals.${index}.token`;
    let token: string | undefined;
    let tokenSource: string;
    if (portal.token.env !== undefined) {
      tokenSource = `env ${portal.token.env}`;
      token = env[portal.token.env]?.trim();
      if (!token) issues.push(`${field}.env: environment variable ${portal.token.env} is not set (portal ${portal.id})`);
    } else {
      const path = portal.token.file as string;
      tokenSource = `file ${path}`;
      try {
        token = readFile(path).trim();
        if (!token) issues.push(`${field}.file: ${path} is empty (portal ${portal.id})`);
      } catch (error) {
        issues.push(`${field}.file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}) (portal ${portal.id})`);
      }
    }
    if (!token) return undefined;
    return { id: portal.id, baseUrl: portal.baseUrl.replace(/\/$/, ''), tier: portal.tier, budget: budgetOf(portal.tier, portal.budget), recomputeConcurrency: portal.recomputeConcurrency, tokenSource, token: new Secret(token) };
  });
  if (issues.length > 0) throw new PortalRegistryError(issues);
  return portals as Portal[];
}

/** Reads a registry file (JSON) and resolves it; a file that is not JSON is an error naming the file. */
export function loadPortalRegistry(path: string, sources: TokenSources = {}): Portal[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PortalRegistryError([`portals file: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new PortalRegistryError([`portals file: ${path} is not JSON (${error instanceof Error ? error.message : String(error)})`]);
  }
  return resolvePortals(input, sources);
}
