import { averageBasketBySegment } from '../../../src/domain/sales/average-basket';
import { conversionRates } from '../../../src/domain/sales/conversion-rate';
import { checkStageProbability, pipelineProbabilityIssues } from '../../../src/domain/sales/stage-probability-check';
import { dealWeightedValue, weightedValue } from '../../../src/domain/sales/weighted-value';
import type { Deal } from '../../../src/domain/customer';
import { at, createMockCustomer } from '../fixtures/customer-fixtures';

const stages = [
  { id: 'a', label: 'Qualified', order: 0, probability: 0.2, isClosed: false },
  { id: 'b', label: 'Demo', order: 1, probability: 0.5, isClosed: false },
  { id: 'c', label: 'Contract sent', order: 2, probability: 0.4, isClosed: false },
  { id: 'd', label: 'Negotiation', order: 3, probability: 0.8, isClosed: false },
  { id: 'won', order: 4, probability: 1, isClosed: true },
];
const period = { start: at('2026-07-01T00:00:00Z'), end: at('2026-09-30T23:59:59Z') };

describe('weighted value', () => {
  it('is the amount times the stage probability', () => {
    expect(weightedValue(12_000, 0.6)).toBeCloseTo(7_200);
    expect(dealWeightedValue({ amount: 12_000, stageProbability: 0.6 })).toEqual({ kind: 'value', value: { amount: 12_000, probability: 0.6, value: 7_200 } });
  });

  it('says why there is none instead of computing NaN or 0', () => {
    expect(dealWeightedValue({ stageProbability: 0.6 })).toEqual({ kind: 'no_data', reason: 'the deal has no amount' });
    expect(dealWeightedValue({ amount: 100 })).toEqual({ kind: 'no_data', reason: 'the deal stage has no probability' });
    expect(dealWeightedValue({ amount: 100, stageProbability: 60 })).toEqual({ kind: 'no_data', reason: 'stage probability 60 is outside 0..1' });
  });
});

describe('probability rising with the stage', () => {
  it('flags every open stage no more likely than an earlier one', () => {
    expect(pipelineProbabilityIssues(stages)).toEqual([{ stageId: 'c', earlierStageId: 'b', message: 'Stage Contract sent (40 %) is not more likely to close than the earlier stage Demo (50 %)' }]);
    expect(pipelineProbabilityIssues([{ id: 'x', order: 0, probability: 0.3, isClosed: false }, { id: 'y', order: 1, probability: 0.3, isClosed: false }])).toHaveLength(1);
  });

  it('checks the deal\'s stage and the deal\'s own probability against the stages around it', () => {
    expect(checkStageProbability('b', stages)).toEqual({ ok: true, message: 'Probability 50 % rises with the stage.' });
    expect(checkStageProbability('c', stages)).toEqual({ ok: false, message: 'Stage Contract sent (40 %) is not more likely to close than the earlier stage Demo (50 %)' });
    expect(checkStageProbability('b', stages, 0.15)).toEqual({ ok: false, message: 'The deal\'s probability 15 % is not above the earlier stage Qualified (20 %)' });
    expect(checkStageProbability('b', stages, 0.9)).toEqual({ ok: false, message: 'The deal\'s probability 90 % is not below the later stage Contract sent (40 %)' });
    expect(checkStageProbability('d', stages, 0.85)).toEqual({ ok: true, message: 'Probability 85 % rises with the stage.' });
  });

  it('says when the stage is unknown, closed or has no probability', () => {
    expect(checkStageProbability('zz', stages)).toEqual({ ok: false, message: 'The deal stage is not in its pipeline.' });
    expect(checkStageProbability('won', stages)).toEqual({ ok: true, message: 'The deal is closed.' });
    expect(checkStageProbability('n', [{ id: 'n', label: 'New', order: 0, isClosed: false }])).toEqual({ ok: false, message: 'Stage New has no probability set.' });
  });
});

describe('conversion and basket', () => {
  const deal = (ownerId: string | undefined, outcome: Deal['outcome'], closedAt: string | undefined, amount?: number): Deal => ({ id: `${ownerId}-${outcome}-${closedAt}-${amount}`, ownerId, outcome, closedAt: closedAt ? at(closedAt) : undefined, amount });

  it('computes the conversion rate per rep and overall from the deals closed in the period', () => {
    const deals = [deal('r1', 'won', '2026-07-05T00:00:00Z'), deal('r1', 'lost', '2026-08-05T00:00:00Z'), deal('r1', 'won', '2026-09-05T00:00:00Z'), deal('r2', 'lost', '2026-08-01T00:00:00Z'), deal('r2', 'won', '2026-05-01T00:00:00Z'), deal('r3', 'open', undefined), deal(undefined, 'won', '2026-08-01T00:00:00Z')];
    const { overall, byRep } = conversionRates(deals, period);
    expect(overall).toEqual({ kind: 'value', value: { won: 3, lost: 2, rate: 60 } });
    expect(byRep.r1).toEqual({ kind: 'value', value: { won: 2, lost: 1, rate: (2 / 3) * 100 } });
    expect(byRep.r2).toEqual({ kind: 'value', value: { won: 0, lost: 1, rate: 0 } });
    expect(byRep.r3).toBeUndefined();
    expect(conversionRates([], period).overall).toEqual({ kind: 'no_data', reason: 'no deal closed in the period' });
  });

  it('averages the won amounts per segment, gold/silver/bronze always listed', () => {
    const customers = [
      createMockCustomer({ segment: 'Gold', deals: [deal('r', 'won', '2026-07-10T00:00:00Z', 20_000), deal('r', 'won', '2026-08-10T00:00:00Z', 10_000), deal('r', 'lost', '2026-08-10T00:00:00Z', 99_000)] }),
      createMockCustomer({ segment: 'bronze', deals: [deal('r', 'won', '2026-07-10T00:00:00Z'), deal('r', 'won', '2026-07-11T00:00:00Z', 2_000)] }),
      createMockCustomer({ deals: [deal('r', 'won', '2026-07-10T00:00:00Z', 5_000)] }),
    ];
    expect(averageBasketBySegment(customers, period)).toEqual({
      gold: { kind: 'value', value: { deals: 2, total: 30_000, average: 15_000, withoutAmount: 0 } },
      silver: { kind: 'no_data', reason: 'no deal won in the period' },
      bronze: { kind: 'value', value: { deals: 1, total: 2_000, average: 2_000, withoutAmount: 1 } },
      unsegmented: { kind: 'value', value: { deals: 1, total: 5_000, average: 5_000, withoutAmount: 0 } },
    });
  });
});
