/** The Customer health card's view model: every figure with the words that explain it. */
export type Figure = { kind: 'value'; value: number; display: string; detail?: string } | { kind: 'no_data'; reason: string };

export interface HealthComponentView {
  key: string;
  label: string;
  /** The value in words ("3 open high-priority tickets"), or why there is no data. */
  summary: string;
  hasData: boolean;
  subScore?: number;
  /** Effective weight, % (after re-weighting). */
  weightPercent: number;
  contribution: number;
}

export interface HealthTrendView {
  previousScore: number;
  change: number;
  days: number;
  movers: { label: string; change: number }[];
  note?: string;
}

export interface CustomerHealthView {
  companyId: string;
  companyName: string;
  score: number;
  band: 'healthy' | 'neutral' | 'at_risk';
  computedScore: number;
  /**
   * A CSM override in force: `score` is then the override, shown as one, beside the computed score
   * and the computed score's own trend (`computedTrend`); `trend` is left out, so no card can read
   * the computed score's change as the override's.
   */
  override?: { score: number; reason: string; author?: string; expiresAt: string; computedScore: number; computedTrend?: HealthTrendView };
  /** The trend of the score shown, when it is the computed one. */
  trend?: HealthTrendView;
  components: HealthComponentView[];
  /** e.g. "Ticket resolution: no ticket closed in the last 90 days — its weight went to the others." */
  reweightNote?: string;
  churnRisk: { level: 'low' | 'medium' | 'high'; score: number; reasons: string[]; method: string };
  figures: { nps: Figure; csat: Figure; nrr12m: Figure; grr12m: Figure; mrr: Figure };
  openTickets: { total: number; highPriority: number };
  actions: { priority: 'now' | 'soon' | 'later'; text: string }[];
  history: { date: string; score: number }[];
  computedAt: string;
}
