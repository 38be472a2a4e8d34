import { createHash } from 'node:crypto';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import type { Customer } from '../../src/domain/customer';
import { readCustomerPages, readPortalContext } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { customerResult } from '../../src/sync/customer-result';
import { withPortal } from '../hubspot/hubspot-test-portal';

const asOf = new Date('2026-11-01T00:00:00Z');
/** The demo's run date and dates around it, as the assessment's golden hash takes them. */
const DATES = [asOf, new Date('2026-06-15T12:00:00Z'), new Date('2027-03-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z')];

/** Every value in one string: keys in their order, an undefined key kept, dates as instants, -0 and NaN spelled out. */
function canonical(v: unknown): string {
  if (v === undefined) return 'u';
  if (v === null) return 'n';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return `D${v.getTime()}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') return `{${Object.entries(v as object).map(([k, x]) => `${k}:${canonical(x)}`).join(',')}}`;
  throw new Error(`unexpected ${typeof v} in a result`);
}

describe('what the sync keeps of each customer stays identical while the engine gets faster', () => {
  let customers: Customer[];
  beforeAll(async () => {
    customers = await withPortal({ seed: (sink) => generateDemoPortal({ companies: 300, seed: 42, asOf }, sink) }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const read: Customer[] = [];
      for await (const page of readCustomerPages(gateway, context, config.mapping)) read.push(...page.customers);
      return read;
    });
  });

  it('keeps every customer result of the 300 demo companies on four dates (golden hash)', () => {
    // Property values, churn features and reasons, model lessons, backtest entry, deals to write,
    // components, override and early churn: a speed-up keeps them all; a change of behaviour
    // updates the hash and says why.
    const hashes = DATES.map((date) => {
      const hash = createHash('sha256');
      for (const customer of customers) hash.update(canonical(customerResult(customer, config, date)));
      return hash.digest('hex').slice(0, 16);
    });
    expect(hashes).toEqual(GOLDEN);
  });
});

/** Taken at commit ceb3128, before the speed work of issue 15's target 4. */
const GOLDEN = ['62d5f9c6d3f2c7bc', 'f3dcba4a22cba63a', '62e3e47e577420f6', '9691c566fbf52d9b'];
