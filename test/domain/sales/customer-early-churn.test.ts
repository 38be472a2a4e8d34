import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import type { Customer, Deal } from '../../../src/domain/customer';
import { revenueContracts } from '../../../src/domain/revenue/revenue-contracts';
import { customerEarlyChurn, earlyChurnRecord, firstWonDeal } from '../../../src/domain/sales/early-churn-record';
import { readCustomerPages, readPortalContext } from '../../../src/hubspot';
import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal';
import { withPortal } from '../../hubspot/hubspot-test-portal';
import { at, createMockCustomer, wonDeal } from '../fixtures/customer-fixtures';

const asOf = new Date('2026-11-01T00:00:00Z');
const DATES = [asOf, new Date('2026-06-15T12:00:00Z'), new Date('2027-03-01T00:00:00Z'), new Date('2025-12-31T00:00:00Z'), new Date('2024-01-01T00:00:00Z')];

/** What the sync asked before: the customer's record for each owner of its deals, the first that judged it. */
function byEveryOwner(customer: Customer, date: Date) {
  const owners = [...new Set(customer.deals.map((d) => d.ownerId).filter((id): id is string => id !== undefined))];
  for (const ownerId of owners) {
    const record = earlyChurnRecord([customer], ownerId, date);
    if (record.wonCustomers > 0) return { ownerId, lost: record.lostWithinWindow > 0 };
  }
  return undefined;
}

/** The first won deal as a stable sort by close date gives it. */
const sortedFirst = (customer: Customer) => customer.deals.filter((d) => d.outcome === 'won' && d.closedAt !== undefined).sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime())[0];

function expectSame(customers: readonly Customer[]): number {
  let compared = 0;
  for (const customer of customers) {
    expect([customer.id, firstWonDeal(customer)]).toEqual([customer.id, sortedFirst(customer)]);
    expect(firstWonDeal(customer)).toBe(sortedFirst(customer)); // the very deal, not a copy
    for (const date of DATES) {
      expect([customer.id, date, customerEarlyChurn(customer, date, revenueContracts(customer.deals))]).toEqual([customer.id, date, byEveryOwner(customer, date)]);
      compared += 1;
    }
  }
  return compared;
}

describe("one customer's early churn in one pass equals its record asked of every owner", () => {
  it('on every demo company at five dates', async () => {
    const customers = await withPortal({ seed: (sink) => generateDemoPortal({ companies: 300, seed: 42, asOf }, sink) }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const read: Customer[] = [];
      for await (const page of readCustomerPages(gateway, context, config.mapping)) read.push(...page.customers);
      return read;
    });
    expect(expectSame(customers)).toBe(300 * DATES.length);
  });

  it('on ties, several owners, no owner, an invalid close date and no won deal', () => {
    const owned = (owner: string | undefined, start: string, extra: Partial<Deal> = {}) => wonDeal(100, start, undefined, { ownerId: owner, ...extra });
    const customers = [
      createMockCustomer({ deals: [owned('b', '2025-03-01T00:00:00Z'), owned('a', '2025-03-01T00:00:00Z'), owned('c', '2025-01-01T00:00:00Z', { outcome: 'lost' })] }),
      createMockCustomer({ deals: [owned('a', '2026-01-01T00:00:00Z'), owned(undefined, '2025-06-01T00:00:00Z'), owned('b', '2025-07-01T00:00:00Z')] }),
      createMockCustomer({ deals: [owned('a', '2025-05-01T00:00:00Z'), { ...owned('b', '2025-01-01T00:00:00Z'), closedAt: at('not a date') }, owned('c', '2025-02-01T00:00:00Z')] }),
      createMockCustomer({ deals: [wonDeal(0, '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', { ownerId: 'z' }), owned('y', '2026-09-01T00:00:00Z')] }),
      createMockCustomer({ deals: [owned('a', '2025-01-01T00:00:00Z', { outcome: 'open', closedAt: undefined })] }),
    ];
    expect(expectSame(customers)).toBe(customers.length * DATES.length);
  });
});
