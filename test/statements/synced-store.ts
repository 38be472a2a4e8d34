import { readCustomerPages, readPortalContext, type HubSpotGateway, type PortalContext } from '../../src/hubspot';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

/** The demo portal's size for these suites: 3 CSMs, 2 reps and 2 AMs under the CS and sales managers. */
export const DEMO_COMPANIES = 120;

export interface SyncedPortal {
  gateway: HubSpotGateway;
  context: PortalContext;
  store: Store;
}

/**
 * The demo portal in the sandbox, and a PGlite store holding what a full sync leaves: each
 * company's reading, written page by page from `readCustomerPages` as the sync writes it.
 */
export async function withSyncedStore<T>(run: (portal: SyncedPortal) => Promise<T>): Promise<T> {
  return withPortal({ seed: (sink) => generateDemoPortal({ companies: DEMO_COMPANIES, seed: 4, asOf: AS_OF }, sink) }, async (gateway) => {
    const store = await openStore({ memory: true });
    try {
      const context = await readPortalContext(gateway);
      for await (const page of readCustomerPages(gateway, context, DEFAULT_ENGINE_CONFIG.mapping)) {
        await store.companies.write(page.customers.map((customer) => ({ customer, readAt: AS_OF })));
      }
      return await run({ gateway, context, store });
    } finally {
      await store.close();
    }
  });
}
