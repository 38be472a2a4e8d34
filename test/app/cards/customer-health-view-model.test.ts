import { customerHealthView } from '../../../src/app/cards/customer-health-view-model';
import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { at, createMockCustomer, nps, wonDeal } from '../../domain/fixtures/customer-fixtures';

const asOf = at('2026-11-22T12:00:00Z');
const customer = (extra = {}) =>
  createMockCustomer({
    engagement: { usageScore: 30, lastTouchAt: at('2026-11-01T00:00:00Z') },
    feedback: [nps(2, '2026-11-10T00:00:00Z')],
    deals: [wonDeal(1000, '2025-01-01T00:00:00Z')],
    healthHistory: [{ at: at('2026-10-20T00:00:00Z'), value: 60 }],
    ...extra,
  });

describe('an override on the Customer health card', () => {
  it('is shown as an override, beside the computed score and the computed score\'s own trend', () => {
    const c = customer({ override: { score: 80, reason: 'Exec sponsor renewed verbally', author: 'ana@example.com', expiresAt: at('2026-12-31T00:00:00Z') } });
    const view = customerHealthView(c, assessCustomer(c, config, asOf));
    const computed = assessCustomer(customer(), config, asOf).health;
    expect(view.score).toBe(80);
    // No trend beside the 80: the change belongs to the computed score (60 stored 30 days ago -> now).
    expect(view.trend).toBeUndefined();
    expect(view.override).toMatchObject({ score: 80, computedScore: Math.round(computed?.score ?? NaN), computedTrend: { previousScore: 60, change: Math.round(((computed?.score ?? NaN) - 60) * 10) / 10 } });
  });

  it('keeps the trend beside the score when there is no override', () => {
    const view = customerHealthView(customer(), assessCustomer(customer(), config, asOf));
    expect(view.override).toBeUndefined();
    expect(view.trend?.previousScore).toBe(60);
  });
});
