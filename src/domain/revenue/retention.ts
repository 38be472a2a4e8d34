import type { RevenueContract } from '../customer';
import { noData, value, type Metric } from '../metric';
import { subtractMonthsUtc, type Period } from '../time/days';
import { mrrOn } from './mrr';
import { customerMovement, movementKind, type CustomerRevenue, type MovementKind } from './mrr-movements';

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
  const totals = emptyTotals();
  for (const customer of customers) {
    const m = customerMovement(customer, period);
    addMovement(totals, m.kind, m.startMrr, m.endMrr);
  }
  return retentionOf(totals);
}

/** What the cohort's figures are made of, summed over its customers in order. */
interface RetentionTotals {
  startingMrr: number;
  expansion: number;
  contraction: number;
  churnedMrr: number;
  customersAtStart: number;
  customersLost: number;
}

const emptyTotals = (): RetentionTotals => ({ startingMrr: 0, expansion: 0, contraction: 0, churnedMrr: 0, customersAtStart: 0, customersLost: 0 });

/** Adds one customer's movement: only customers paying at the start are in the cohort. */
function addMovement(totals: RetentionTotals, kind: MovementKind, startMrr: number, endMrr: number): void {
  if (startMrr <= 0) return;
  totals.customersAtStart += 1;
  totals.startingMrr += startMrr;
  if (kind === 'churn') {
    totals.churnedMrr += startMrr;
    totals.customersLost += 1;
  } else if (kind === 'expansion') totals.expansion += endMrr - startMrr;
  else if (kind === 'contraction') totals.contraction += startMrr - endMrr;
}

function retentionOf({ startingMrr, expansion, contraction, churnedMrr, customersAtStart, customersLost }: RetentionTotals): Metric<RetentionFigures> {
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
export function customerRetention(contracts: readonly RevenueContract[], period: Period): Metric<RetentionFigures> {
  // revenueRetention of this one customer, without the cohort's array and movement records: the
  // engine asks this of every customer.
  const startMrr = mrrOn(contracts, period.start), endMrr = mrrOn(contracts, period.end);
  const totals = emptyTotals();
  if (startMrr > 0) addMovement(totals, movementKind(startMrr, endMrr, contracts, period), startMrr, endMrr);
  return retentionOf(totals);
}

/**
 * The twelve months up to `asOf`.
 *
 * @example
 * trailingTwelveMonths(new Date('2026-11-22')) // => { start: 2025-11-22, end: 2026-11-22 }
 */
export const trailingTwelveMonths = (asOf: Date): Period => ({ start: subtractMonthsUtc(asOf, 12), end: asOf });
