import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { assessCustomer } from '../../domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG as config } from '../../domain/config/engine-config';
import type { Customer } from '../../domain/customer';
import { createHubSpotGateway, readCustomerPages, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY, type PortalContext } from '../../hubspot';
import { customerResult } from '../../sync/customer-result';
import { boundHeapGrowth } from '../../sync/heap-growth';
import { observeGcPauses, ScoringClock } from './scoring-clock';
import { answer, fail, probeArgs } from './probe-output';

/**
 * The engine on customers as the product's reader makes them, in two ways.
 *
 * As synced: the portal read as `runFullSync` reads it (`companiesPerAssembly:
 * SYNC_COMPANIES_PER_ASSEMBLY`, the sync's heap growth bound), each assembly scored right after it
 * is read, while it is young and in cache. Only the scoring loops are timed. Two calls are timed:
 * `customerResult`, the very call the sync makes per customer (assessment, property values, churn
 * features, model lessons, backtest, deals to write), and `assessCustomer` alone, the engine the
 * copies' figure measures. Each pass over the portal gives alternate assemblies to the two calls and
 * the second pass swaps them, so both score every assembly once on fresh objects. The first
 * assembly of each pass is scored untimed (the engine is cold then, as in any process's first page).
 *
 * As read: up to `asRead` companies all read first, a full collection let finish, then each scored
 * once: every object is touched for the first time, scattered over the heap (the cold bound).
 */
const args = probeArgs(z.object({ url: z.string(), asOf: z.string(), passes: z.number().int().min(1).default(2), asRead: z.number().int().nonnegative().default(8_000) }).parse);
const asOf = new Date(args.asOf);
type Gateway = ReturnType<typeof createHubSpotGateway>;

async function main() {
  boundHeapGrowth(); // as runFullSync does: the heap's growth between collections shapes what scoring meets
  const gateway = createHubSpotGateway({ basePath: args.url, budget: { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 } });
  const context = await readPortalContext(gateway);
  const clocks = { customerResult: new ScoringClock(), assessCustomer: new ScoringClock() };
  const gcPauses = observeGcPauses();
  for (let pass = 0; pass < args.passes; pass++) {
    let index = 0;
    for await (const page of readCustomerPages(gateway, context, config.mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
      const customers = page.customers;
      if (index++ === 0) {
        customers.map((customer) => customerResult(customer, config, asOf)); // untimed warm-up
        continue;
      }
      if ((index + pass) % 2 === 0) clocks.customerResult.time(customers.length, () => customers.map((customer) => customerResult(customer, config, asOf)));
      else clocks.assessCustomer.time(customers.length, () => customers.map((customer) => assessCustomer(customer, config, asOf)));
    }
  }
  const pauses = await gcPauses();
  const asSynced = { customerResult: clocks.customerResult.totals(pauses), assessCustomer: clocks.assessCustomer.totals(pauses) };
  const asRead = await scoreAsRead(gateway, context);
  await gateway.close();
  answer({ companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY, asSynced, ...asRead });
}

/** Up to `asRead` companies read in full first, then each scored once (`assessCustomer`) after a full collection. */
async function scoreAsRead(gateway: Gateway, context: PortalContext) {
  if (args.asRead === 0) return {};
  const customers: Customer[] = [];
  for await (const page of readCustomerPages(gateway, context, config.mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
    customers.push(...page.customers.slice(0, args.asRead - customers.length));
    if (customers.length >= args.asRead) break;
  }
  setFlagsFromString('--expose-gc'); // a context made after this has gc(); this process's own global does not
  (runInNewContext('gc') as () => void)();
  await sleep(500); // the collector's background threads finish before the clock starts
  const clock = new ScoringClock();
  clock.time(customers.length, () => customers.map((customer) => assessCustomer(customer, config, asOf)));
  return { asRead: clock.totals() };
}

main().catch(fail);
