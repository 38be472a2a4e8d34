import { earlyChurnRecord } from '../../../src/domain/sales/early-churn-record';
import { retentionTarget } from '../../../src/domain/sales/retention-target';
import { checkStageProbability } from '../../../src/domain/sales/stage-probability-check';
import { weightedValue } from '../../../src/domain/sales/weighted-value';
import { at, createMockCustomer, wonDeal } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
const stages = [
  { id: 'a', label: 'Qualified', order: 0, probability: 0.2, isClosed: false },
  { id: 'b', label: 'Demo', order: 1, probability: 0.5, isClosed: false },
  { id: 'c', label: 'Contract sent', order: 2, probability: 0.4, isClosed: false },
  { id: 'won', order: 3, probability: 1, isClosed: true },
];

describe('sales follow-up checks', () => {
  it('weights an opportunity by its stage probability', () => {
    expect(weightedValue(12_000, 0.6)).toBeCloseTo(7_200);
  });

  it('flags a stage that is not more likely to close than an earlier one', () => {
    expect(checkStageProbability('b', stages)).toEqual({ ok: true, message: 'Probability 50 % rises with the stage.' });
    expect(checkStageProbability('c', stages)).toEqual({ ok: false, message: 'Stage Contract sent (40 %) is not more likely to close than the earlier stage Demo (50 %)' });
    expect(checkStageProbability('zz', stages).ok).toBe(false);
  });
});

describe('earlyChurnRecord', () => {
  it('counts the rep\'s customers gone within 90 days of their first close, judging only those old enough', () => {
    const customers = [
      createMockCustomer({ deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2026-02-15T00:00:00Z', { ownerId: 'rep' })] }),
      createMockCustomer({ deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', { ownerId: 'rep' })] }),
      createMockCustomer({ deals: [wonDeal(100, '2026-11-01T00:00:00Z', undefined, { ownerId: 'rep' })] }),
      createMockCustomer({ deals: [wonDeal(100, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', { ownerId: 'other' })] }),
    ];
    expect(earlyChurnRecord(customers, 'rep', asOf)).toMatchObject({ wonCustomers: 2, lostWithinWindow: 1, rate: 50 });
    expect(earlyChurnRecord([], 'rep', asOf)).toMatchObject({ wonCustomers: 0, lostWithinWindow: 0, rate: undefined });
  });
});

describe('retentionTarget', () => {
  const goodRecord = { wonCustomers: 20, lostWithinWindow: 0, rate: 0 };
  it('is missed when the rep lost more new customers early than the target allows', () => {
    expect(retentionTarget({ dealType: 'newbusiness', outcome: 'open' }, { band: 'healthy', risk: 'low' }, { wonCustomers: 10, lostWithinWindow: 2, rate: 20 }, 5).status).toBe('missed');
  });
  it('is at risk when new business goes to a customer in poor health', () => {
    expect(retentionTarget({ dealType: 'newbusiness', outcome: 'open' }, { band: 'at_risk', risk: 'medium' }, goodRecord, 5)).toMatchObject({ status: 'at_risk', earlyChurnRisk: 'high', countsTowardObjective: true });
  });
  it('does not count renewals toward the objective', () => {
    expect(retentionTarget({ dealType: 'existingbusiness', outcome: 'won' }, { band: 'healthy', risk: 'low' }, goodRecord, 5)).toMatchObject({ status: 'on_track', countsTowardObjective: false, earlyChurnRisk: 'low' });
  });
});
