import type { CustomerSignals } from '../health/customer-signals';
import { DAY_MS } from '../time/days';

/**
 * The numeric features the fitted churn model reads. Only signals HubSpot keeps history for (tickets,
 * answers, contracts) are used, so the same features can be rebuilt as of a past date to learn from.
 */
export const FEATURE_NAMES = [
  'openHighPriorityTickets',
  'ticketSurgeRatio',
  'detractorRecent',
  'npsLast180',
  'mrrChange90d',
  'renewalWithin90d',
  'earlyLife',
  'ticketsLast30Days',
] as const;

export type FeatureVector = number[];

/**
 * The feature vector of a customer's signals, in FEATURE_NAMES order, each capped so one outlier
 * cannot dominate the fit.
 *
 * @example
 * churnFeatures(signalsAt(customer, config, asOf)) // => [2, 1.5, 1, -0.33, 0, 1, 0, 3]
 */
export function churnFeatures(s: CustomerSignals): FeatureVector {
  return featureVector(s.at.getTime(), s.openHighPriorityTickets, s.ticketsLast30Days, s.ticketsPrevious90Days, s.detractorsLast90Days, s.npsLast180Days, s.mrrNow, s.mrr90DaysAgo, s.unrenewedEndAt?.getTime(), s.firstCloseAt?.getTime());
}

/**
 * The features from the numbers they are made of (dates as instants), shared by {@link churnFeatures}
 * and the lean past features of the model's lessons (`pastChurnFeatures`), so both are the same arithmetic.
 */
export function featureVector(t: number, openHighPriorityTickets: number, ticketsLast30Days: number, ticketsPrevious90Days: number, detractorsLast90Days: number, npsLast180Days: number | undefined, mrrNow: number, mrr90DaysAgo: number, unrenewedEndAt: number | undefined, firstCloseAt: number | undefined): FeatureVector {
  const monthlyBefore = Math.max(ticketsPrevious90Days / 3, 1);
  return [
    Math.min(openHighPriorityTickets, 10),
    Math.min(ticketsLast30Days / monthlyBefore, 10),
    detractorsLast90Days > 0 ? 1 : 0,
    (npsLast180Days ?? 0) / 100,
    mrr90DaysAgo > 0 ? Math.max(-1, Math.min(1, (mrrNow - mrr90DaysAgo) / mrr90DaysAgo)) : 0,
    unrenewedEndAt !== undefined && unrenewedEndAt - t <= 90 * DAY_MS ? 1 : 0,
    firstCloseAt !== undefined && t - firstCloseAt <= 90 * DAY_MS ? 1 : 0,
    Math.min(ticketsLast30Days, 30),
  ];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A feature's value in words a CSM can act on, or undefined when the signal is absent (0).
 *
 * @example
 * describeFeature('renewalWithin90d', 1) // => 'Renewal due within 90 days'
 * describeFeature('mrrChange90d', -0.2) // => 'MRR down 20 % in 90 days'
 */
export function describeFeature(name: (typeof FEATURE_NAMES)[number], value: number): string | undefined {
  if (value === 0 || !Number.isFinite(value)) return undefined;
  switch (name) {
    case 'openHighPriorityTickets': return `${plural(value, 'open high-priority ticket')}`;
    case 'ticketSurgeRatio': return `Tickets in the last 30 days at ${value.toFixed(1)}x the monthly rate before`;
    case 'detractorRecent': return 'Detractor answer in the last 90 days';
    case 'npsLast180': return `NPS ${Math.round(value * 100)} over the last 180 days`;
    case 'mrrChange90d': return `MRR ${value < 0 ? 'down' : 'up'} ${Math.abs(Math.round(value * 100))} % in 90 days`;
    case 'renewalWithin90d': return 'Renewal due within 90 days';
    case 'earlyLife': return 'First contract within the last 90 days';
    case 'ticketsLast30Days': return `${plural(value, 'ticket')} in the last 30 days`;
  }
}
