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
  measures: ObjectiveMeasureView[];
}

export interface MyObjectivesView {
  viewer: { name: string; role: string };
  period: { start: string; end: string; elapsedPercent: number };
  overall?: number;
  variableSharePercent: number;
  levels: ObjectiveLevelView[];
  /** Levels the card cannot compute from a record (they need the whole portal). */
  notOnCard: string[];
  thisAccount?: { name: string; inPortfolio: boolean; note: string };
  /** For a manager: each team member's overall attainment. */
  team?: { name: string; overall?: number }[];
}
