import { recordPortalCompanies } from '../app/pages/record-companies';
import type { PortalMapping } from '../domain/config/portal-mapping';
import { readPortalContext, type HubSpotGateway } from '../hubspot';
import type { Store } from '../store/store';

/**
 * The one place the demo fills the store's company records itself: only when its full sync left
 * none (until the sync writes them after each page, which makes this a no-op), so the preview's
 * pages answer from the store as the deployed backend does. Returns how many it recorded.
 */
export async function recordDemoCompaniesIfMissing(gateway: HubSpotGateway, mapping: PortalMapping, store: Pick<Store, 'companies'>, readAt: Date): Promise<number> {
  if ((await store.companies.count()) > 0) return 0;
  return recordPortalCompanies(gateway, await readPortalContext(gateway), mapping, store, readAt);
}
