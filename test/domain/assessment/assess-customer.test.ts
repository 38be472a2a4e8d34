import fc from 'fast-check';
import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../../src/domain/assessment/company-property-values';
import { portfolioSummary } from '../../../src/domain/assessment/portfolio-summary';
import { COMPANY_PROPERTIES } from '../../../src/domain/computed-properties';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T12:00:00Z');

describe('assessCustomer and its properties', () => {
  it('writes exactly the contracted properties', () => {
    const values = companyPropertyValues(assessCustomer(createMockCustomer(), config, asOf));
    expect(Object.keys(values).sort()).toEqual(COMPANY_PROPERTIES.map((p) => p.name).sort());
  });

  it('leaves properties empty when there is no data, never 0', () => {
    const values = companyPropertyValues(assessCustomer(createMockCustomer(), config, asOf));
    expect(values).toMatchObject({ cs_nps: null, cs_csat: null, cs_nrr_12m: null, cs_grr_12m: null, cs_mrr: null, cs_detractor_followup_due: null });
    expect(values.cs_health_computed_at).toBe('2026-11-22T12:00:00.000Z');
  });

  it('fills every figure for a customer with data, with the detractor follow-up due 48 h after the answer', () => {
    const customer = createMockCustomer({
      contacts: [{ id: 'p1', lastContactedAt: at('2026-10-01T00:00:00Z') }],
      engagement: { usageScore: 55, lastTouchAt: at('2026-10-01T00:00:00Z') },
      feedback: [nps(4, '2026-11-21T09:00:00Z', { contactId: 'p1' }), nps(10, '2026-06-01T00:00:00Z')],
      tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' })],
      deals: [wonDeal(1000, '2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'), wonDeal(1200, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')],
    });
    const assessment = assessCustomer(customer, config, asOf);
    const values = companyPropertyValues(assessment);
    expect(values).toMatchObject({ cs_nps: '0', cs_mrr: '1200', cs_nrr_12m: '120', cs_grr_12m: '100', cs_detractor_followup_due: '2026-11-23T09:00:00.000Z' });
    expect(values.cs_churn_risk_reasons?.split('\n')).toEqual(expect.arrayContaining(['Detractor answered yesterday', expect.stringMatching(/^Renewal in 40 days with health \d+$/)]));
    expect(assessment.actions[0].text).toBe('Detractor answered yesterday: call within 48 h');
  });

  it('never writes a number outside its range (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 5 }), fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }), (answers, usageScore) => {
      const values = companyPropertyValues(assessCustomer(createMockCustomer({ feedback: answers.map((v) => nps(v)), engagement: { usageScore } }), config, asOf));
      const score = Number(values.cs_health_score);
      const risk = Number(values.cs_churn_risk_score);
      return score >= 0 && score <= 100 && risk >= 0 && risk <= 100 && (values.cs_nps === null || Math.abs(Number(values.cs_nps)) <= 100);
    }));
  });
});

describe('portfolioSummary', () => {
  it('counts bands and lists at-risk customers by MRR at stake', () => {
    const big = createMockCustomer({ engagement: { usageScore: 5 }, tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-02T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-03T00:00:00Z', { priority: 'URGENT' })], deals: [wonDeal(9000, '2024-01-01T00:00:00Z')] });
    const small = createMockCustomer({ engagement: { usageScore: 5 }, tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-02T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-03T00:00:00Z', { priority: 'URGENT' })], deals: [wonDeal(100, '2024-01-01T00:00:00Z')] });
    const fine = createMockCustomer({ engagement: { usageScore: 95, lastTouchAt: at('2026-11-20T00:00:00Z') } });
    const summary = portfolioSummary([small, big, fine].map((c) => assessCustomer(c, config, asOf)));
    expect(summary.bands.at_risk).toBe(2);
    expect(summary.atRisk.map((r) => r.customerId)).toEqual([big.id, small.id]);
  });
});
