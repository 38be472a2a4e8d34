import { z } from 'zod';
import { DEFAULT_ENGINE_CONFIG } from '../domain/config/engine-config';
import { createHubSpotGateway, type HubSpotGateway } from '../hubspot';
import type { CardResponse } from '../views/card-response';
import { cachedPortalContext, type CardDependencies } from './card-dependencies';
import type { CardViewer } from './card-request';

/** What HubSpot hands an app function (platform 2026.03); only what we read is typed. */
const functionContextSchema = z.object({
  parameters: z.unknown().optional(),
  secrets: z.record(z.string(), z.string()).optional(),
  user: z.object({ id: z.coerce.number().optional(), email: z.string().optional() }).loose().optional(),
  portal: z.object({ id: z.coerce.number().optional() }).loose().optional(),
}).loose();

export type CardHandler<T> = (deps: CardDependencies, input: unknown, viewer: CardViewer) => Promise<CardResponse<T>>;

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

/**
 * Wraps a card handler as an app function `main`: reads the context, never throws, answers a
 * CardResponse. The token comes from the function's secret (PRIVATE_APP_ACCESS_TOKEN).
 */
export function appFunction<T>(handler: CardHandler<T>): (context: unknown) => Promise<CardResponse<T>> {
  return async (raw) => {
    const context = functionContextSchema.safeParse(raw ?? {});
    if (!context.success) return { status: 'error', code: 'BAD_REQUEST', message: 'The function was called without a valid context.' };
    const token = context.data.secrets?.PRIVATE_APP_ACCESS_TOKEN ?? process.env.PRIVATE_APP_ACCESS_TOKEN;
    if (!token) return { status: 'error', code: 'FORBIDDEN', message: 'cs-health has no access token: ask an admin to set the PRIVATE_APP_ACCESS_TOKEN secret.' };
    const viewer: CardViewer = { userId: context.data.user?.id, email: context.data.user?.email, portalId: context.data.portal?.id };
    try {
      return await handler(dependenciesFor(token), context.data.parameters ?? {}, viewer);
    } catch {
      return { status: 'error', code: 'INTERNAL', message: 'Something went wrong while computing this card.' };
    }
  };
}
