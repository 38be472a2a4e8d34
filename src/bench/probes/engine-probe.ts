import { z } from 'zod';
import { assessCustomer } from '../../domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG as config } from '../../domain/config/engine-config';
import type { Customer } from '../../domain/customer';
import { createHubSpotGateway, readCustomerPages, readPortalContext } from '../../hubspot';
import { answer, fail, memoryNow, probeArgs } from './probe-output';

/**
 * The engine's speed and memory on one core, in its own process: the peak is the kernel's
 * high-water mark (`maxRSS`), so synchronous scoring cannot hide it from a timer that never fires.
 * Companies are deep copies of 2,000 real demo customers with fresh ids, made one at a time and
 * dropped once scored, as the sync streams them; only scoring is timed.
 */
const args = probeArgs(z.object({ url: z.string(), companies: z.number().int().positive(), asOf: z.string() }).parse);
const asOf = new Date(args.asOf);

async function main() {
  const gateway = createHubSpotGateway({ basePath: args.url, budget: { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 } });
  const context = await readPortalContext(gateway);
  const sample: Customer[] = [];
  for await (const page of readCustomerPages(gateway, context, config.mapping)) {
    sample.push(...page.customers);
    if (sample.length >= 2_000) break;
  }
  await gateway.close();
  for (let i = 0; i < 5_000; i++) assessCustomer(sample[i % sample.length], config, asOf); // warm-up
  const before = memoryNow();
  let spent = 0n;
  for (let i = 0; i < args.companies; i++) {
    const customer = { ...structuredClone(sample[i % sample.length]), id: String(i + 1) };
    const started = process.hrtime.bigint();
    assessCustomer(customer, config, asOf);
    spent += process.hrtime.bigint() - started;
  }
  const seconds = Number(spent) / 1e9;
  answer({ companies: args.companies, seconds, perSecond: args.companies / seconds, rssBeforeMb: before.rssMb, maxRssBeforeMb: before.maxRssMb, ...memoryNow() });
}

main().catch(fail);
