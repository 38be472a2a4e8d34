import { createHash } from 'node:crypto';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import type { Customer } from '../../src/domain/customer';
import { customerResult } from '../../src/sync/customer-result';
import { canonical, DEMO_DATES, readDemoCustomers } from '../domain/fixtures/demo-golden';

/** The demo's run date and dates around it, as the assessment's golden hash takes them. */
const DATES = DEMO_DATES;

describe('what the sync keeps of each customer stays identical while the engine gets faster', () => {
  let customers: Customer[];
  beforeAll(async () => {
    customers = await readDemoCustomers();
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
