/**
 * The app pages' view model: every figure already in words, so the page draws and never computes.
 * `value` is kept beside `display` for charts; a figure without data has a reason instead.
 */
export type PageFigure = { kind: 'value'; value: number; display: string } | { kind: 'no_data'; reason: string };

export interface RetentionRow {
  key: string;
  /** Customers in the group (cohort or segment). */
  customers: number;
  nrr: PageFigure;
  grr: PageFigure;
  logoChurn: PageFigure;
  revenueChurn: PageFigure;
}

export interface FeedbackRow {
  key: string;
  nps: PageFigure;
  csat: PageFigure;
  /** All answers in the slice (NPS, CSAT and others). */
  responses: number;
  npsResponses: number;
  csatResponses: number;
  /** Answers / people surveyed, when the number surveyed is known. */
  responseRate?: PageFigure;
}

export interface ReportEntry {
  label: string;
  display: string;
}

/** A part of the churn model's report: plain figures, or a table (calibration bins, backtest folds). */
export type ReportSection = { kind: 'figures'; title: string; entries: ReportEntry[] } | { kind: 'table'; title: string; columns: string[]; rows: string[][] };

export interface PortfolioPageView {
  asOf: string;
  /** Whose customers these are: the viewer's book, the teams they manage, or every company (a CS leader). */
  scope: { kind: 'book' | 'team' | 'all'; label: string; owners: number; customers: number };
  health: {
    active: number;
    churned: number;
    prospects: number;
    bands: { band: 'healthy' | 'neutral' | 'at_risk'; label: string; customers: number; mrr: string }[];
    risk: { level: 'low' | 'medium' | 'high'; customers: number }[];
  };
  retention: {
    /** Trailing-twelve-month figures at each of the last 12 month ends, oldest first. */
    months: { month: string; nrr: PageFigure; grr: PageFigure; logoChurn: PageFigure; revenueChurn: PageFigure }[];
    /** The latest point, with its counts, so logo and revenue churn are read apart. */
    latest: { nrr: PageFigure; grr: PageFigure; logoChurn: PageFigure; revenueChurn: PageFigure; customersAtStart: number; customersLost: number; startingMrr: string; churnedMrr: string; contraction: string; expansion: string };
    byCohort: RetentionRow[];
    bySegment: RetentionRow[];
  };
  atRisk: { count: number; mrrAtStake: string; customers: { companyId: string; name: string; owner: string; score: number; band: string; risk: string; mrr: string; topReason: string }[] };
  followUps: { overdue: number; customers: { companyId: string; name: string; owner: string; due: string; overdue: boolean; late: string }[] };
  feedback: { bySegment: FeedbackRow[]; byOwner: FeedbackRow[]; byMonth: FeedbackRow[] };
  churnReasons: { lostRenewals: number; controllable: number; notControllable: number; unknown: number; controllableShare: PageFigure; reasons: { reason: string; count: number; controllable: number }[] };
  serviceValue: { renewalsAfterContact: number; renewalMrrAfterContact: string; expansionsAfterContact: number; expansionMrrAfterContact: string; customersSaved: number; revenueSecured: string; saved: { companyId: string; name: string; lowestScore: number; renewedAt: string; mrrSecured: string }[] };
  /** Absent when no model was fitted; the report's fields are rendered as they come. */
  model?: { version?: number; fittedAt?: string; sections: ReportSection[] };
  /** Attainment of the people the viewer may see (never a peer's); how many others were hidden. */
  attainment: { people: { ownerId: string; name: string; overall: PageFigure; as: 'self' | 'manager' }[]; hidden: number };
}

/** What the pages draw: a tagged union, like the cards. */
export type PageState<T> =
  | { status: 'loading' }
  | { status: 'ready'; view: T }
  | { status: 'empty'; message: string }
  | { status: 'error'; message: string };
