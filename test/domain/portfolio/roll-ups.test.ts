import { atRiskByMrr } from '../../../src/domain/portfolio/at-risk-customers';
import { followUpsDue } from '../../../src/domain/portfolio/follow-ups-due';
import { healthDistribution } from '../../../src/domain/portfolio/health-distribution';
import { createMockEntry } from './portfolio-fixtures';

const entries = [
  createMockEntry({ id: 'a', band: 'healthy', risk: 'low', mrr: 1000 }),
  createMockEntry({ id: 'b', band: 'at_risk', score: 30, risk: 'high', mrr: 3000, reason: 'Detractor answered 2 days ago' }),
  createMockEntry({ id: 'c', band: 'neutral', score: 60, risk: 'high', mrr: 500 }),
  createMockEntry({ id: 'd', band: 'at_risk', score: 20, risk: 'high', mrr: 0, status: 'churned' }),
  createMockEntry({ id: 'e', band: 'at_risk', score: 10, risk: 'high', status: 'prospect' }),
  createMockEntry({ id: 'f', band: 'at_risk', score: 45, risk: 'medium', mrr: 1000 }),
];

describe('portfolio roll-ups', () => {
  it('puts only active customers in bands, with the MRR in each, and counts churned and prospects apart', () => {
    expect(healthDistribution(entries)).toEqual({
      active: 4,
      churned: 1,
      prospects: 1,
      noScore: 0,
      bands: { healthy: 1, neutral: 1, at_risk: 2 },
      risk: { low: 1, medium: 1, high: 2 },
      mrrByBand: { healthy: 1000, neutral: 500, at_risk: 4000 },
    });
  });

  it('lists active customers at risk by MRR at stake, never a churned customer or a prospect', () => {
    const list = atRiskByMrr(entries, 2);
    // b (3000, at risk), f (1000, at-risk band), c (500, high risk): 4,500 at stake, the first two shown.
    expect(list.count).toBe(3);
    expect(list.mrrAtStake).toBe(4500);
    expect(list.customers.map((c) => [c.customerId, c.mrr])).toEqual([['b', 3000], ['f', 1000]]);
    expect(list.customers[0].topReason).toBe('Detractor answered 2 days ago');
  });

  it('breaks MRR ties by the lower score first', () => {
    const tied = [createMockEntry({ id: 'x', band: 'at_risk', score: 40, mrr: 100 }), createMockEntry({ id: 'y', band: 'at_risk', score: 15, mrr: 100 })];
    expect(atRiskByMrr(tied).customers.map((c) => c.customerId)).toEqual(['y', 'x']);
  });

  it('marks the follow-ups whose 48 h are up, soonest first, with the hours they are late', () => {
    const due = followUpsDue(
      [createMockEntry({ id: 'late', followUpDue: '2026-11-21T12:00:00Z' }), createMockEntry({ id: 'soon', followUpDue: '2026-11-23T09:00:00Z' }), createMockEntry({ id: 'none' })],
      new Date('2026-11-22T12:30:00Z'),
    );
    expect(due.map((f) => [f.customerId, f.overdue, f.hoursOverdue])).toEqual([['late', true, 24], ['soon', false, 0]]);
  });

  it('counts an active customer with no data apart, in no band and never at risk', () => {
    const entry = createMockEntry({ id: 'empty' });
    const unscored = { ...entry, status: 'active' as const, assessment: { ...entry.assessment, health: undefined, churnRisk: undefined } };
    expect(healthDistribution([unscored])).toMatchObject({ active: 1, noScore: 1, bands: { healthy: 0, neutral: 0, at_risk: 0 } });
    expect(atRiskByMrr([unscored]).count).toBe(0);
  });

  it('gives empty roll-ups for an empty portfolio, not zeros dressed as figures', () => {
    expect(atRiskByMrr([])).toEqual({ count: 0, mrrAtStake: 0, customers: [] });
    expect(followUpsDue([], new Date())).toEqual([]);
    expect(healthDistribution([]).active).toBe(0);
  });
});
