import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../../src/domain/assessment/company-property-values';
import { portfolioSummary } from '../../../src/domain/assessment/portfolio-summary';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { customerStatus } from '../../../src/domain/customer-status/customer-status';
import { revenueContracts } from '../../../src/domain/revenue/revenue-contracts';
import { at, createMockCustomer, nps, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T12:00:00Z');
const status = (...deals: ReturnType<typeof wonDeal>[]) => customerStatus(revenueContracts(deals), asOf);

describe('customerStatus', () => {
  it('calls a company that never had a won contract a prospect', () => {
    expect(status()).toEqual({ status: 'prospect' });
    expect(customerStatus(revenueContracts([{ id: 'lost', outcome: 'lost', mrr: 900, closedAt: at('2026-01-01T00:00:00Z') }]), asOf)).toEqual({ status: 'prospect' });
  });

  it('calls a customer with a contract running today active, open-ended or not', () => {
    expect(status(wonDeal(100, '2025-01-01T00:00:00Z'))).toEqual({ status: 'active' });
    expect(status(wonDeal(100, '2025-12-01T00:00:00Z', '2026-12-01T00:00:00Z'))).toEqual({ status: 'active' });
  });

  it('calls a customer churned when its last contract ended, dated at that end', () => {
    expect(status(wonDeal(100, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), wonDeal(120, '2025-01-01T00:00:00Z', '2026-03-15T00:00:00Z'))).toEqual({ status: 'churned', churnedAt: at('2026-03-15T00:00:00Z') });
  });

  it('keeps a customer between two contracts, or signed to start soon, active', () => {
    expect(status(wonDeal(100, '2025-01-01T00:00:00Z', '2026-11-20T00:00:00Z'), wonDeal(100, '2026-12-01T00:00:00Z', '2027-12-01T00:00:00Z'))).toEqual({ status: 'active' });
    expect(status(wonDeal(100, '2026-12-01T00:00:00Z'))).toEqual({ status: 'active' });
  });
});

describe('health and churn risk for active customers only', () => {
  const churned = createMockCustomer({
    contacts: [{ id: 'p1' }],
    engagement: { usageScore: 5 },
    feedback: [nps(2, '2026-11-20T00:00:00Z', { contactId: 'p1' })],
    deals: [wonDeal(800, '2025-01-01T00:00:00Z', '2026-06-01T00:00:00Z')],
  });

  it('empties health, band, trend and risk of a churned customer, and keeps its feedback and revenue figures', () => {
    const values = companyPropertyValues(assessCustomer(churned, config, asOf));
    expect(values).toMatchObject({
      cs_customer_status: 'churned',
      cs_churned_at: '2026-06-01T00:00:00.000Z',
      cs_health_score: null,
      cs_health_band: null,
      cs_health_trend: null,
      cs_churn_risk: null,
      cs_churn_risk_score: null,
      cs_churn_risk_reasons: null,
      cs_detractor_followup_due: null,
      cs_nps: '-100',
      cs_mrr: '0',
    });
    // Paying 800 twelve months ago, 0 now: NRR 0 % stays (it is the churn).
    expect(values.cs_nrr_12m).toBe('0');
  });

  it('leaves a churned customer out of the at-risk list and the follow-up queue', () => {
    const live = createMockCustomer({ contacts: [{ id: 'p2' }], engagement: { usageScore: 5 }, feedback: [nps(2, '2026-11-20T00:00:00Z', { contactId: 'p2' })], deals: [wonDeal(800, '2025-01-01T00:00:00Z')] });
    const summary = portfolioSummary([churned, live].map((c) => assessCustomer(c, config, asOf)));
    expect(summary.status).toEqual({ active: 1, churned: 1, prospect: 0 });
    expect(summary.atRisk.map((r) => r.customerId)).toEqual([live.id]);
    expect(summary.followUpsDue.map((f) => f.customerId)).toEqual([live.id]);
  });

  it('writes prospect for a company without a won deal, and no health', () => {
    expect(companyPropertyValues(assessCustomer(createMockCustomer({ engagement: { usageScore: 90 } }), config, asOf))).toMatchObject({ cs_customer_status: 'prospect', cs_churned_at: null, cs_health_score: null, cs_churn_risk: null });
  });
});
