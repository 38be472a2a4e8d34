import { COMPONENT_KEYS, type ComponentWeights, type EngineConfig } from '../config/engine-config';
import type { CustomerSignals } from './customer-signals';
import { commercialSubScore, relationshipSubScore, resolutionSubScore, sentimentSubScore, supportLoadSubScore, ticketNorm, usageSubScore } from './health-components';

/** Sub-scores in `COMPONENT_KEYS` order, undefined for a component without data. */
export type SubScores = (number | undefined)[];

/**
 * The score of sub-scores re-weighted over the components with data, summed in key order:
 * computeScore's arithmetic, shared by the lean scores (the trend's past score, the backtest's) that
 * make no readings. Each component's points go to `contributions` when given.
 */
export function weightedScore(subScores: SubScores, weights: ComponentWeights, contributions?: number[]): number {
  let totalWeight = 0;
  for (let i = 0; i < COMPONENT_KEYS.length; i++) if (subScores[i] !== undefined) totalWeight += weights[COMPONENT_KEYS[i]];
  let score = 0;
  for (let i = 0; i < COMPONENT_KEYS.length; i++) {
    const sub = subScores[i], weight = weights[COMPONENT_KEYS[i]];
    const effectiveWeight = sub !== undefined && totalWeight > 0 ? weight / totalWeight : 0;
    const contribution = sub !== undefined ? sub * effectiveWeight : 0;
    score += contribution;
    if (contributions) contributions[i] = contribution;
  }
  return score;
}

/** Some weighted component has data (hasHealthData of the same sub-scores). */
export function hasWeightedData(subScores: SubScores, weights: ComponentWeights): boolean {
  for (let i = 0; i < COMPONENT_KEYS.length; i++) if (subScores[i] !== undefined && weights[COMPONENT_KEYS[i]] > 0) return true;
  return false;
}

/**
 * The health score of signals, undefined when no weighted component has data: computeScore's score
 * (and hasHealthData) without its readings, components and sentences, for a caller that needs only
 * the number (the backtest scores every customer at a past date). A test holds the two equal.
 *
 * @example
 * signalsScore(signalsAt(customer, config, asOf), config.health.weights, config) // => 61.2
 */
export function signalsScore(s: CustomerSignals, weights: ComponentWeights, config: EngineConfig): number | undefined {
  const rules = config.health.rules, subScores = subScoreScratch;
  subScores[0] = usageSubScore(s.usageScore, s.touchesLast90Days, rules);
  subScores[1] = supportLoadSubScore(s.openHighPriorityTickets, s.ticketsInWindow, s.customerOverTicketWindow, ticketNorm(s.segment, config), rules);
  subScores[2] = s.medianResolutionHours === undefined ? undefined : resolutionSubScore(s.medianResolutionHours, rules);
  subScores[3] = sentimentSubScore(s.nps.kind === 'value' ? s.nps.value.score : undefined, s.csat.kind === 'value' ? s.csat.value.score : undefined, rules);
  subScores[4] = commercialSubScore(s.mrrNow, s.mrr90DaysAgo, rules);
  subScores[5] = s.daysSinceTouch === undefined ? undefined : relationshipSubScore(s.daysSinceTouch, rules);
  return hasWeightedData(subScores, weights) ? weightedScore(subScores, weights) : undefined;
}

/** Sub-scores filled per call, never emptied (the engine is synchronous; nothing keeps them). */
const subScoreScratch: SubScores = new Array(COMPONENT_KEYS.length).fill(undefined);
