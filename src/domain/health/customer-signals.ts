import type { Customer, RevenueContract } from '../customer';
import { companyFeedback, type CompanyFeedback } from '../feedback/company-feedback';
import type { Metric } from '../metric';
import { mrrOn } from '../revenue/mrr';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS } from '../time/days';
import type { EngineConfig } from '../config/engine-config';
import type { CsatFigures, CsatScale } from '../feedback/csat';
import { isNpsAnswer, type NpsFigures } from '../feedback/nps';
import { sortSmall } from '../sort-small';
import { tallyTickets } from './ticket-tally';

export { isHighPriority, isOpenAt } from './ticket-tally';

/**
 * Everything the health score and the churn risk read, measured once per customer and date.
 *
 * `signalsAt(customer, config, at)` sees only what was known at `at` (tickets created by then and
 * still open then, answers given by then, contracts running then), so the same pure code gives
 * today's score and the one 30 days ago. Usage and last touch have no history in HubSpot: they are
 * taken at today's value for past dates (`heldAtCurrent` says so).
 */
export interface CustomerSignals {
  at: Date;
  /** The customer's segment, for its scorecard and its ticket norm. */
  segment?: string;
  usageScore?: number;
  /** Calls, emails and meetings in the last 90 days, when the data layer counts them. */
  touchesLast90Days?: number;
  daysSinceTouch?: number;
  openHighPriorityTickets: number;
  /** Open HIGH/URGENT tickets that have been open for 5 days or more. */
  staleUrgentTickets: number;
  ticketsLast30Days: number;
  ticketsPrevious90Days: number;
  /** Tickets opened in the ticket window (`windows.ticketDays`), compared with the segment's norm. */
  ticketsInWindow: number;
  /** Median hours to close tickets closed in the ticket window; undefined when none closed. */
  medianResolutionHours?: number;
  feedback: CompanyFeedback;
  nps: Metric<NpsFigures>;
  csat: Metric<CsatFigures>;
  npsLast180Days?: number;
  npsPrevious180Days?: number;
  detractorsLast90Days: number;
  latestDetractorAt?: Date;
  /** The contracts known at `at` (signed by then). */
  contracts: RevenueContract[];
  /** Every contract the portal holds today, to measure other dates from. */
  allContracts: RevenueContract[];
  /** The contracts cover the whole ticket window: a customer all along, so "no tickets" is data. */
  customerOverTicketWindow: boolean;
  mrrNow: number;
  mrr90DaysAgo: number;
  firstCloseAt?: Date;
  /** The end of the running contract that no later contract renews, within reach or not. */
  unrenewedEndAt?: Date;
  heldAtCurrent: ('usage' | 'relationship')[];
}

/**
 * Measures a customer's signals as known at `at`. For a past date pass today's signals as `current`:
 * values HubSpot keeps no history of are then held at today's value. `past` (true whenever `current`
 * is given) marks a date before today, where a ticket's state must come from its history.
 *
 * @example
 * signalsAt(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22')).openHighPriorityTickets // => 3
 */
export function signalsAt(customer: Customer, config: EngineConfig, at: Date, current?: CustomerSignals, allContracts = current?.allContracts ?? revenueContracts(customer.deals), past = current !== undefined): CustomerSignals {
  const t = at.getTime();
  // Point in time: on a past date, a contract signed after it (a later renewal) was not known then.
  // Today, every won deal the portal holds is known, whatever its close date says.
  const contracts = past ? contractsSignedBy(allContracts, t) : allContracts;
  const ticketWindowStart = t - config.windows.ticketDays * DAY_MS;
  const { openHigh, stale, ticketsLast30Days, ticketsPrevious90Days, inWindow, closedInWindow } = tallyTickets(customer.tickets, t, !past, ticketWindowStart, hoursScratch);

  const feedback = companyFeedback(customer, at, config.windows.feedbackDays, csatScaleOf(config.mapping.feedback.csatScaleMax));
  const npsByHalf = npsHalves(customer.feedback, t);

  const touch = customer.engagement.lastTouchAt;
  let daysSinceTouch: number | undefined, touchHeld = false;
  if (touch && touch.getTime() <= t) daysSinceTouch = (t - touch.getTime()) / DAY_MS;
  else if (touch && current) {
    daysSinceTouch = current.daysSinceTouch;
    touchHeld = true;
  }
  const { usageScore, touchesLast90Days } = customer.engagement;
  const heldAtCurrent = heldAt(touchHeld, current !== undefined && (usageScore !== undefined || touchesLast90Days !== undefined));

  // The earliest start's own Date, not a new one: the engine never changes a Date it is given
  // (latestDetractorAt is the answer's too), and one allocation less per customer and date.
  const firstClose = earliestStart(contracts);

  return {
    at,
    segment: customer.segment,
    usageScore,
    touchesLast90Days,
    daysSinceTouch,
    openHighPriorityTickets: openHigh,
    staleUrgentTickets: stale,
    ticketsLast30Days,
    ticketsPrevious90Days,
    ticketsInWindow: inWindow,
    medianResolutionHours: medianOfFirst(hoursScratch, closedInWindow),
    feedback,
    nps: feedback.nps,
    csat: feedback.csat,
    npsLast180Days: npsByHalf.recent,
    npsPrevious180Days: npsByHalf.previous,
    detractorsLast90Days: feedback.detractorsLast90Days.length,
    latestDetractorAt: feedback.latestDetractor?.submittedAt,
    contracts,
    allContracts,
    customerOverTicketWindow: coversWindow(contracts, ticketWindowStart, t),
    mrrNow: mrrOn(contracts, t),
    mrr90DaysAgo: mrrOn(contracts, t - 90 * DAY_MS),
    firstCloseAt: firstClose === undefined || firstClose.getTime() > t ? undefined : firstClose,
    // The contract's own end Date, as firstCloseAt is the start's (same instant, one allocation less).
    unrenewedEndAt: unrenewedContract(contracts, t)?.end,
    heldAtCurrent,
  };
}

/**
 * The hours behind a median, reused from call to call and never emptied (the engine is synchronous,
 * the median keeps none of them, and setting an array's length is a call into the runtime): a
 * caller counts what it wrote and reads that many.
 */
const hoursScratch: number[] = [];

/**
 * What a past date holds at today's value, in this order: last touch, then usage. Made as literals,
 * sized to what they hold (an array grown by push keeps room for 16 items, mostly garbage).
 */
export function heldAt(relationship: boolean, usage: boolean): CustomerSignals['heldAtCurrent'] {
  if (relationship) return usage ? ['relationship', 'usage'] : ['relationship'];
  return usage ? ['usage'] : [];
}

/**
 * The contracts signed by `t` (an unsigned one counts as known): the same array when all of them
 * are, else a filtered copy. Loops rather than every/filter closures: this runs for every past date.
 */
export function contractsSignedBy(contracts: RevenueContract[], t: number): RevenueContract[] {
  let count = 0;
  for (const c of contracts) if (c.signedAt === undefined || c.signedAt.getTime() <= t) count += 1;
  if (count === contracts.length) return contracts;
  // Made to size: a copy grown by push keeps room for 16 contracts (this runs for every past date).
  const known = new Array<RevenueContract>(count);
  for (let i = 0, k = 0; k < count; i++) {
    const c = contracts[i];
    if (c.signedAt === undefined || c.signedAt.getTime() <= t) known[k++] = c;
  }
  return known;
}

/** The CSAT scale of a configured maximum, made once per maximum rather than once per customer and date. */
export function csatScaleOf(max: number): CsatScale {
  if (lastCsatScale?.max !== max) lastCsatScale = { min: 1, max, positiveFrom: Math.ceil(max * 0.8) };
  return lastCsatScale;
}

let lastCsatScale: CsatScale | undefined;

/**
 * The earliest contract start (its own Date: the engine never changes a Date it is given), the
 * first of equals; undefined without contracts. The signals' first close and the past features' alike.
 */
export function earliestStart(contracts: readonly RevenueContract[]): Date | undefined {
  let first: Date | undefined;
  for (const c of contracts) if (first === undefined || c.start.getTime() < first.getTime()) first = c.start;
  return first;
}

/** True when, every day from `from` to `to`, some contract was running (gaps of a day are renewals). */
export function coversWindow(contracts: readonly RevenueContract[], from: number, to: number): boolean {
  let reached = from;
  // Valid starts sort the same by insertion; an invalid one (NaN) leaves the order to Array.sort, as always.
  const sorted = startsInOrder(contracts) ? contracts : contracts.every(hasValidStart) ? sortSmall([...contracts], byStart) : [...contracts].sort(byStart);
  for (const c of sorted) {
    if (c.start.getTime() > reached + DAY_MS) break;
    const end = c.end?.getTime() ?? Number.POSITIVE_INFINITY;
    if (end > reached) reached = end;
    if (reached >= to) return true;
  }
  return reached >= to;
}

const byStart = (a: RevenueContract, b: RevenueContract) => a.start.getTime() - b.start.getTime();
const hasValidStart = (c: RevenueContract) => !Number.isNaN(c.start.getTime());
const ascending = (a: number, b: number) => a - b;

/**
 * True when the contracts already start in order (the usual case), so sorting a copy would change
 * nothing. An invalid start (NaN) counts as out of order: the sort decides, as it always did.
 */
function startsInOrder(contracts: readonly RevenueContract[]): boolean {
  for (let i = 1; i < contracts.length; i++) if (!(contracts[i - 1].start.getTime() <= contracts[i].start.getTime())) return false;
  return true;
}

/**
 * NPS of the answers in the last 180 days before `t` (`recent`) or in the 180 days before those,
 * without copying.
 */
export function npsHalf(feedback: Customer['feedback'], t: number, recent: boolean): number | undefined {
  const halves = npsHalves(feedback, t);
  return recent ? halves.recent : halves.previous;
}

/**
 * Both halves of {@link npsHalf} in one pass over the answers, in a record reused by the next call
 * (the engine is synchronous): signalsAt reads both, and a pass per half went over the answers twice.
 */
export function npsHalves(feedback: Customer['feedback'], t: number): { recent?: number; previous?: number } {
  const middle = t - 180 * DAY_MS, from = t - 360 * DAY_MS;
  let recentNet = 0, recentTotal = 0, previousNet = 0, previousTotal = 0;
  for (const r of feedback) {
    const at = r.submittedAt.getTime();
    if (at <= from || at > t || r.surveyType !== 'NPS' || r.isEmployeeSurvey || !isNpsAnswer(r.value)) continue;
    const net = r.value >= 9 ? 1 : r.value <= 6 ? -1 : 0;
    if (at > middle) {
      recentTotal += 1;
      recentNet += net;
    } else {
      previousTotal += 1;
      previousNet += net;
    }
  }
  halves.recent = recentTotal ? (recentNet / recentTotal) * 100 : undefined;
  halves.previous = previousTotal ? (previousNet / previousTotal) * 100 : undefined;
  return halves;
}

const halves: { recent?: number; previous?: number } = { recent: undefined, previous: undefined };

/** The median, sorting the caller's scratch array in place (not needed for one or two values). */
export const median = (values: number[]): number | undefined => medianOfFirst(values, values.length);

/** The median of the first `count` values of a scratch array, sorting those in place. */
export function medianOfFirst(values: number[], count: number): number | undefined {
  if (count === 0) return undefined;
  // Hours are differences of valid instants (a NaN fails the window checks before it is written),
  // so any sort gives the same order; numbers compared in place rather than through a comparator,
  // whose fractional differences V8 boxes on every call.
  let sorted = values;
  if (count > SMALL_SORT) sorted = count === values.length ? values.sort(ascending) : values.slice(0, count).sort(ascending);
  else if (count > 2) sortSmall(values, undefined, count);
  const mid = count >> 1;
  return count % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The earliest end (an instant) of a contract running at `t` after which no contract starts (nothing renews it). */
export const unrenewedEnd = (contracts: readonly RevenueContract[], t: number): number | undefined => unrenewedContract(contracts, t)?.end?.getTime();

/** The contract of {@link unrenewedEnd}: the first of those ending soonest. */
export function unrenewedContract(contracts: readonly RevenueContract[], t: number): RevenueContract | undefined {
  let soonest: RevenueContract | undefined, soonestEnd = 0;
  for (const c of contracts) {
    const end = c.end?.getTime();
    if (end === undefined || c.start.getTime() > t || end <= t) continue;
    if (!isRenewed(contracts, c, end) && (soonest === undefined || end < soonestEnd)) {
      soonest = c;
      soonestEnd = end;
    }
  }
  return soonest;
}

/** True when another contract starts by the day before `end` (or later) and runs past it. */
function isRenewed(contracts: readonly RevenueContract[], contract: RevenueContract, end: number): boolean {
  const from = end - DAY_MS;
  for (const other of contracts) if (other !== contract && other.start.getTime() >= from && (other.end === undefined || other.end.getTime() > end)) return true;
  return false;
}

/** sortSmall's limit for numbers in place: more go to Array.prototype.sort. */
const SMALL_SORT = 16;
