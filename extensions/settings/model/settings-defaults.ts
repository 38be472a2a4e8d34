import type { ComponentWeights, EngineConfig, RiskRuleKey } from '../../../src/domain/config/engine-config';
import type { MeasureKey } from '../../../src/domain/objectives/measure-catalogue';
import type { MeasurePlan, Role, RolePlan } from '../../../src/domain/objectives/plan-schema';

// What the engine uses when the document leaves a field out, shown so an admin edits real figures.
// A copy (the build ships `extensions/` alone); test/settings-page/settings-defaults.test.ts holds
// it equal to the engine's own defaults, and the types below to the engine's shapes.

export const COMPONENT_KEYS = ['usage', 'supportLoad', 'resolution', 'sentiment', 'commercial', 'relationship'] as const satisfies readonly (keyof ComponentWeights)[];
export const RISK_RULE_KEYS = ['detractorRecent', 'ticketSurge', 'noTouch', 'contraction', 'renewalLowHealth', 'earlyLife', 'fallingNps', 'lowUsage', 'lowHealth'] as const satisfies readonly RiskRuleKey[];
export const ROLES = ['csm', 'am', 'cs_manager', 'sales_rep'] as const satisfies readonly Role[];
export const LEVELS = ['individual', 'team', 'department', 'company'] as const;

export const DEFAULT_HEALTH_WEIGHTS: ComponentWeights = { usage: 25, supportLoad: 15, resolution: 10, sentiment: 20, commercial: 15, relationship: 15 };
export const DEFAULT_BANDS: EngineConfig['health']['bands'] = { atRiskUpTo: 50, neutralUpTo: 75 };
export const DEFAULT_RISK_WEIGHTS: EngineConfig['churnRisk']['weights'] = { detractorRecent: 25, ticketSurge: 15, noTouch: 20, contraction: 20, renewalLowHealth: 35, earlyLife: 10, fallingNps: 15, lowUsage: 15, lowHealth: 25 };
export const DEFAULT_RISK_LEVELS: EngineConfig['churnRisk']['levels'] = { mediumFrom: 30, highFrom: 60 };

/** Lead or lag, and which way is better, per measure (the catalogue's figures the page checks with). */
export const MEASURE_FACTS: Record<MeasureKey, { kind: 'lead' | 'lag'; label: string; higherIsBetter: boolean; manual: boolean }> = {
  grr: { kind: 'lag', label: 'Gross revenue retention', higherIsBetter: true, manual: false },
  nrr: { kind: 'lag', label: 'Net revenue retention', higherIsBetter: true, manual: false },
  logo_retention: { kind: 'lag', label: 'Logo retention', higherIsBetter: true, manual: false },
  expansion_mrr: { kind: 'lag', label: 'Expansion MRR', higherIsBetter: true, manual: false },
  nps: { kind: 'lag', label: 'NPS of the portfolio', higherIsBetter: true, manual: false },
  early_churn_rate: { kind: 'lag', label: 'Customers lost within 90 days of close', higherIsBetter: false, manual: false },
  accounts_contacted: { kind: 'lead', label: 'Accounts contacted in the month', higherIsBetter: true, manual: false },
  touches_per_account: { kind: 'lead', label: 'Touches per account', higherIsBetter: true, manual: false },
  csat: { kind: 'lead', label: 'CSAT', higherIsBetter: true, manual: false },
  tickets_resolved: { kind: 'lead', label: 'Tickets resolved', higherIsBetter: true, manual: false },
  median_resolution_hours: { kind: 'lead', label: 'Median time to resolve', higherIsBetter: false, manual: false },
  exit_interviews: { kind: 'lead', label: 'Churned customers contacted for an exit interview', higherIsBetter: true, manual: false },
  help_articles: { kind: 'lead', label: 'Help-centre articles written', higherIsBetter: true, manual: true },
  webinars: { kind: 'lead', label: 'Webinars run', higherIsBetter: true, manual: true },
  trainings: { kind: 'lead', label: 'Internal trainings given', higherIsBetter: true, manual: true },
};
export const MANUAL_MEASURES = (Object.keys(MEASURE_FACTS) as MeasureKey[]).filter((k) => MEASURE_FACTS[k].manual);

const measure = (m: MeasureKey, weight: number, target: number, threshold: number): MeasurePlan => ({ measure: m, weight, target, threshold, capPercent: 150, accelerator: 1.5 });

/** A role left out of the plans takes its default plan whole; editing one starts from it. */
export const DEFAULT_ROLE_PLANS: Record<Role, Omit<RolePlan, 'period'>> = {
  csm: {
    variableSharePercent: 15,
    levels: { individual: 50, team: 30, department: 0, company: 20 },
    split: { lead: 75, lag: 25 },
    measures: [measure('accounts_contacted', 40, 90, 60), measure('csat', 30, 85, 70), measure('median_resolution_hours', 30, 24, 72), measure('grr', 60, 92, 80), measure('nrr', 40, 105, 90)],
  },
  am: {
    variableSharePercent: 20,
    levels: { individual: 50, team: 30, department: 0, company: 20 },
    split: { lead: 25, lag: 75 },
    measures: [measure('accounts_contacted', 100, 80, 50), measure('nrr', 60, 110, 95), measure('grr', 40, 92, 80)],
  },
  cs_manager: {
    variableSharePercent: 20,
    levels: { individual: 0, team: 50, department: 20, company: 30 },
    split: { lead: 50, lag: 50 },
    measures: [measure('accounts_contacted', 50, 90, 60), measure('csat', 50, 85, 70), measure('grr', 50, 92, 80), measure('nrr', 50, 105, 90)],
  },
  sales_rep: {
    variableSharePercent: 25,
    levels: { individual: 70, team: 10, department: 0, company: 20 },
    split: { lead: 0, lag: 100 },
    measures: [measure('early_churn_rate', 100, 5, 15)],
  },
};
