import { FEATURE_NAMES } from '../../../src/domain/churn-risk/churn-features';
import { featureDate, trainingSample } from '../../../src/domain/churn-risk/churn-model';
import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
// The latest feature date: 180 days before asOf.
const then = featureDate(config, asOf, 0);
const feature = (sample: ReturnType<typeof trainingSample>, name: (typeof FEATURE_NAMES)[number]) => sample?.features[FEATURE_NAMES.indexOf(name)];

describe('training features use only what was known at the feature date (planted leaks)', () => {
  it('puts the feature date 180 days before asOf', () => {
    expect(then.toISOString()).toBe('2026-05-26T00:00:00.000Z');
  });

  it('does not see a renewal signed after the feature date: the contract then ended within 90 days, unrenewed', () => {
    // Contract ends 2026-07-01 (36 days after the feature date); the renewal was signed (closed) on 2026-06-20.
    const renewedLater = createMockCustomer({ deals: [wonDeal(900, '2025-07-01T00:00:00Z', '2026-07-01T00:00:00Z'), wonDeal(900, '2026-06-20T00:00:00Z', '2027-07-01T00:00:00Z', { contractStart: at('2026-07-01T00:00:00Z') })] });
    expect(feature(trainingSample(renewedLater, config, asOf), 'renewalWithin90d')).toBe(1);
    // Signed before the feature date, the same renewal was known: no renewal due then.
    const renewedBefore = createMockCustomer({ deals: [wonDeal(900, '2025-07-01T00:00:00Z', '2026-07-01T00:00:00Z'), wonDeal(900, '2026-05-01T00:00:00Z', '2027-07-01T00:00:00Z', { contractStart: at('2026-07-01T00:00:00Z') })] });
    expect(feature(trainingSample(renewedBefore, config, asOf), 'renewalWithin90d')).toBe(0);
  });

  it("takes a ticket's state at the feature date from its stage history, not today's closed state", () => {
    const urgent = (extra: Parameters<typeof ticket>[1]) => createMockCustomer({ deals: [wonDeal(900, '2025-01-01T00:00:00Z')], tickets: [ticket('2026-05-01T00:00:00Z', { priority: 'URGENT', ...extra })] });
    // Closed today, no close date, history: closed on 2026-06-10 (after the feature date) -> open then.
    const closedAfter = urgent({ isClosed: true, stateChanges: [{ at: at('2026-05-01T00:00:00Z'), closed: false }, { at: at('2026-06-10T00:00:00Z'), closed: true }] });
    expect(feature(trainingSample(closedAfter, config, asOf), 'openHighPriorityTickets')).toBe(1);
    // Closed on 2026-05-10 (before) -> closed then.
    const closedBefore = urgent({ isClosed: true, stateChanges: [{ at: at('2026-05-01T00:00:00Z'), closed: false }, { at: at('2026-05-10T00:00:00Z'), closed: true }] });
    expect(feature(trainingSample(closedBefore, config, asOf), 'openHighPriorityTickets')).toBe(0);
    // No close date and no history: today's closed state is not taken for the past (it stays as created: open).
    expect(feature(trainingSample(urgent({ isClosed: true }), config, asOf), 'openHighPriorityTickets')).toBe(1);
  });

  it('does not count an answer given after the feature date', () => {
    const customer = createMockCustomer({ deals: [wonDeal(900, '2025-01-01T00:00:00Z')], feedback: [nps(1, '2026-06-01T00:00:00Z')] });
    expect(feature(trainingSample(customer, config, asOf), 'detractorRecent')).toBe(0);
    const before = createMockCustomer({ deals: [wonDeal(900, '2025-01-01T00:00:00Z')], feedback: [nps(1, '2026-05-20T00:00:00Z')] });
    expect(feature(trainingSample(before, config, asOf), 'detractorRecent')).toBe(1);
  });
});
