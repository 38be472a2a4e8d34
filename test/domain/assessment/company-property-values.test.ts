import fc from 'fast-check';
import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../../src/domain/assessment/company-property-values';
import { portfolioSummary } from '../../../src/domain/assessment/portfolio-summary';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { at, createMockCustomer, csat, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T12:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(asOf.getTime() - days * DAY).toISOString();

describe('companyPropertyValues', () => {
  it('stamps the computation time given, else the assessment date', () => {
    const assessment = assessCustomer(createMockCustomer(), config, asOf);
    expect(companyPropertyValues(assessment, at('2026-11-22T12:05:00Z')).cs_health_computed_at).toBe('2026-11-22T12:05:00.000Z');
    expect(companyPropertyValues(assessment).cs_health_computed_at).toBe('2026-11-22T12:00:00.000Z');
  });

  it('rounds scores to whole points, the trend and retention to one decimal, MRR to cents', () => {
    const customer = createMockCustomer({
      engagement: { usageScore: 63.37, lastTouchAt: at('2026-11-01T00:00:00Z') },
      feedback: [nps(10, daysAgo(10)), nps(9, daysAgo(20)), nps(3, daysAgo(200)), csat(4, daysAgo(30)), csat(2, daysAgo(40)), csat(5, daysAgo(50))],
      deals: [wonDeal(1000.456, '2025-06-01T00:00:00Z', '2026-06-01T00:00:00Z'), wonDeal(1234.567, '2026-06-01T00:00:00Z')],
    });
    const values = companyPropertyValues(assessCustomer(customer, config, asOf));
    expect(values).toMatchObject({ cs_nps: '33', cs_csat: '67', cs_mrr: '1234.57', cs_nrr_12m: '123.4', cs_grr_12m: '100' });
    expect(values.cs_health_score).toMatch(/^\d{1,3}$/);
    expect(values.cs_health_trend).toMatch(/^-?\d+(\.\d)?$/);
  });

  it('writes one churn reason per line, most important first', () => {
    const customer = createMockCustomer({ engagement: { usageScore: 10, lastTouchAt: at('2026-09-01T00:00:00Z') }, feedback: [nps(1, daysAgo(3))], deals: [wonDeal(500, '2024-01-01T00:00:00Z')] });
    const assessment = assessCustomer(customer, config, asOf);
    expect(companyPropertyValues(assessment).cs_churn_risk_reasons?.split('\n')).toEqual(assessment.churnRisk?.reasons.map((r) => r.reason));
    expect(assessment.churnRisk?.reasons.length).toBeGreaterThan(1);
  });

  it('never writes "0" or a number for data that is absent (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        fc.integer({ min: 0, max: 500 }),
        (npsAnswers, csatAnswers, mrr, usageScore, answeredDaysAgo) => {
          const customer = createMockCustomer({
            engagement: { usageScore },
            feedback: [...npsAnswers.map((v) => nps(v, daysAgo(answeredDaysAgo))), ...csatAnswers.map((v) => csat(v, daysAgo(answeredDaysAgo)))],
            deals: mrr === undefined ? [] : [wonDeal(mrr, '2024-01-01T00:00:00Z')],
          });
          const values = companyPropertyValues(assessCustomer(customer, config, asOf));
          const inWindow = answeredDaysAgo < 365;
          const expectEmpty = (name: string, empty: boolean) => (empty ? values[name] === null : values[name] !== null);
          return (
            expectEmpty('cs_nps', !inWindow || npsAnswers.length === 0) &&
            expectEmpty('cs_csat', !inWindow || csatAnswers.length === 0) &&
            expectEmpty('cs_mrr', mrr === undefined) &&
            expectEmpty('cs_nrr_12m', mrr === undefined) &&
            expectEmpty('cs_grr_12m', mrr === undefined) &&
            Object.values(values).every((v) => v === null || (v !== '' && v !== 'NaN' && !v.includes('undefined')))
          );
        },
      ),
    );
  });
});

describe('next best actions', () => {
  it('asks to escalate high-priority tickets open for 5+ days and to plan a review before a renewal with low health', () => {
    const customer = createMockCustomer({
      engagement: { usageScore: 20, lastTouchAt: at('2026-11-20T00:00:00Z') },
      tickets: [ticket(daysAgo(9), { priority: 'URGENT' }), ticket(daysAgo(7), { priority: 'HIGH' }), ticket(daysAgo(6), { priority: 'HIGH' }), ticket(daysAgo(2), { priority: 'HIGH' })],
      deals: [wonDeal(900, '2025-12-01T00:00:00Z', '2027-01-06T12:00:00Z')],
    });
    const assessment = assessCustomer(customer, config, asOf);
    expect(assessment.health?.band).not.toBe('healthy');
    const texts = assessment.actions.map((a) => a.text);
    expect(texts[0]).toBe('3 high-priority tickets open for 5+ days: escalate with support');
    expect(texts).toContain(`Renewal in 45 days with health ${Math.round(assessment.health?.finalScore ?? NaN)}: plan a business review`);
    expect(texts).toContain('Low product usage: offer an adoption session');
  });

  it('says the 48 h detractor follow-up is overdue once it is', () => {
    const customer = createMockCustomer({ contacts: [{ id: 'p1' }], feedback: [nps(2, daysAgo(4), { contactId: 'p1' })], deals: [wonDeal(500, '2025-01-01T00:00:00Z')] });
    expect(assessCustomer(customer, config, asOf).actions[0]).toEqual({ priority: 'now', text: 'Detractor answered 4 days ago: call now, the 48 h follow-up is overdue' });
  });
});

describe('portfolioSummary', () => {
  it('counts every band and risk level and lists follow-ups soonest first', () => {
    const running = [wonDeal(500, '2025-01-01T00:00:00Z')];
    const detractor = (days: number) => createMockCustomer({ contacts: [{ id: 'x' }], feedback: [nps(1, daysAgo(days), { contactId: 'x' })], deals: [wonDeal(500, '2025-01-01T00:00:00Z')] });
    const [later, sooner] = [detractor(1), detractor(3)];
    const healthy = createMockCustomer({ engagement: { usageScore: 95, lastTouchAt: at('2026-11-20T00:00:00Z') }, feedback: [nps(10, daysAgo(5))], deals: running });
    const summary = portfolioSummary([later, sooner, healthy].map((c) => assessCustomer(c, config, asOf)));
    expect(summary.customers).toBe(3);
    expect(summary.bands.healthy + summary.bands.neutral + summary.bands.at_risk).toBe(3);
    expect(summary.risk.low + summary.risk.medium + summary.risk.high).toBe(3);
    expect(summary.followUpsDue.map((f) => f.customerId)).toEqual([sooner.id, later.id]);
  });
});
