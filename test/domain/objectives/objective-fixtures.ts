import type { Customer } from '../../../src/domain/customer';
import { DEFAULT_PLANS } from '../../../src/domain/objectives/default-plans';
import { rolePlanSchema } from '../../../src/domain/objectives/plan-schema';
import { at, createMockCustomer, wonDeal } from '../fixtures/customer-fixtures';

/** Q3 2026, the period most stories run in. */
export const quarter = { start: at('2026-07-01T00:00:00Z'), end: at('2026-09-30T23:59:59.999Z') };
export const csmPlan = rolePlanSchema.parse(DEFAULT_PLANS.csm);
export const managerPlan = rolePlanSchema.parse(DEFAULT_PLANS.cs_manager);

/**
 * An account paying 1,000 a month since 2025, touched in September, with one ticket closed in
 * 12 hours and a satisfied CSAT answer; `keeps: false` ends its contract mid-August.
 */
export function account(id: string, keeps: boolean, extra: Partial<Customer> = {}): Customer {
  return createMockCustomer({
    id,
    engagement: { lastTouchAt: at('2026-09-10T00:00:00Z') },
    deals: [wonDeal(1000, '2025-06-01T00:00:00Z', keeps ? '2027-06-01T00:00:00Z' : '2026-08-15T00:00:00Z')],
    tickets: [{ id: `t-${id}`, createdAt: at('2026-08-01T00:00:00Z'), closedAt: at('2026-08-01T12:00:00Z'), isClosed: true }],
    feedback: [{ id: `f-${id}`, surveyType: 'CSAT', value: 5, submittedAt: at('2026-08-02T00:00:00Z') }],
    ...extra,
  });
}

/** A book of `n` accounts named `prefix1..n`, the ones listed in `lost` churning mid-August. */
export const book = (prefix: string, n: number, lost: readonly number[] = []) =>
  Array.from({ length: n }, (_, i) => account(`${prefix}${i + 1}`, !lost.includes(i + 1)));
