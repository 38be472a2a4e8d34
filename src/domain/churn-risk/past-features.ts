import type { EngineConfig } from '../config/engine-config';
import type { Customer, RevenueContract } from '../customer';
import { isDetractor } from '../feedback/nps';
import { contractsSignedBy, earliestStart, npsHalf, unrenewedEnd } from '../health/customer-signals';
import { tallyTickets } from '../health/ticket-tally';
import { mrrOn } from '../revenue/mrr';
import { DAY_MS } from '../time/days';
import { featureVector, type FeatureVector } from './churn-features';

/**
 * The churn features of a customer as known at a past instant `t`, measured lean: the same as
 * `churnFeatures(signalsAt(customer, config, new Date(t), undefined, allContracts, true))`, without
 * the rest of the signals (NPS, CSAT and CES metrics, medians, the contract coverage, the record
 * itself) that no feature reads. A sync takes up to `periods` (8) model lessons per customer, each a
 * past date: full signals for them cost as much as the customer's whole assessment (profile of the
 * as-synced engine probe). Its inputs come from the functions signalsAt measures them with (the
 * ticket tally, the contracts signed by then, the earliest start, the recent NPS half, MRR and the
 * unrenewed end); only the detractor count is its own, where signalsAt takes the length of
 * companyFeedback's list. A test holds the two equal on every demo company, period and date.
 */
export function pastChurnFeatures(customer: Customer, config: EngineConfig, t: number, allContracts: RevenueContract[]): FeatureVector {
  // The same ticket count and contract selection as signalsAt on a past date.
  const contracts = contractsSignedBy(allContracts, t);
  const { openHigh, ticketsLast30Days, ticketsPrevious90Days } = tallyTickets(customer.tickets, t, false, t - config.windows.ticketDays * DAY_MS);
  // Detractors as companyFeedback counts them: in the feedback window, not an employee survey, within 90 days.
  const windowStart = t - config.windows.feedbackDays * DAY_MS, recentFrom = t - 90 * DAY_MS;
  let detractors = 0;
  for (const r of customer.feedback) {
    const at = r.submittedAt.getTime();
    if (at > windowStart && at <= t && !r.isEmployeeSurvey && isDetractor(r) && at > recentFrom) detractors += 1;
  }
  const firstClose = earliestStart(contracts)?.getTime();
  return featureVector(
    t,
    openHigh,
    ticketsLast30Days,
    ticketsPrevious90Days,
    detractors,
    npsHalf(customer.feedback, t, true),
    mrrOn(contracts, t),
    mrrOn(contracts, t - 90 * DAY_MS),
    unrenewedEnd(contracts, t),
    firstClose === undefined || firstClose > t ? undefined : firstClose,
  );
}
