/**
 * HubSpot's API limits per subscription tier, stated once for every command and help text. From
 * the table in https://developers.hubspot.com/docs/apps/legacy-apps/private-apps/overview (private
 * apps: 100 per 10 s and 250,000 a day on Free/Starter; 190 and 625,000 on Professional; 190 and
 * 1,000,000 on Enterprise; the daily figure is per account, shared by every app) and
 * https://developers.hubspot.com/docs/developer-tooling/platform/usage-guidelines (search 5 a second).
 */
export const HUBSPOT_TIERS = {
  free: { tenSecondly: 100, daily: 250_000 },
  starter: { tenSecondly: 100, daily: 250_000 },
  professional: { tenSecondly: 190, daily: 625_000 },
  enterprise: { tenSecondly: 190, daily: 1_000_000 },
} as const;

export type HubSpotTier = keyof typeof HUBSPOT_TIERS;

export const TIER_NAMES = Object.keys(HUBSPOT_TIERS) as HubSpotTier[];

/** The CRM search endpoints allow 5 requests per second on every tier. */
export const SEARCH_PER_SECOND = 5;

/** One line for help texts: "free 100 / 10 s and 250,000 / day; starter …". */
export function describeTiers(): string {
  return TIER_NAMES.map((tier) => `${tier} ${HUBSPOT_TIERS[tier].tenSecondly} / 10 s and ${HUBSPOT_TIERS[tier].daily.toLocaleString('en-US')} / day`).join('; ');
}
