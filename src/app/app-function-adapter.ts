import { z } from 'zod';
import { DEFAULT_ENGINE_CONFIG } from '../domain/config/engine-config';
import { createHubSpotGateway, type HubSpotGateway } from '../hubspot';
import type { CardResponse } from '../views/card-response';
import { cachedPortalContext, type CardDependencies } from './card-dependencies';
import type { CardViewer } from './card-request';

/**
 * What HubSpot hands an app function on platform 2026.03, as its own executor builds it
 * (@hubspot/ui-extensions-dev-server dist/lib/serverless/context.js `buildContext`):
 * `{ propertiesToSend, parameters, event, secrets }`. There is no user and no portal, so a
 * function cannot know who is looking; we read `parameters` and `secrets` only.
 */
export const functionContextSchema = z.looseObject({
  parameters: z.unknown().optional(),
  secrets: z.record(z.string(), z.string()).optional(),
});

/** The context fields our functions read; the conformance suite checks each is one HubSpot sends. */
export const CONTEXT_FIELDS_READ = Object.keys(functionContextSchema.shape);

export type CardHandler<T> = (deps: CardDependencies, input: unknown, viewer: CardViewer) => Promise<CardResponse<T>>;

/** A HubSpot record id as a card sends it (string or number), checked before any call. */
export const recordIdParameter = z
  .union([z.string(), z.number()], { error: 'recordId is required (the HubSpot record id)' })
  .transform(String)
  .refine((id) => /^[1-9][0-9]{0,18}$/.test(id), { message: 'recordId must be a numeric HubSpot record id' });

/** Every problem with the parameters in one line, each naming `parameters.<name>`. */
export function describeParameterProblems(error: z.ZodError): string {
  return error.issues
    .flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `parameters.${[...issue.path, key].join('.')}: not a parameter of this function`);
      const name = issue.path.length ? `parameters.${issue.path.join('.')}` : 'parameters';
      return [`${name}: ${issue.message}`];
    })
    .join('; ');
}

let shared: { token: string; gateway: HubSpotGateway; deps: CardDependencies } | undefined;

/** One gateway and portal-context cache per warm function instance, rebuilt if the token changes. */
function dependenciesFor(token: string): CardDependencies {
  if (!shared || shared.token !== token) {
    // CS_HEALTH_HUBSPOT_BASE_URL points the function at the local sandbox in tests and previews.
    const gateway = createHubSpotGateway({ accessToken: token, basePath: process.env.CS_HEALTH_HUBSPOT_BASE_URL });
    shared = { token, gateway, deps: { gateway, config: DEFAULT_ENGINE_CONFIG, now: () => new Date(), portalContext: cachedPortalContext(gateway) } };
  }
  return shared.deps;
}

/** No viewer: HubSpot does not tell a function who is looking (see functionContextSchema). */
const NO_VIEWER: CardViewer = Object.freeze({});

/**
 * Wraps a card handler as an app function `main`: checks the parameters against `parameters`
 * (unknown or malformed ones answer BAD_REQUEST naming them, before any HubSpot call), never
 * throws, answers a CardResponse. The token comes from the PRIVATE_APP_ACCESS_TOKEN secret.
 */
export function appFunction<T, P extends z.ZodType>(handler: CardHandler<T>, parameters: P): (context: unknown) => Promise<CardResponse<T>> {
  return async (raw) => {
    const context = functionContextSchema.safeParse(raw ?? {});
    if (!context.success) return { status: 'error', code: 'BAD_REQUEST', message: 'The function was called without a valid context.' };
    const input = parameters.safeParse(context.data.parameters ?? {});
    if (!input.success) return { status: 'error', code: 'BAD_REQUEST', message: describeParameterProblems(input.error) };
    const token = context.data.secrets?.PRIVATE_APP_ACCESS_TOKEN ?? process.env.PRIVATE_APP_ACCESS_TOKEN;
    if (!token) return { status: 'error', code: 'FORBIDDEN', message: 'cs-health has no access token: ask an admin to set the PRIVATE_APP_ACCESS_TOKEN secret.' };
    try {
      return await handler(dependenciesFor(token), input.data, NO_VIEWER);
    } catch {
      return { status: 'error', code: 'INTERNAL', message: 'Something went wrong while computing this card.' };
    }
  };
}
