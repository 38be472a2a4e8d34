import type { RevenueContract } from '../customer';
import type { Metric } from '../metric';
import { revenueRetention, type RetentionFigures } from '../revenue/retention';
import type { Period } from '../time/days';

export interface GroupedRevenue {
  id: string;
  segment?: string;
  contracts: readonly RevenueContract[];
}

export interface RetentionGroup {
  key: string;
  customers: number;
  retention: Metric<RetentionFigures>;
}

function retentionBy(revenues: readonly GroupedRevenue[], period: Period, keyOf: (r: GroupedRevenue) => string | undefined): RetentionGroup[] {
  const groups = new Map<string, GroupedRevenue[]>();
  for (const r of revenues) {
    const key = keyOf(r);
    if (key === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, members]) => ({ key, customers: members.length, retention: revenueRetention(members, period) }));
}

/**
 * `YYYY-MM` of a customer's first contract start (its cohort), undefined without contracts.
 *
 * @example
 * cohortOf([{ dealId: 'a', mrr: 100, start: new Date('2025-06-01') }, { dealId: 'b', mrr: 50, start: new Date('2024-02-29') }]) // => '2024-02'
 */
export function cohortOf(contracts: readonly RevenueContract[]): string | undefined {
  let first: number | undefined;
  for (const c of contracts) first = first === undefined ? c.start.getTime() : Math.min(first, c.start.getTime());
  return first === undefined ? undefined : new Date(first).toISOString().slice(0, 7);
}

/**
 * NRR and GRR per cohort (month of the customer's first contract), over one period. A cohort
 * that started after the period began has no paying customers at its start: "no data".
 *
 * @example
 * retentionByCohort(revenues, { start: new Date('2025-11-22'), end: new Date('2026-11-22') })
 * // => [{ key: '2024-03', customers: 12, retention: { kind: 'value', value: { nrr: 104.2, ... } } }, ...]
 */
export const retentionByCohort = (revenues: readonly GroupedRevenue[], period: Period): RetentionGroup[] =>
  retentionBy(revenues, period, (r) => cohortOf(r.contracts));

/**
 * NRR and GRR per segment over one period; customers without a segment form "unassigned".
 *
 * @example
 * retentionBySegment(revenues, period).map((g) => g.key) // => ['bronze', 'gold', 'silver', 'unassigned']
 */
export const retentionBySegment = (revenues: readonly GroupedRevenue[], period: Period): RetentionGroup[] =>
  retentionBy(revenues, period, (r) => r.segment ?? 'unassigned');
