/**
 * How the cards reach cs-health, decided at build time (`CS_HEALTH_TIER`):
 * - `functions`: card name -> app function uid, for the views an app function serves (Enterprise).
 *   HubSpot finds a function by the `uid` of its *-hsmeta.json, never by file name.
 * - everything else goes to `${backendUrl}/hubspot/cards/<card>` through hubspot.fetch, which
 *   appends and signs the viewer (userId, userEmail, portalId, appId).
 */
export interface CardRuntime {
  tier: 'pro' | 'enterprise';
  backendUrl: string;
  functions: Record<string, string>;
}
