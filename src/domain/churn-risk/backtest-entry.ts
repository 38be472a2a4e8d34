import type { EngineConfig } from '../config/engine-config';
import type { Customer, RevenueContract } from '../customer';
import { customerStatus } from '../customer-status/customer-status';
import { contractsSignedBy, signalsAt } from '../health/customer-signals';
import { healthBand } from '../health/health-band';
import { scorecardWeights } from '../health/health-score';
import { signalsScore } from '../health/weighted-score';
import { revenueContracts } from '../revenue/revenue-contracts';
import { DAY_MS } from '../time/days';
import { combineRisk, rankedReasons } from './churn-risk';
import { churnFeatures } from './churn-features';
import type { BacktestEntry } from './risk-backtest';

/**
 * The rule-weight risk level a customer active `backtestDays` ago would have been given then, and
 * whether it has churned since. Usage and last touch have no history in HubSpot, so they are left
 * out of the past score rather than taken at today's value (that would leak the outcome).
 *
 * @example
 * backtestEntry(customer, config, new Date('2026-11-22')) // => { level: 'high', churned: true }
 */
export function backtestEntry(customer: Customer, config: EngineConfig, asOf: Date, contracts: RevenueContract[] = revenueContracts(customer.deals)): BacktestEntry | undefined {
  const then = new Date(asOf.getTime() - config.churnRisk.model.backtestDays * DAY_MS);
  // Active then, judged on the contracts known then (what signalsAt would hold), before measuring
  // the signals: they are most of this function's cost and an inactive customer has no entry.
  if (customerStatus(contractsSignedBy(contracts, then.getTime()), then).status !== 'active') return undefined;
  // The signals are this function's own (nothing else holds them): cleared in place rather than
  // copied by a spread, which kept their shape and cost a copy of ~30 keys per customer.
  const signals = signalsAt(customer, config, then, undefined, contracts, true);
  signals.usageScore = undefined;
  signals.touchesLast90Days = undefined;
  if (customer.engagement.lastTouchAt && customer.engagement.lastTouchAt.getTime() > then.getTime()) signals.daysSinceTouch = undefined;
  // The score alone (no readings or components): the backtest reads only its number and band.
  const score = signalsScore(signals, scorecardWeights(customer.segment, config).weights, config);
  const health = score === undefined ? undefined : { score, band: healthBand(score, config) };
  const risk = combineRisk(rankedReasons(signals, health, config), churnFeatures(signals), config);
  return { level: risk.level, churned: customerStatus(contracts, asOf).status === 'churned' };
}
