import type { RevenueContract } from '../customer';
import { noData, value, type Metric } from '../metric';
import { subtractMonthsUtc, type Period } from '../time/days';
import { customerMovement, type CustomerRevenue } from './mrr-movements';

export interface RetentionFigures {
  /** Net revenue retention, %: (start + expansion - churn - contraction) / start x 100. */
  nrr: number;
  /** Gross revenue retention, %: as NRR without expansion, so never above 100. */
  grr: number;
  startingMrr: number;
  expansion: number;
  contraction: number;
  churnedMrr: number;
  /** Customers lost / customers at start x 100. Kept apart from revenue churn, always. */
  logoChurnRate: number;
  /** (churned MRR + contraction) / starting MRR x 100. */
  revenueChurnRate: number;
  customersAtStart: number;
  customersLost: number;
}

/**
 * NRR, GRR and churn rates of the cohort of customers paying at the start of the period. New
 * customers of the period are excluded; a customer who churns and comes back before the end counts
 * by its end MRR (point-to-point).
 *
 * @example
 * // The brief's worked example: start 50,000, expansion +20,000, churn and contraction -10,000
 * revenueRetention(customers, period) // => { kind: 'value', value: { nrr: 120, grr: 80, ... } }
 */
export function revenueRetention(customers: readonly CustomerRevenue[], period: Period): Metric<RetentionFigures> {
  let startingMrr = 0, expansion = 0, contraction = 0, churnedMrr = 0, customersAtStart = 0, customersLost = 0;
  for (const customer of customers) {
    const m = customerMovement(customer, period);
    if (m.startMrr <= 0) continue;
    customersAtStart += 1;
    startingMrr += m.startMrr;
    if (m.kind === 'churn') {
      churnedMrr += m.startMrr;
      customersLost += 1;
    } else if (m.kind === 'expansion') expansion += m.endMrr - m.startMrr;
    else if (m.kind === 'contraction') contraction += m.startMrr - m.endMrr;
  }
  if (startingMrr <= 0) return noData('no recurring revenue at the start of the period');
  return value({
    nrr: ((startingMrr + expansion - churnedMrr - contraction) / startingMrr) * 100,
    grr: ((startingMrr - churnedMrr - contraction) / startingMrr) * 100,
    startingMrr,
    expansion,
    contraction,
    churnedMrr,
    logoChurnRate: (customersLost / customersAtStart) * 100,
    revenueChurnRate: ((churnedMrr + contraction) / startingMrr) * 100,
    customersAtStart,
    customersLost,
  });
}

/**
 * Retention of a single customer over a period (no data when it paid nothing at the start).
 *
 * @example
 * customerRetention(contracts, trailingTwelveMonths(asOf)) // => { kind: 'value', value: { nrr: 110, ... } }
 */
export const customerRetention = (contracts: readonly RevenueContract[], period: Period): Metric<RetentionFigures> =>
  revenueRetention([{ id: 'customer', contracts }], period);

/**
 * The twelve months up to `asOf`.
 *
 * @example
 * trailingTwelveMonths(new Date('2026-11-22')) // => { start: 2025-11-22, end: 2026-11-22 }
 */
export const trailingTwelveMonths = (asOf: Date): Period => ({ start: subtractMonthsUtc(asOf, 12), end: asOf });
