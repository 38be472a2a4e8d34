import { setFlagsFromString } from 'node:v8';
import { DEFAULT_ENGINE_CONFIG as config } from '../../src/domain/config/engine-config';
import type { Customer } from '../../src/domain/customer';
import { readCustomerPages, readPortalContext } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { withPortal } from './hubspot-test-portal';

jest.setTimeout(60_000);

// V8's own check of two objects' hidden classes; the flag only lets code compiled after it use `%`.
setFlagsFromString('--allow-natives-syntax');
const haveSameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
// An object made before one of its fields was generalised (a whole number, then a fraction) keeps
// a deprecated map until it is next accessed, when V8 moves it to the current one: the engine
// never reads it at the old map. Whether one is still waiting when the test looks depends on the
// collector's timing, so each is moved first, as the engine's first read would.
const migrate = new Function('o', '%TryMigrateInstance(o)') as (o: object) => void;

/** How many hidden classes the objects have among them, as the engine meets them. */
function shapes(objects: object[]): number {
  const kinds: object[] = [];
  for (const object of objects) migrate(object);
  for (const object of objects) if (!kinds.some((kind) => haveSameShape(kind, object))) kinds.push(object);
  return kinds.length;
}

describe('the customers the reader assembles', () => {
  it('share one object shape, so the engine reads their fields at one shape rather than hundreds', async () => {
    // `{ ...company, deals }` gave every customer a hidden class of its own on node 20: the engine's
    // reads of customer fields then met hundreds of shapes and fell back to V8's slowest lookups.
    const customers = await withPortal({ seed: (sink) => generateDemoPortal({ companies: 150, seed: 42, asOf: new Date('2026-11-01T00:00:00Z') }, sink) }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const read: Customer[] = [];
      for await (const page of readCustomerPages(gateway, context, config.mapping)) read.push(...page.customers);
      return read;
    });
    expect(customers).toHaveLength(150);
    expect(shapes(customers)).toBe(1);
    expect(shapes(customers.flatMap((customer) => customer.deals))).toBe(1);
    expect(shapes(customers.flatMap((customer) => customer.tickets))).toBe(1);
  });
});
