import { COMPONENT_KEYS, type ComponentWeights, type EngineConfig } from '../config/engine-config';
import type { Customer } from '../customer';
import { mrrOn } from '../revenue/mrr';
import { DAY_MS } from '../time/days';
import { feedbackTally, tallyFeedback } from '../feedback/feedback-tally';
import { contractsSignedBy, coversWindow, csatScaleOf, heldAt, medianOfFirst, type CustomerSignals } from './customer-signals';
import { tallyTickets } from './ticket-tally';
import { hasWeightedData, weightedScore } from './weighted-score';
import { commercialSubScore, relationshipSubScore, resolutionSubScore, sentimentSubScore, supportLoadSubScore, ticketNorm, usageSubScore } from './health-components';

/** The score on a past date as the trend reads it: each component's points, their sum, and what was held at today's value. */
export interface PastScore {
  score: number;
  /** Points per component, in `COMPONENT_KEYS` order (0 for a component without data). */
  contributions: number[];
  /** Some weighted component had data (see `hasHealthData`). */
  hasData: boolean;
  heldAtCurrent: CustomerSignals['heldAtCurrent'];
}

/**
 * The health score as known at a past date `at`, reduced to the numbers the 30-day trend compares.
 * It equals `computeScore(signalsAt(customer, config, at, current), weights, config, false)` number
 * for number (a test holds the two together on every demo company and many dates), but measures only
 * what the components read: no feedback metrics with their figures, no readings, no breakdown objects,
 * no signals record. That full past assessment was about a quarter of the engine's time and garbage.
 * With `into`, that record is filled and returned (see pastScoreRecord) instead of a new one.
 *
 * @example
 * pastScore(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-10-23'), signalsAt(customer, DEFAULT_ENGINE_CONFIG, new Date('2026-11-22')), DEFAULT_ENGINE_CONFIG.health.weights).score // => 61.2
 */
export function pastScore(customer: Customer, config: EngineConfig, at: Date, current: CustomerSignals, weights: ComponentWeights, into?: PastScore): PastScore {
  const t = at.getTime();
  const rules = config.health.rules;
  // Contracts signed by then, as signalsAt selects them for a past date.
  const contracts = contractsSignedBy(current.allContracts, t);

  // Tickets: open high-priority ones, the window's count and its median resolution.
  const ticketWindowStart = t - config.windows.ticketDays * DAY_MS;
  const { openHigh, inWindow, closedInWindow } = tallyTickets(customer.tickets, t, false, ticketWindowStart, resolutionScratch);
  const medianHours = medianOfFirst(resolutionScratch, closedInWindow);

  // Feedback in its window, counted as companyFeedback counts it (the same tally and CSAT scale),
  // so the trend's past score cannot drift from today's.
  const feedbackFrom = t - config.windows.feedbackDays * DAY_MS;
  const f = tallyFeedback(customer.feedback, feedbackFrom, t, t, csatScaleOf(config.mapping.feedback.csatScaleMax), pastFeedback);
  const npsTotal = f.promoters + f.passives + f.detractors;
  const nps = npsTotal === 0 ? undefined : ((f.promoters - f.detractors) / npsTotal) * 100;
  const csat = f.csatTotal === 0 ? undefined : (f.csatPositive / f.csatTotal) * 100;

  // Usage and last touch have no history: a touch after `at` is held at today's value.
  const touch = customer.engagement.lastTouchAt;
  let daysSinceTouch: number | undefined, touchHeld = false;
  if (touch && touch.getTime() <= t) daysSinceTouch = (t - touch.getTime()) / DAY_MS;
  else if (touch) {
    daysSinceTouch = current.daysSinceTouch;
    touchHeld = true;
  }
  const { usageScore, touchesLast90Days } = customer.engagement;
  const heldAtCurrent = heldAt(touchHeld, usageScore !== undefined || touchesLast90Days !== undefined);

  const subScores = subScoreScratch;
  subScores[0] = usageSubScore(usageScore, touchesLast90Days, rules);
  subScores[1] = supportLoadSubScore(openHigh, inWindow, coversWindow(contracts, ticketWindowStart, t), ticketNorm(customer.segment, config), rules);
  subScores[2] = medianHours === undefined ? undefined : resolutionSubScore(medianHours, rules);
  subScores[3] = sentimentSubScore(nps, csat, rules);
  subScores[4] = commercialSubScore(mrrOn(contracts, t), mrrOn(contracts, t - 90 * DAY_MS), rules);
  subScores[5] = daysSinceTouch === undefined ? undefined : relationshipSubScore(daysSinceTouch, rules);

  // Re-weighted over the components with data, summed in key order: computeScore's arithmetic.
  const contributions = into ? into.contributions : new Array<number>(COMPONENT_KEYS.length);
  const score = weightedScore(subScores, weights, contributions);
  const hasData = hasWeightedData(subScores, weights);
  if (!into) return { score, contributions, hasData, heldAtCurrent };
  into.score = score;
  into.hasData = hasData;
  into.heldAtCurrent = heldAtCurrent;
  return into;
}

/**
 * A record for `pastScore(..., into)` to fill, for a caller that reads the numbers at once and keeps
 * none of them but `heldAtCurrent` (the trend): no record and list per customer.
 */
export const pastScoreRecord = (): PastScore => ({ score: 0, contributions: new Array<number>(COMPONENT_KEYS.length).fill(0), hasData: false, heldAtCurrent: [] });

/** The past score's feedback count, filled per call (the engine is synchronous; its numbers are read at once). */
const pastFeedback = feedbackTally();

/** Scratch arrays reused across calls, never emptied (the engine is synchronous; nothing keeps them; see medianOfFirst). */
const resolutionScratch: number[] = [];
const subScoreScratch: (number | undefined)[] = new Array(COMPONENT_KEYS.length).fill(undefined);
