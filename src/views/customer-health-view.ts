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

export interface CustomerHealthView {
  companyId: string;
  companyName: string;
  score: number;
  band: 'healthy' | 'neutral' | 'at_risk';
  computedScore: number;
  override?: { score: number; reason: string; author?: string; expiresAt: string };
  trend?: { previousScore: number; change: number; days: number; movers: { label: string; change: number }[]; note?: string };
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
