/**
 * Every measure a plan may name. `lead` measures are means a CSM controls (contacts, tickets,
 * content); `lag` measures are results (retention, expansion, NPS). `accumulates` marks counts and
 * sums that grow through the period: their target is scaled to the share of the period being judged
 * (pace to date, a portfolio held for part of the period), while rates are judged as they stand.
 */
export const MEASURES = {
  grr: { kind: 'lag', label: 'Gross revenue retention', unit: '%', higherIsBetter: true, accumulates: false, manual: false },
  nrr: { kind: 'lag', label: 'Net revenue retention', unit: '%', higherIsBetter: true, accumulates: false, manual: false },
  logo_retention: { kind: 'lag', label: 'Logo retention', unit: '%', higherIsBetter: true, accumulates: false, manual: false },
  expansion_mrr: { kind: 'lag', label: 'Expansion MRR', unit: 'MRR', higherIsBetter: true, accumulates: true, manual: false },
  nps: { kind: 'lag', label: 'NPS of the portfolio', unit: 'NPS', higherIsBetter: true, accumulates: false, manual: false },
  early_churn_rate: { kind: 'lag', label: 'Customers lost within 90 days of close', unit: '%', higherIsBetter: false, accumulates: false, manual: false },
  accounts_contacted: { kind: 'lead', label: 'Accounts contacted in the month', unit: '% of accounts', higherIsBetter: true, accumulates: false, manual: false },
  touches_per_account: { kind: 'lead', label: 'Touches per account', unit: 'touches', higherIsBetter: true, accumulates: true, manual: false },
  csat: { kind: 'lead', label: 'CSAT', unit: '%', higherIsBetter: true, accumulates: false, manual: false },
  tickets_resolved: { kind: 'lead', label: 'Tickets resolved', unit: 'tickets', higherIsBetter: true, accumulates: true, manual: false },
  median_resolution_hours: { kind: 'lead', label: 'Median time to resolve', unit: 'hours', higherIsBetter: false, accumulates: false, manual: false },
  exit_interviews: { kind: 'lead', label: 'Churned customers contacted for an exit interview', unit: '% of churned', higherIsBetter: true, accumulates: false, manual: false },
  help_articles: { kind: 'lead', label: 'Help-centre articles written', unit: 'articles', higherIsBetter: true, accumulates: true, manual: true },
  webinars: { kind: 'lead', label: 'Webinars run', unit: 'webinars', higherIsBetter: true, accumulates: true, manual: true },
  trainings: { kind: 'lead', label: 'Internal trainings given', unit: 'trainings', higherIsBetter: true, accumulates: true, manual: true },
} as const satisfies Record<string, MeasureDefinition>;

export interface MeasureDefinition {
  kind: 'lead' | 'lag';
  label: string;
  unit: string;
  higherIsBetter: boolean;
  accumulates: boolean;
  /** Entered by a manager rather than read from the CRM. */
  manual: boolean;
}

export type MeasureKey = keyof typeof MEASURES;
export type MeasureKind = MeasureDefinition['kind'];

export const MEASURE_KEYS = Object.keys(MEASURES) as [MeasureKey, ...MeasureKey[]];
export const MANUAL_MEASURE_KEYS = MEASURE_KEYS.filter((k) => MEASURES[k].manual) as [MeasureKey, ...MeasureKey[]];
