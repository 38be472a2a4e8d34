import type { CustomerAssessment } from '../assessment/assess-customer';
import type { Customer } from '../customer';

/**
 * Where a company stands commercially. Only `active` customers (paying today) belong in health,
 * at-risk and MRR-at-stake roll-ups; a churned customer or a prospect is not "at risk".
 */
export type CustomerStatus = 'active' | 'churned' | 'prospect';

/** One company as the portfolio roll-ups read it: the record, the engine's assessment, its status. */
export interface PortfolioEntry {
  customer: Customer;
  assessment: CustomerAssessment;
  status: CustomerStatus;
}

/**
 * The status when the engine does not state one: paying today is active, paid before is churned,
 * never paid is a prospect.
 *
 * @example
 * statusFromRevenue({ mrr: 0, hasRevenue: true }) // => 'churned'
 */
export function statusFromRevenue(a: Pick<CustomerAssessment, 'mrr' | 'hasRevenue'>): CustomerStatus {
  if (a.mrr > 0) return 'active';
  return a.hasRevenue ? 'churned' : 'prospect';
}
