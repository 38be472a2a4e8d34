import fc from 'fast-check';
import { mrrMovements } from '../../../src/domain/revenue/mrr-movements';
import { customerRetention, revenueRetention, trailingTwelveMonths } from '../../../src/domain/revenue/retention';
import { revenueContracts } from '../../../src/domain/revenue/revenue-contracts';
import type { RevenueContract } from '../../../src/domain/customer';
import { at, wonDeal } from '../fixtures/customer-fixtures';

const period = { start: at('2025-01-01T00:00:00Z'), end: at('2026-01-01T00:00:00Z') };
const contract = (mrr: number, start: string, end?: string): RevenueContract => ({ dealId: `${mrr}-${start}`, mrr, start: at(start), end: end ? at(end) : undefined });

describe('revenueRetention', () => {
  it('reproduces the worked example: 50,000 start, +20,000 expansion, -10,000 churn and contraction gives 120 %', () => {
    const customers = [
      // 20,000 -> 40,000: expansion of 20,000
      { id: 'grows', contracts: [contract(20_000, '2024-06-01'), contract(20_000, '2025-06-01')] },
      // 20,000 -> 15,000: contraction of 5,000
      { id: 'shrinks', contracts: [contract(20_000, '2024-06-01', '2025-06-01'), contract(15_000, '2025-06-01')] },
      // 5,000 -> 0: churn
      { id: 'leaves', contracts: [contract(5_000, '2024-06-01', '2025-09-01')] },
      { id: 'steady', contracts: [contract(5_000, '2024-01-01')] },
    ];
    const result = revenueRetention(customers, period);
    expect(result.kind).toBe('value');
    if (result.kind !== 'value') return;
    expect(result.value.startingMrr).toBe(50_000);
    expect(result.value.expansion).toBe(20_000);
    expect(result.value.contraction + result.value.churnedMrr).toBe(10_000);
    expect(result.value.nrr).toBeCloseTo(120);
    expect(result.value.grr).toBeCloseTo(80);
    expect(result.value.logoChurnRate).toBeCloseTo(25);
    expect(result.value.revenueChurnRate).toBeCloseTo(20);
  });

  it('leaves customers won during the period out of the cohort', () => {
    const customers = [
      { id: 'old', contracts: [contract(1_000, '2024-01-01')] },
      { id: 'new', contracts: [contract(9_000, '2025-03-01')] },
    ];
    const result = revenueRetention(customers, period);
    expect(result.kind === 'value' && result.value.nrr).toBeCloseTo(100);
    expect(result.kind === 'value' && result.value.customersAtStart).toBe(1);
  });

  it('counts a customer who churns and comes back within the period by where it ends', () => {
    const customers = [{ id: 'back', contracts: [contract(1_000, '2024-01-01', '2025-03-01'), contract(1_000, '2025-06-01')] }];
    const result = revenueRetention(customers, period);
    expect(result.kind === 'value' && result.value.customersLost).toBe(0);
    expect(result.kind === 'value' && result.value.nrr).toBeCloseTo(100);
  });

  it('judges a mid-period upgrade then downgrade point to point', () => {
    const customers = [{ id: 'x', contracts: [contract(1_000, '2024-01-01'), contract(500, '2025-03-01', '2025-09-01')] }];
    const result = revenueRetention(customers, period);
    expect(result.kind === 'value' && result.value.expansion).toBe(0);
  });

  it('has no data when nobody paid at the start', () => {
    expect(revenueRetention([{ id: 'new', contracts: [contract(100, '2025-05-01')] }], period)).toEqual({ kind: 'no_data', reason: 'no recurring revenue at the start of the period' });
  });

  it('computes one customer over the trailing twelve months', () => {
    const asOf = at('2026-11-22T00:00:00Z');
    expect(trailingTwelveMonths(asOf).start).toEqual(at('2025-11-22T00:00:00Z'));
    const result = customerRetention([contract(100, '2025-01-01'), contract(10, '2026-06-01')], trailingTwelveMonths(asOf));
    expect(result.kind === 'value' && result.value.nrr).toBeCloseTo(110);
  });

  it('keeps GRR at or below 100 and at or below NRR, and movements reconcile (property)', () => {
    const arbContract = fc.record({
      mrr: fc.integer({ min: 1, max: 50_000 }),
      startDay: fc.integer({ min: 0, max: 900 }),
      length: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
    });
    const base = at('2024-01-01T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.array(fc.array(arbContract, { maxLength: 4 }), { minLength: 1, maxLength: 8 }), (raw) => {
        const customers = raw.map((cs, i) => ({
          id: String(i),
          contracts: cs.map((c, j) => ({ dealId: `${i}-${j}`, mrr: c.mrr, start: new Date(base + c.startDay * 86_400_000), end: c.length ? new Date(base + (c.startDay + c.length) * 86_400_000) : undefined })),
        }));
        const m = mrrMovements(customers, period);
        expect(m.startingMrr + m.new + m.reactivation + m.expansion - m.contraction - m.churn).toBeCloseTo(m.endingMrr, 6);
        const r = revenueRetention(customers, period);
        if (r.kind === 'value') {
          expect(r.value.grr).toBeLessThanOrEqual(100 + 1e-9);
          expect(r.value.grr).toBeLessThanOrEqual(r.value.nrr + 1e-9);
          expect(r.value.grr).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('revenueContracts', () => {
  it('keeps won deals with a positive MRR and skips negative or missing amounts', () => {
    const deals = [wonDeal(100, '2026-01-01'), wonDeal(-5, '2026-01-01'), wonDeal(undefined, '2026-01-01'), { ...wonDeal(100, '2026-01-01'), outcome: 'lost' as const }];
    expect(revenueContracts(deals).map((c) => c.mrr)).toEqual([100]);
  });
});

describe('mrrMovements', () => {
  it('tells reactivation from new business', () => {
    const m = mrrMovements(
      [
        { id: 'back', contracts: [contract(300, '2024-01-01', '2024-06-01'), contract(400, '2025-05-01')] },
        { id: 'fresh', contracts: [contract(200, '2025-05-01')] },
      ],
      period,
    );
    expect(m.reactivation).toBe(400);
    expect(m.new).toBe(200);
    expect(m.customers.map((c) => c.kind)).toEqual(['reactivation', 'new']);
  });
});
