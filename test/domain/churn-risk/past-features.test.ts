import { churnFeatures } from '../../../src/domain/churn-risk/churn-features';
import { customerSamples, featureDate } from '../../../src/domain/churn-risk/churn-model';
import { pastChurnFeatures } from '../../../src/domain/churn-risk/past-features';
import { DEFAULT_ENGINE_CONFIG as config, type EngineConfig } from '../../../src/domain/config/engine-config';
import type { Customer } from '../../../src/domain/customer';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { mrrOn } from '../../../src/domain/revenue/mrr';
import { revenueContracts } from '../../../src/domain/revenue/revenue-contracts';
import { DEMO_DATES, readDemoCustomers } from '../fixtures/demo-golden';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const DAY = 86_400_000;
/** Run dates around the demo's own, as the golden-hash test takes them. */
const RUN_DATES = DEMO_DATES;

/** What the lessons were built from before the lean features: the full signals of a past date. */
const fullFeatures = (customer: Customer, cfg: EngineConfig, t: number, contracts = revenueContracts(customer.deals)) => churnFeatures(signalsAt(customer, cfg, new Date(t), undefined, contracts, true));

function expectSame(customers: readonly Customer[], cfg: EngineConfig, instants: readonly number[]): number {
  let compared = 0;
  for (const customer of customers) {
    const contracts = revenueContracts(customer.deals);
    for (const t of instants) {
      // toEqual compares numbers with Object.is: -0, NaN and every last bit count.
      expect([customer.id, t, pastChurnFeatures(customer, cfg, t, contracts)]).toEqual([customer.id, t, fullFeatures(customer, cfg, t, contracts)]);
      compared += 1;
    }
  }
  return compared;
}

/** The lessons as they were built before: Dates for the feature and label dates, full signals for the features. */
function lessonsBefore(customer: Customer, cfg: EngineConfig, runDate: Date) {
  const contracts = revenueContracts(customer.deals);
  const lessons = [];
  for (let period = 0; period < cfg.churnRisk.model.periods; period++) {
    const then = featureDate(cfg, runDate, period);
    const labelAt = new Date(then.getTime() + cfg.churnRisk.model.horizonDays * DAY);
    if (mrrOn(contracts, then) <= 0) continue;
    lessons.push({ id: customer.id, features: fullFeatures(customer, cfg, then.getTime(), contracts), churned: mrrOn(contracts, labelAt) > 0 ? 0 : 1, period });
  }
  return lessons;
}

describe('the lean past churn features equal the full signals\' features', () => {
  let customers: Customer[];
  beforeAll(async () => {
    customers = await readDemoCustomers();
  });

  it('on every demo company, at every lesson date of four run dates and at days around them', () => {
    const instants: number[] = [];
    for (const runDate of RUN_DATES) {
      for (let period = 0; period < config.churnRisk.model.periods; period++) instants.push(featureDate(config, runDate, period).getTime());
      for (const days of [0, 1, 30, 89, 90, 91, 365]) instants.push(runDate.getTime() - days * DAY);
    }
    expect(expectSame(customers, config, instants)).toBe(300 * instants.length);
  });

  it('so every demo company\'s lessons are those built the old way, at four run dates', () => {
    for (const runDate of RUN_DATES) for (const customer of customers) expect(customerSamples(customer, config, runDate)).toEqual(lessonsBefore(customer, config, runDate));
  });

  it('on the edges the demo may not hold: an invalid contract start, renewals signed later, ticket histories, employee and out-of-window answers, a feedback window under 90 days', () => {
    const customers = [
      createMockCustomer({ deals: [wonDeal(500, 'not a date', '2027-01-01T00:00:00Z'), wonDeal(300, '2025-01-01T00:00:00Z', '2026-07-01T00:00:00Z')] }),
      createMockCustomer({ deals: [wonDeal(900, '2025-07-01T00:00:00Z', '2026-07-01T00:00:00Z'), wonDeal(900, '2026-06-20T00:00:00Z', '2027-07-01T00:00:00Z', { contractStart: at('2026-07-01T00:00:00Z') })] }),
      createMockCustomer({
        deals: [wonDeal(100, '2024-01-01T00:00:00Z')],
        tickets: [
          ticket('2026-05-01T00:00:00Z', { priority: 'URGENT', isClosed: true, stateChanges: [{ at: at('2026-05-01T00:00:00Z'), closed: false }, { at: at('2026-06-10T00:00:00Z'), closed: true }] }),
          ticket('2026-04-01T00:00:00Z', { priority: 'HIGH', closedAt: at('2026-05-20T00:00:00Z') }),
          ticket('2026-05-25T00:00:00Z', { priority: 'LOW' }),
          ticket('2026-02-01T00:00:00Z', { priority: 'HIGH', isClosed: true }),
        ],
        feedback: [nps(2, '2026-05-20T00:00:00Z'), nps(3, '2026-05-20T00:00:00Z', { isEmployeeSurvey: true }), nps(10, '2026-01-10T00:00:00Z'), nps(5, '2025-10-01T00:00:00Z'), nps(1, '2026-06-01T00:00:00Z')],
      }),
      // A detractor older than 90 days only: no recent detractor, whatever the window.
      createMockCustomer({ deals: [wonDeal(100, '2024-01-01T00:00:00Z')], feedback: [nps(4, '2026-01-15T00:00:00Z')] }),
    ];
    const instants = [at('2026-05-26T00:00:00Z'), at('2026-06-30T00:00:00Z'), at('2026-07-01T00:00:00Z'), at('2025-06-01T00:00:00Z')].map((d) => d.getTime());
    const shortWindow: EngineConfig = { ...config, windows: { ...config.windows, feedbackDays: 30 } };
    expect(expectSame(customers, config, instants) + expectSame(customers, shortWindow, instants)).toBe(2 * customers.length * instants.length);
  });
});
