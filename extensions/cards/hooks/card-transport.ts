import { hubspot, type JsonValue } from '@hubspot/ui-extensions';
import type { CardResponse } from '../../../src/views/card-response';
import type { CardRuntime } from '../config/card-runtime-type';

export type CardName = 'customer-health' | 'retention-target' | 'my-objectives';

/** Where one request goes: an app function by uid, or the backend through hubspot.fetch. */
export type CardRoute = { kind: 'function'; uid: string } | { kind: 'fetch'; url: string };

/**
 * Only a plain view may come from an app function: an action (an override and its author) depends
 * on who is looking, and only hubspot.fetch carries a viewer HubSpot signs.
 */
export function routeOf(runtime: CardRuntime, card: CardName, parameters: Record<string, JsonValue>): CardRoute {
  const uid = runtime.functions[card];
  const isView = parameters.action === undefined || parameters.action === 'view';
  if (uid && isView) return { kind: 'function', uid };
  return { kind: 'fetch', url: `${runtime.backendUrl}/hubspot/cards/${card}` };
}

/** Sends one card request by its route; the backend answers a CardResponse also on 4xx/5xx. */
export async function requestCard<T>(runtime: CardRuntime, card: CardName, parameters: Record<string, JsonValue>): Promise<CardResponse<T>> {
  const route = routeOf(runtime, card, parameters);
  if (route.kind === 'function') return hubspot.serverless<CardResponse<T>>(route.uid, { parameters });
  const response = await hubspot.fetch(route.url, { method: 'POST', body: parameters });
  return (await response.json()) as CardResponse<T>;
}
