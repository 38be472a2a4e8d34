import type { ScoreChange, ScoreDay } from '../../../src/domain/portfolio/score-change-ledger';
import type { ChangeRecord } from '../../../src/domain/portfolio/score-change-records';

/**
 * Optional parts of the cards' view models that the new components draw when the backend sends
 * them (daily snapshots come from the store, so older answers simply lack them). Kept beside the
 * components so the existing view models need no change to stay valid. Everything here is computed
 * on the backend (`explainedScoreChanges` for the ledger): card code only draws, and imports nothing
 * but types from outside `extensions/`, which HubSpot's card build could not resolve.
 */
export interface HealthCardExtras {
  /** Daily snapshots from the store, oldest first, back a year. */
  snapshots?: ScoreDay[];
  /** "Why did it change": moves of at least `minPoints` (configurable), newest first, with the records behind them. */
  ledger?: { minPoints: number; changes: (ScoreChange & { records?: ChangeRecord[] })[] };
  /** Component key -> label ("support" -> "Support load"). */
  componentLabels?: Record<string, string>;
  /** The open detractor follow-up: `cs_detractor_followup_due`, and the task when one was created. */
  followUp?: { due: string; overdue: boolean; taskId?: string; ownerName?: string };
}

export interface RetentionCardExtras {
  /** The deal stage's label as HubSpot shows it. */
  stageLabel?: string;
  /** The rep's open deals: count, total amount, weighted total (amount x stage probability). */
  openPipeline?: { deals: number; amount: number; weighted: number; withoutProbability: number };
}

export interface ObjectivesCardExtras {
  /** Variable pay for the period at the current attainment, and the part earned to date. */
  pay?: { atTarget: number; projected: number; toDate: number };
  /** Attainment to date per level, the levels the sync computed into the period's statement included. */
  levelAttainment?: { level: string; weightPercent: number; attainment?: number; source: 'card' | 'statement' }[];
  exclusions?: { accounts: string[]; reason: string; declaredBy: string; declaredAt: string }[];
  transitions?: { people: string[]; from: string; to: string; reason: string; declaredBy: string; declaredAt: string }[];
}
