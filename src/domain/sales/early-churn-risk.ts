import type { ChurnRiskLevel } from '../churn-risk/churn-risk';
import type { Customer, Deal } from '../customer';
import type { HealthBand } from '../health/health-band';
import { DAY_MS } from '../time/days';

/** What the health module says about the customer, passed in as plain values. */
export interface CustomerHealthInput {
  score?: number;
  band?: HealthBand;
  risk?: ChurnRiskLevel;
}

/** Early-life signals of a new customer: the first 90 days decide whether it stays. */
export interface EarlyLifeSignals {
  /** Days since the deal closed; undefined for an open deal. */
  daysSinceClose?: number;
  /** Won more than 14 days ago and nobody has called, emailed or met the customer since. */
  noTouchSinceClose?: boolean;
  /** A detractor NPS answer (0-6) since the close (or in the last 90 days for an open deal). */
  detractorSinceClose?: boolean;
  /** Open tickets of HIGH or URGENT priority. */
  urgentTicketsOpen?: number;
}

export interface EarlyChurnRisk {
  level: ChurnRiskLevel;
  reasons: string[];
}

const LEVELS: readonly ChurnRiskLevel[] = ['low', 'medium', 'high'];
const EARLY_LIFE_DAYS = 90;
// An onboarding call usually happens within two weeks of signature; silence after that is a signal.
const ONBOARDING_GRACE_DAYS = 14;

/**
 * The early-life signals of a deal's customer, read from the domain records at `asOf`.
 *
 * @example
 * earlyLifeSignals(customer, deal, new Date('2026-11-22'))
 * // => { daysSinceClose: 30, noTouchSinceClose: true, detractorSinceClose: false, urgentTicketsOpen: 0 }
 */
export function earlyLifeSignals(customer: Pick<Customer, 'engagement' | 'feedback' | 'tickets'>, deal: Pick<Deal, 'outcome' | 'closedAt'>, asOf: Date): EarlyLifeSignals {
  const closedAt = deal.outcome === 'won' ? deal.closedAt : undefined;
  const since = closedAt ?? new Date(asOf.getTime() - EARLY_LIFE_DAYS * DAY_MS);
  const daysSinceClose = closedAt ? (asOf.getTime() - closedAt.getTime()) / DAY_MS : undefined;
  const last = customer.engagement.lastTouchAt;
  return {
    daysSinceClose,
    noTouchSinceClose: daysSinceClose !== undefined && daysSinceClose > ONBOARDING_GRACE_DAYS && !(last !== undefined && last >= (closedAt as Date)),
    detractorSinceClose: customer.feedback.some((f) => f.surveyType === 'NPS' && !f.isEmployeeSurvey && f.value <= 6 && f.submittedAt >= since && f.submittedAt <= asOf),
    urgentTicketsOpen: customer.tickets.filter((t) => !t.isClosed && (t.priority === 'HIGH' || t.priority === 'URGENT')).length,
  };
}

/**
 * Risk that the customer leaves within 90 days of close: the customer's churn risk and health band
 * set the base (no company: medium, it cannot be judged), and each early-life signal raises it one
 * step while the customer is in its first 90 days (or the deal is still open).
 *
 * @example
 * earlyChurnRisk({ band: 'healthy', risk: 'low' }, { daysSinceClose: 20, noTouchSinceClose: true })
 * // => { level: 'medium', reasons: ['no call, email or meeting since the close 20 days ago'] }
 */
export function earlyChurnRisk(customer: CustomerHealthInput | undefined, signals: EarlyLifeSignals = {}): EarlyChurnRisk {
  const reasons: string[] = [];
  let step: number;
  if (!customer || (customer.band === undefined && customer.risk === undefined)) {
    step = 1;
    reasons.push('no health or churn risk for the customer yet');
  } else if (customer.risk === 'high' || customer.band === 'at_risk') {
    step = 2;
    reasons.push(`health ${customer.band ?? 'unknown'}, churn risk ${customer.risk ?? 'unknown'}`);
  } else if (customer.risk === 'medium' || customer.band === 'neutral') {
    step = 1;
    reasons.push(`health ${customer.band ?? 'unknown'}, churn risk ${customer.risk ?? 'unknown'}`);
  } else step = 0;
  const early = signals.daysSinceClose === undefined || signals.daysSinceClose <= EARLY_LIFE_DAYS;
  if (early) {
    if (signals.noTouchSinceClose) {
      step += 1;
      reasons.push(`no call, email or meeting since the close ${Math.floor(signals.daysSinceClose ?? 0)} days ago`);
    }
    if (signals.detractorSinceClose) {
      step += 1;
      reasons.push('a detractor answer since the close');
    }
    if (signals.urgentTicketsOpen) {
      step += 1;
      reasons.push(`${signals.urgentTicketsOpen} high-priority ${signals.urgentTicketsOpen === 1 ? 'ticket' : 'tickets'} open`);
    }
  }
  return { level: LEVELS[Math.min(2, step)], reasons };
}
