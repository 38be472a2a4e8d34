import type { ObjectivesCardExtras } from '../../extensions/cards/components/card-extras';

/** The My objectives card's view model: the viewer's attainment, explained measure by measure. */
export interface ObjectiveMeasureView {
  measure: string;
  kind: 'lead' | 'lag';
  actual: string;
  target: string;
  targetSource: string;
  attainment?: number;
  weightPercent: number;
  contribution: number;
}

export interface ObjectiveLevelView {
  level: string;
  planWeightPercent: number;
  attainment?: number;
  note?: string;
  /** `card`: computed live from the books the card read; `statement`: from the sync's period statement. */
  source?: 'card' | 'statement';
  measures: ObjectiveMeasureView[];
}

/**
 * The sync's period statement behind the department and company levels: when it was computed and
 * with which settings; or why there is none to show (no statement yet, no store here, unreadable).
 */
export type ObjectivesStatementView =
  | {
      status: 'ok';
      periodKey: string;
      version: number;
      /** ISO date-time the sync computed it. */
      computedAt: string;
      settingsVersion: number;
      /** Set once the period has ended: later versions carry their difference. */
      lockedAt?: string;
      /** Projected attainment over all four levels as the sync computed it, %. */
      overall?: number;
      department: string;
      /** Exceptional events on this person's accounts awaiting an admin's approval (they do not apply yet). */
      awaitingApproval: number;
    }
  | { status: 'empty' | 'unavailable' | 'error'; message: string };

export interface MyObjectivesView extends Pick<ObjectivesCardExtras, 'levelAttainment' | 'exclusions' | 'transitions'> {
  viewer: { name: string; role: string };
  period: { start: string; end: string; elapsedPercent: number };
  /** Attainment over the levels computed live on the card (individual and team). */
  overall?: number;
  variableSharePercent: number;
  levels: ObjectiveLevelView[];
  /** Levels of the plan shown neither live nor from a statement (e.g. no statement yet). */
  notOnCard: string[];
  /** Absent from older answers (before statements existed). */
  statement?: ObjectivesStatementView;
  thisAccount?: { name: string; inPortfolio: boolean; note: string };
  /** For a manager: each team member's overall attainment. */
  team?: { name: string; overall?: number }[];
}
