import type { EngineConfig } from '../config/engine-config';
import type { Customer, RevenueContract } from '../customer';
import { isDetractor } from '../feedback/nps';
import { contractsSignedBy, isHighPriority, isOpenAt, npsHalf, unrenewedEnd } from '../health/customer-signals';
import { mrrOn } from '../revenue/mrr';
import { DAY_MS } from '../time/days';
import { featureVector, type FeatureVector } from './churn-features';

/**
 * The churn features of a customer as known at a past instant `t`, measured lean: the same as
 * `churnFeatures(signalsAt(customer, config, new Date(t), undefined, allContracts, true))`, without
 * the rest of the signals (NPS, CSAT and CES metrics, medians, the contract coverage, the record
 * itself) that no feature reads. A sync takes up to `periods` (8) model lessons per customer, each a
 * past date: full signals for them cost as much as the customer's whole assessment (profile of the
 * as-synced engine probe). A test holds the two equal on every demo company, period and date.
 */
export function pastChurnFeatures(customer: Customer, config: EngineConfig, t: number, allContracts: RevenueContract[]): FeatureVector {
  // Same tests, in the same order, as signalsAt on a past date (a NaN instant fails them alike).
  const contracts = contractsSignedBy(allContracts, t);
  const last30From = t - 30 * DAY_MS, prev90From = t - 120 * DAY_MS;
  let openHigh = 0, last30 = 0, prev90 = 0;
  for (const ticket of customer.tickets) {
    const created = ticket.createdAt.getTime();
    if (created > t) continue;
    if (isHighPriority(ticket.priority) && isOpenAt(ticket, t, false)) openHigh += 1;
    if (created > last30From) last30 += 1;
    else if (created > prev90From) prev90 += 1;
  }
  // Detractors as companyFeedback counts them: in the feedback window, not an employee survey, within 90 days.
  const windowStart = t - config.windows.feedbackDays * DAY_MS, recentFrom = t - 90 * DAY_MS;
  let detractors = 0;
  for (const r of customer.feedback) {
    const at = r.submittedAt.getTime();
    if (at > windowStart && at <= t && !r.isEmployeeSurvey && isDetractor(r) && at > recentFrom) detractors += 1;
  }
  let firstClose: number | undefined;
  for (const c of contracts) if (firstClose === undefined || c.start.getTime() < firstClose) firstClose = c.start.getTime();
  return featureVector(
    t,
    openHigh,
    last30,
    prev90,
    detractors,
    npsHalf(customer.feedback, t, true),
    mrrOn(contracts, t),
    mrrOn(contracts, t - 90 * DAY_MS),
    unrenewedEnd(contracts, t),
    firstClose === undefined || firstClose > t ? undefined : firstClose,
  );
}
