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
 * The engine's own status for a company (from its contracts: `customerStatus`), as the roll-ups
 * read it.
 *
 * @example
 * portfolioEntry(customer, assessCustomer(customer, config, asOf)).status // => 'churned'
 */
export function portfolioEntry(customer: Customer, assessment: CustomerAssessment): PortfolioEntry {
  return { customer, assessment, status: assessment.status.status };
}
