import { DEAL_PROPERTIES } from '../../../src/domain/computed-properties';
import type { Deal } from '../../../src/domain/customer';
import { loadPlans } from '../../../src/domain/objectives/load-plans';
import { DEFAULT_PLANS } from '../../../src/domain/objectives/default-plans';
import { assessDealRetention, dealPropertyValues, earlyChurnTargetPercent } from '../../../src/domain/sales/deal-retention';
import { earlyChurnRecord } from '../../../src/domain/sales/early-churn-record';
import { earlyChurnRisk, earlyLifeSignals } from '../../../src/domain/sales/early-churn-risk';
import { retentionTarget } from '../../../src/domain/sales/retention-target';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
const period = { start: at('2026-10-01T00:00:00Z'), end: at('2026-12-31T23:59:59Z') };
const clean = { wonCustomers: 20, lostWithinWindow: 0, rate: 0 };

describe('earlyChurnRecord', () => {
  it('counts the rep\'s customers gone within 90 days of their first close, judging only those old enough', () => {
    const lost = createMockCustomer({ id: 'lost', deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2026-02-15T00:00:00Z', { ownerId: 'rep' })] });
    const customers = [
      lost,
      createMockCustomer({ deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', { ownerId: 'rep' })] }),
      createMockCustomer({ deals: [wonDeal(100, '2026-11-01T00:00:00Z', undefined, { ownerId: 'rep' })] }),
      createMockCustomer({ deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { ownerId: 'other' })] }),
      // The rep's upsell on someone else's customer is not their new business.
      createMockCustomer({ deals: [wonDeal(100, '2025-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { ownerId: 'other' }), wonDeal(50, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { ownerId: 'rep' })] }),
    ];
    expect(earlyChurnRecord(customers, 'rep', asOf)).toEqual({ wonCustomers: 2, lostWithinWindow: 1, rate: 50, lostCustomerIds: ['lost'] });
    expect(earlyChurnRecord([], 'rep', asOf)).toEqual({ wonCustomers: 0, lostWithinWindow: 0, rate: undefined, lostCustomerIds: [] });
  });
});

describe('early churn risk', () => {
  it('starts from the customer\'s health and churn risk', () => {
    expect(earlyChurnRisk({ band: 'healthy', risk: 'low' }).level).toBe('low');
    expect(earlyChurnRisk({ band: 'neutral', risk: 'low' }).level).toBe('medium');
    expect(earlyChurnRisk({ band: 'healthy', risk: 'high' }).level).toBe('high');
    expect(earlyChurnRisk(undefined)).toEqual({ level: 'medium', reasons: ['no health or churn risk for the customer yet'] });
  });

  it('rises one step per early-life signal in the first 90 days only', () => {
    const signals = { daysSinceClose: 30, noTouchSinceClose: true, detractorSinceClose: false, urgentTicketsOpen: 0 };
    expect(earlyChurnRisk({ band: 'healthy', risk: 'low' }, signals)).toEqual({ level: 'medium', reasons: ['no call, email or meeting since the close 30 days ago'] });
    expect(earlyChurnRisk({ band: 'healthy', risk: 'low' }, { ...signals, urgentTicketsOpen: 2 }).level).toBe('high');
    expect(earlyChurnRisk({ band: 'healthy', risk: 'low' }, { ...signals, daysSinceClose: 120 }).level).toBe('low');
  });

  it('reads the signals from the customer: silence since the close, detractors, urgent tickets', () => {
    const customer = createMockCustomer({ engagement: { lastTouchAt: at('2026-09-01T00:00:00Z') }, feedback: [nps(3, '2026-10-20T00:00:00Z')], tickets: [ticket('2026-11-01T00:00:00Z', { priority: 'URGENT' }), ticket('2026-11-01T00:00:00Z', { priority: 'LOW' })] });
    const deal: Deal = { id: 'd', outcome: 'won', closedAt: at('2026-10-01T00:00:00Z') };
    expect(earlyLifeSignals(customer, deal, asOf)).toEqual({ daysSinceClose: 52, noTouchSinceClose: true, detractorSinceClose: true, urgentTicketsOpen: 1 });
  });
});

describe('retention target of a deal', () => {
  const newBusiness = (outcome: Deal['outcome'], closedAt?: string): Deal => ({ id: 'd1', outcome, dealType: 'newbusiness', closedAt: closedAt ? at(closedAt) : undefined, ownerId: 'rep' });

  it('counts won new business of the period only', () => {
    const counts = (deal: Deal) => retentionTarget(deal, { band: 'healthy', risk: 'low' }, clean, 5, { period }).countsTowardObjective;
    expect(counts(newBusiness('won', '2026-10-15T00:00:00Z'))).toBe(true);
    expect(counts(newBusiness('won', '2026-06-15T00:00:00Z'))).toBe(false);
    expect(counts(newBusiness('open'))).toBe(false);
    expect(counts({ ...newBusiness('won', '2026-10-15T00:00:00Z'), dealType: 'existingbusiness' })).toBe(false);
  });

  it('is missed when the rep lost more new customers early than the target allows', () => {
    expect(retentionTarget(newBusiness('open'), { band: 'healthy', risk: 'low' }, { wonCustomers: 10, lostWithinWindow: 2, rate: 20 }, 5)).toMatchObject({ status: 'missed', reason: '2 of 10 customers left within 90 days (20.0 %), above the 5 % target.' });
  });

  it('is at risk when new business goes to a customer in poor health, and says it counts once won', () => {
    expect(retentionTarget(newBusiness('open'), { band: 'at_risk', risk: 'medium' }, clean, 5)).toMatchObject({ status: 'at_risk', earlyChurnRisk: 'high', countsTowardObjective: false, reason: 'New business with a customer at risk (health at_risk, churn risk medium): it will count once won.' });
  });

  it('is at risk for a medium risk when one more early loss would miss the target', () => {
    expect(retentionTarget(newBusiness('open'), { band: 'neutral', risk: 'low' }, { wonCustomers: 15, lostWithinWindow: 0, rate: 0 }, 5)).toMatchObject({ status: 'at_risk', reason: 'One more customer lost early would put the rep at 6.3 %, above the 5 % target, and this one carries a medium risk (health neutral, churn risk low): it will count once won.' });
    // 1 of 20 is exactly the 5 % target: not above it.
    expect(retentionTarget(newBusiness('open'), { band: 'neutral', risk: 'low' }, { wonCustomers: 19, lostWithinWindow: 0, rate: 0 }, 5).status).toBe('on_track');
    expect(retentionTarget(newBusiness('open'), { band: 'neutral', risk: 'low' }, { wonCustomers: 40, lostWithinWindow: 0, rate: 0 }, 5).status).toBe('on_track');
  });

  it('does not count renewals toward the objective', () => {
    expect(retentionTarget({ dealType: 'existingbusiness', outcome: 'won' }, { band: 'healthy', risk: 'low' }, clean, 5)).toMatchObject({ status: 'on_track', countsTowardObjective: false, earlyChurnRisk: 'low' });
  });
});

describe('assessDealRetention and the deal properties', () => {
  it('marks won new business whose customer left within 90 days as missed', () => {
    const deal = wonDeal(500, '2026-07-01T00:00:00Z', '2026-08-15T00:00:00Z', { dealType: 'newbusiness', ownerId: 'rep' });
    const customer = createMockCustomer({ deals: [deal] });
    const r = assessDealRetention({ deal, customer, health: { score: 31, band: 'at_risk', risk: 'high' }, repRecord: earlyChurnRecord([customer], 'rep', asOf), asOf });
    expect(r).toMatchObject({ status: 'missed', countsTowardObjective: true, healthScore: 31, churnRisk: 'high', earlyChurnRisk: 'high', rep: { ownerId: 'rep', targetRatePercent: 5, record: { wonCustomers: 1, lostWithinWindow: 1 } } });
  });

  it('writes exactly the deal properties, leaving an unknown health score empty rather than 0', () => {
    const deal: Deal = { id: 'd9', outcome: 'open', dealType: 'newbusiness', amount: 1000, stageId: 'b', stageProbability: 0.5 };
    const stages = [{ id: 'a', order: 0, probability: 0.2, isClosed: false }, { id: 'b', order: 1, probability: 0.5, isClosed: false }];
    const r = assessDealRetention({ deal, repRecord: { wonCustomers: 4, lostWithinWindow: 0, rate: 0 }, asOf, stages });
    expect(r.weightedValue).toEqual({ kind: 'value', value: { amount: 1000, probability: 0.5, value: 500 } });
    expect(r.stageCheck?.ok).toBe(true);
    const values = dealPropertyValues(r);
    expect(Object.keys(values).sort()).toEqual(DEAL_PROPERTIES.map((p) => p.name).sort());
    expect(values).toEqual({ cs_customer_health_score: null, cs_early_churn_risk: 'medium', cs_retention_target_status: 'at_risk' });
    expect(dealPropertyValues({ ...r, healthScore: 81.6, earlyChurnRisk: 'low', status: 'on_track' })).toEqual({ cs_customer_health_score: '82', cs_early_churn_risk: 'low', cs_retention_target_status: 'on_track' });
  });

  it('takes the early-churn target from the sales plan', () => {
    const plans = loadPlans({ period, roles: { sales_rep: { ...DEFAULT_PLANS.sales_rep, measures: [{ measure: 'early_churn_rate', weight: 100, target: 3, threshold: 10 }] } } });
    expect(earlyChurnTargetPercent(plans)).toBe(3);
    expect(earlyChurnTargetPercent(undefined)).toBe(5);
  });
});
