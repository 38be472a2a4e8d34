import type { HealthCardExtras } from '../../extensions/cards/components/card-extras';
import type { CustomerAssessment } from '../domain/assessment/assess-customer';
import type { EngineConfig } from '../domain/config/engine-config';
import type { Customer, Owner } from '../domain/customer';
import { signalsAt } from '../domain/health/customer-signals';
import { COMPONENT_LABELS } from '../domain/health/health-components';
import { computeScore, scorecardWeights } from '../domain/health/health-score';
import { explainedScoreChanges, type ScoreDay } from '../domain/portfolio/score-change-ledger';
import { DAY_MS } from '../domain/time/days';

/** How far back the card's history and ledger go (the issue: back a year). */
export const HISTORY_DAYS = 365;
/** The ledger's default threshold: moves of this many points or more. */
export const LEDGER_MIN_POINTS = 5;

/**
 * The daily scores a year of syncs would have stored for this company, replayed: the demo's store
 * holds only the day of its one sync, so
 * it scores the company's records as of each of the last `days` UTC days with the engine's own
 * past-date path (`signalsAt` + `computeScore`, what the card's trend already uses). Values HubSpot
 * keeps no history of (usage score, segment) are held at today's value, as in the trend. Today's
 * day carries the running override, the only one whose dates are known.
 *
 * @example
 * replayedScoreDays(customer, assessment, config, 30).length // => 30
 */
export function replayedScoreDays(customer: Customer, assessment: CustomerAssessment, config: EngineConfig, days = HISTORY_DAYS): ScoreDay[] {
  // A company the engine does not score today (churned, prospect, no data) shows no replayed history.
  const health = assessment.health;
  if (!health) return [];
  const { weights } = scorecardWeights(customer.segment, config);
  const today = Date.UTC(assessment.asOf.getUTCFullYear(), assessment.asOf.getUTCMonth(), assessment.asOf.getUTCDate());
  const result: ScoreDay[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    const at = back === 0 ? assessment.asOf : new Date(today - back * DAY_MS + DAY_MS - 1);
    const past = back === 0 ? health : computeScore(signalsAt(customer, config, at, health.signals), weights, config, false);
    const scored = past.components.some((c) => c.reading.status === 'scored');
    const override = back === 0 ? health.override : undefined;
    result.push({
      day: new Date(today - back * DAY_MS).toISOString().slice(0, 10),
      score: !scored ? null : Math.round(override ? override.score : past.score),
      components: Object.fromEntries(past.components.map((c) => [c.key, c.reading.status === 'scored' ? Math.round(c.reading.subScore) : null])),
      ...(override ? { override: { score: override.score, reason: override.reason, author: override.author ?? 'a CSM' } } : {}),
    });
  }
  return result;
}

/**
 * The health card's optional parts for the preview, computed as the backend would send them: the
 * year of daily scores, the "why did it change" ledger with the records behind each move, the
 * component labels, and the open detractor follow-up with its owner.
 */
export function healthCardExtras(customer: Customer, assessment: CustomerAssessment, config: EngineConfig, owners: readonly Owner[], minPoints = LEDGER_MIN_POINTS): HealthCardExtras {
  const snapshots = replayedScoreDays(customer, assessment, config);
  const due = assessment.detractorFollowUpDue;
  const owner = owners.find((o) => o.id === customer.ownerId);
  const ownerName = owner && ([owner.firstName, owner.lastName].filter(Boolean).join(' ') || owner.email);
  return {
    snapshots,
    ledger: { minPoints, changes: explainedScoreChanges(snapshots, customer, minPoints) },
    componentLabels: { ...COMPONENT_LABELS },
    ...(due ? { followUp: { due: due.toISOString(), overdue: due.getTime() < assessment.asOf.getTime(), ...(ownerName ? { ownerName } : {}) } } : {}),
  };
}
