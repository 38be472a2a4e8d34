import { cohortOf, retentionByCohort, retentionBySegment, type GroupedRevenue } from '../../../src/domain/portfolio/retention-drilldown';
import { retentionSeries } from '../../../src/domain/portfolio/retention-series';
import { trailingTwelveMonths } from '../../../src/domain/revenue/retention';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const asOf = new Date('2026-11-22T12:00:00Z');

// A pays 1,000 throughout; B 500 until June 2026 (churns); C 200 from 2025, +300 from March 2026 (expands);
// D is new in February 2026, so it is in no trailing-year cohort at the latest point.
const revenues: GroupedRevenue[] = [
  { id: 'A', segment: 'gold', contracts: [{ dealId: 'a1', mrr: 1000, start: d('2024-01-10') }] },
  { id: 'B', segment: 'gold', contracts: [{ dealId: 'b1', mrr: 500, start: d('2024-01-20'), end: d('2026-06-01') }] },
  { id: 'C', segment: 'silver', contracts: [{ dealId: 'c1', mrr: 200, start: d('2025-01-05') }, { dealId: 'c2', mrr: 300, start: d('2026-03-01') }] },
  { id: 'D', contracts: [{ dealId: 'd1', mrr: 800, start: d('2026-02-01') }] },
];

const value = <T>(m: { kind: string; value?: T }) => (m.kind === 'value' ? (m.value as T) : undefined);

describe('NRR and GRR by month, cohort and segment', () => {
  it('gives the trailing-year figures at each of the last 12 month ends, oldest first', () => {
    const series = retentionSeries(revenues, asOf, 12);
    expect(series.map((p) => p.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    // Latest: start 1,700 (A+B+C); +300 expansion, -500 churn: NRR 1,500 / 1,700, GRR 1,200 / 1,700.
    const latest = value<{ nrr: number; grr: number; logoChurnRate: number; revenueChurnRate: number }>(series[11].retention)!;
    expect(latest.nrr).toBeCloseTo(88.235, 3);
    expect(latest.grr).toBeCloseTo(70.588, 3);
    expect(latest.logoChurnRate).toBeCloseTo(33.333, 3);
    expect(latest.revenueChurnRate).toBeCloseTo(29.412, 3);
    // May 2026: B still pays, C has expanded: NRR 2,000 / 1,700, GRR 100.
    const may = value<{ nrr: number; grr: number }>(series[5].retention)!;
    expect(may.nrr).toBeCloseTo(117.647, 3);
    expect(may.grr).toBe(100);
  });

  it('says "no data" for a month with no paying customer at its start, never 0', () => {
    const series = retentionSeries([{ id: 'N', contracts: [{ dealId: 'n', mrr: 10, start: d('2026-10-01') }] }], asOf, 2);
    expect(series.map((p) => p.retention.kind)).toEqual(['no_data', 'no_data']);
  });

  it('splits by cohort (first contract month): the 2024-01 cohort lost B, the 2025-01 cohort grew', () => {
    const cohorts = retentionByCohort(revenues, trailingTwelveMonths(asOf));
    expect(cohorts.map((c) => [c.key, c.customers])).toEqual([['2024-01', 2], ['2025-01', 1], ['2026-02', 1]]);
    expect(value<{ nrr: number; grr: number }>(cohorts[0].retention)!.nrr).toBeCloseTo(66.667, 3);
    expect(value<{ nrr: number; grr: number }>(cohorts[1].retention)).toMatchObject({ nrr: 250, grr: 100 });
    expect(cohorts[2].retention.kind).toBe('no_data');
  });

  it('splits by segment, customers without one as "unassigned"', () => {
    const segments = retentionBySegment(revenues, trailingTwelveMonths(asOf));
    expect(segments.map((s) => s.key)).toEqual(['gold', 'silver', 'unassigned']);
    expect(value<{ nrr: number }>(segments[0].retention)!.nrr).toBeCloseTo(66.667, 3);
    expect(value<{ logoChurnRate: number }>(segments[0].retention)!.logoChurnRate).toBe(50);
    expect(segments[2].retention.kind).toBe('no_data');
  });

  it('finds a cohort from the earliest contract, whatever the order', () => {
    expect(cohortOf([{ dealId: 'x', mrr: 1, start: d('2025-06-01') }, { dealId: 'y', mrr: 1, start: d('2024-02-29') }])).toBe('2024-02');
    expect(cohortOf([])).toBeUndefined();
  });
});
