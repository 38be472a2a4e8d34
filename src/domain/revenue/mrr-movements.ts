import type { RevenueContract } from '../customer';
import type { Period } from '../time/days';
import { hadRevenueBefore, mrrOn } from './mrr';

export interface CustomerRevenue {
  id: string;
  contracts: readonly RevenueContract[];
}

export type MovementKind = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation' | 'flat' | 'none';

export interface CustomerMovement {
  id: string;
  kind: MovementKind;
  startMrr: number;
  endMrr: number;
}

export interface MrrMovements {
  startingMrr: number;
  endingMrr: number;
  new: number;
  expansion: number;
  contraction: number;
  churn: number;
  reactivation: number;
  customers: CustomerMovement[];
}

/**
 * Classifies one customer's MRR change from the first to the last day of a period.
 *
 * Point-to-point on purpose: a customer who upgrades then downgrades inside the period, or churns
 * and comes back before its end, is judged by where it ends, as retention reports are.
 */
export function customerMovement(customer: CustomerRevenue, period: Period): CustomerMovement {
  const startMrr = mrrOn(customer.contracts, period.start);
  const endMrr = mrrOn(customer.contracts, period.end);
  return { id: customer.id, kind: movementKind(startMrr, endMrr, customer.contracts, period), startMrr, endMrr };
}

/** The kind of a move from `startMrr` to `endMrr` over the period (the contracts tell a comeback from a new customer). */
export function movementKind(startMrr: number, endMrr: number, contracts: readonly RevenueContract[], period: Period): MovementKind {
  if (startMrr > 0) {
    if (endMrr === 0) return 'churn';
    if (endMrr > startMrr) return 'expansion';
    if (endMrr < startMrr) return 'contraction';
    return 'flat';
  }
  if (endMrr > 0) return hadRevenueBefore(contracts, period.start) ? 'reactivation' : 'new';
  return 'none';
}

/**
 * MRR movements over a period: new, expansion, contraction, churn and reactivation. They reconcile:
 * starting + new + reactivation + expansion - contraction - churn = ending.
 *
 * @example
 * mrrMovements([{ id: 'a', contracts: [{ dealId: 'd', mrr: 100, start: new Date('2026-01-01') }] }],
 *   { start: new Date('2025-12-01'), end: new Date('2026-02-01') })
 * // => { startingMrr: 0, endingMrr: 100, new: 100, expansion: 0, ... }
 */
export function mrrMovements(customers: readonly CustomerRevenue[], period: Period): MrrMovements {
  const result: MrrMovements = { startingMrr: 0, endingMrr: 0, new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0, customers: [] };
  for (const customer of customers) {
    const m = customerMovement(customer, period);
    result.customers.push(m);
    result.startingMrr += m.startMrr;
    result.endingMrr += m.endMrr;
    switch (m.kind) {
      case 'new': result.new += m.endMrr; break;
      case 'reactivation': result.reactivation += m.endMrr; break;
      case 'expansion': result.expansion += m.endMrr - m.startMrr; break;
      case 'contraction': result.contraction += m.startMrr - m.endMrr; break;
      case 'churn': result.churn += m.startMrr; break;
      case 'flat': case 'none': break;
    }
  }
  return result;
}
