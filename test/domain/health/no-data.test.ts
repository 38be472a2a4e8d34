import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../../src/domain/assessment/company-property-values';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { readComponent } from '../../../src/domain/health/health-components';
import { at, createMockCustomer, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');

describe('no data stays empty', () => {
  it('gives a company with no data of any kind no score (it used to be 100, healthy)', () => {
    const bare = assessCustomer(createMockCustomer(), config, asOf);
    expect([bare.status.status, bare.health, bare.churnRisk]).toEqual(['prospect', undefined, undefined]);
  });

  it('gives an active customer no score when no weighted component has data', () => {
    // A contract signed 30 days ago: no usage, touches, covered ticket window or answers. Only the
    // commercial trend ("new revenue") has data; with its weight at 0 nothing is left to score.
    const fresh = createMockCustomer({ deals: [wonDeal(500, '2026-10-23T00:00:00Z')] });
    expect(assessCustomer(fresh, config, asOf).health?.components.filter((c) => c.reading.status === 'scored').map((c) => c.key)).toEqual(['commercial']);
    const empty = assessCustomer(fresh, { ...config, health: { ...config.health, weights: { ...config.health.weights, commercial: 0 } } }, asOf);
    expect(empty.status.status).toBe('active');
    expect(empty.health).toBeUndefined();
    expect(empty.notScored).toBe('no component has data');
    expect(companyPropertyValues(empty)).toMatchObject({ cs_health_score: null, cs_health_band: null, cs_health_trend: null });
  });

  it('counts "zero tickets" as data only for a customer with a contract over the whole 90-day ticket window', () => {
    const since = (start: string) => readComponent('supportLoad', signalsAt(createMockCustomer({ deals: [wonDeal(500, start)] }), config, asOf), config);
    // Customer since 2026-01-01: covered -> 0 tickets scores 100.
    expect(since('2026-01-01T00:00:00Z')).toMatchObject({ status: 'scored', subScore: 100 });
    // Customer since 2026-10-01 (52 days): not covered -> no data.
    expect(since('2026-10-01T00:00:00Z')).toEqual({ status: 'no_data', reason: 'no ticket in the last 90 days, and not a customer over all of them' });
    // Two back-to-back contracts cover the window together.
    const chained = createMockCustomer({ deals: [wonDeal(500, '2026-01-01T00:00:00Z', '2026-10-01T00:00:00Z'), wonDeal(500, '2026-10-01T00:00:00Z', '2027-10-01T00:00:00Z')] });
    expect(readComponent('supportLoad', signalsAt(chained, config, asOf), config)).toMatchObject({ status: 'scored', subScore: 100 });
  });
});
