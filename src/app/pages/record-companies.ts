import type { Customer } from '../../domain/customer';
import type { PortalMapping } from '../../domain/config/portal-mapping';
import { readCustomerPages, SYNC_COMPANIES_PER_ASSEMBLY, type HubSpotGateway, type PortalContext } from '../../hubspot';
import type { Store } from '../../store/store';

/** Stores each customer's reading taken at `readAt`: what the full sync and the recompute write after each page. */
export async function recordCompanies(store: Pick<Store, 'companies'>, customers: readonly Customer[], readAt: Date): Promise<void> {
  await store.companies.write(customers.map((customer) => ({ customer, readAt })));
}

/**
 * Reads the whole portal page by page into the store's company records; returns how many. For
 * tests, the bench and the demo preview until the full sync writes the records itself.
 */
export async function recordPortalCompanies(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, store: Pick<Store, 'companies'>, readAt: Date): Promise<number> {
  let recorded = 0;
  for await (const page of readCustomerPages(gateway, context, mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
    await recordCompanies(store, page.customers, readAt);
    recorded += page.customers.length;
  }
  return recorded;
}
