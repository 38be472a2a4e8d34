import type { MeasurePlan, Role, RolePlan } from './plan-schema';

const measure = (m: MeasurePlan['measure'], weight: number, target: number, threshold: number): MeasurePlan => ({ measure: m, weight, target, threshold, capPercent: 150, accelerator: 1.5 });

/**
 * Default plans, from the domain brief where it gives a figure:
 * - CSM: 50 % individual / 30 % team / 20 % company; 75 % lead / 25 % lag; variable 15 % (practice 15-20 %).
 * - AM: same levels; 25 % lead / 75 % lag; variable 20 % (practice 20-25 %).
 * - CS manager without a portfolio: 50 % team / 20 % department / 30 % company. The brief gives no
 *   lead/lag split for managers: 50/50 is our choice, as are the sales rep's plan and all targets.
 * - Sales rep: the retention objective the brief credits with cutting early cancellations by 90 %:
 *   at most 5 % of new customers lost within 90 days of close.
 * Targets are rates, not counts, so they hold for a month, a quarter or a year alike. Other measures
 * (NPS, exit interviews, touches, tickets, manual ones) are there for plans to add.
 */
export const DEFAULT_PLANS: Record<Role, Omit<RolePlan, 'period'>> = {
  csm: {
    variableSharePercent: 15,
    levels: { individual: 50, team: 30, department: 0, company: 20 },
    split: { lead: 75, lag: 25 },
    measures: [
      measure('accounts_contacted', 40, 90, 60),
      measure('csat', 30, 85, 70),
      measure('median_resolution_hours', 30, 24, 72),
      measure('grr', 60, 92, 80),
      measure('nrr', 40, 105, 90),
    ],
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

/** Variable share of pay seen in practice (brief), %: plans outside it load with a warning. */
export const VARIABLE_SHARE_PRACTICE: Partial<Record<Role, readonly [number, number]>> = { csm: [15, 20], am: [20, 25] };
