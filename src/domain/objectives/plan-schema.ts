import { z } from 'zod';

/**
 * Incentive plans per role, validated at load. Defaults follow the domain brief: CSM 50 % individual
 * / 30 % team / 20 % company and 75 % lead / 25 % lag measures, variable pay 15 % of total; AM
 * 25 % lead / 75 % lag, 20 %; a manager without a portfolio 50 % team / 20 % department / 30 %
 * company.
 */
export const MEASURES = {
  grr: { kind: 'lag', unit: '%', higherIsBetter: true },
  nrr: { kind: 'lag', unit: '%', higherIsBetter: true },
  logo_retention: { kind: 'lag', unit: '%', higherIsBetter: true },
  expansion_mrr: { kind: 'lag', unit: 'MRR', higherIsBetter: true },
  nps: { kind: 'lag', unit: 'NPS', higherIsBetter: true },
  accounts_contacted: { kind: 'lead', unit: '% of accounts', higherIsBetter: true },
  csat: { kind: 'lead', unit: '%', higherIsBetter: true },
  tickets_resolved: { kind: 'lead', unit: 'tickets', higherIsBetter: true },
  median_resolution_hours: { kind: 'lead', unit: 'hours', higherIsBetter: false },
  help_articles: { kind: 'lead', unit: 'articles', higherIsBetter: true, manual: true },
  webinars: { kind: 'lead', unit: 'webinars', higherIsBetter: true, manual: true },
  trainings: { kind: 'lead', unit: 'trainings', higherIsBetter: true, manual: true },
  early_churn_rate: { kind: 'lag', unit: '%', higherIsBetter: false },
} as const satisfies Record<string, { kind: 'lead' | 'lag'; unit: string; higherIsBetter: boolean; manual?: boolean }>;

export type MeasureKey = keyof typeof MEASURES;
const measureKey = z.enum(Object.keys(MEASURES) as [MeasureKey, ...MeasureKey[]], { error: (issue) => `unknown measure ${JSON.stringify(issue.input)}; known: ${Object.keys(MEASURES).join(', ')}` });

const sumsTo100 = (label: string) => (values: number[]) => Math.abs(values.reduce((a, b) => a + b, 0) - 100) < 1e-9 || `${label} must sum to 100 %, got ${values.reduce((a, b) => a + b, 0)} %`;

export const measurePlanSchema = z
  .strictObject({
    measure: measureKey,
    /** Share of its kind (lead or lag), %. */
    weight: z.number().min(0).max(100),
    target: z.number(),
    /** Below (above, for lower-is-better measures) this the measure pays 0. */
    threshold: z.number(),
    /** Attainment never exceeds this, %. */
    capPercent: z.number().min(100).default(150),
    /** Each point of attainment above 100 % counts this many times. */
    accelerator: z.number().min(1).default(1.5),
  })
  .superRefine((m, ctx) => {
    const better = MEASURES[m.measure].higherIsBetter;
    if (better ? m.threshold > m.target : m.threshold < m.target) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `threshold ${m.threshold} must be ${better ? 'at or below' : 'at or above'} the target ${m.target}` });
  });

export const rolePlanSchema = z
  .strictObject({
    variableSharePercent: z.number().min(0).max(100),
    levels: z.strictObject({ individual: z.number().min(0), team: z.number().min(0), department: z.number().min(0), company: z.number().min(0) }),
    leadPercent: z.number().min(0).max(100),
    measures: z.array(measurePlanSchema).min(1),
  })
  .superRefine((plan, ctx) => {
    const levels = sumsTo100('level weights')(Object.values(plan.levels));
    if (levels !== true) ctx.addIssue({ code: 'custom', path: ['levels'], message: levels });
    for (const kind of ['lead', 'lag'] as const) {
      const weights = plan.measures.filter((m) => MEASURES[m.measure].kind === kind).map((m) => m.weight);
      const share = kind === 'lead' ? plan.leadPercent : 100 - plan.leadPercent;
      if (share > 0 && weights.length === 0) ctx.addIssue({ code: 'custom', path: ['measures'], message: `${kind} measures carry ${share} % but none is listed` });
      const check = weights.length ? sumsTo100(`${kind} measure weights`)(weights) : true;
      if (check !== true) ctx.addIssue({ code: 'custom', path: ['measures'], message: check });
    }
  });

export const periodSchema = z
  .strictObject({ start: z.coerce.date(), end: z.coerce.date() })
  .refine((p) => p.end > p.start, { message: 'the period must end after it starts', path: ['end'] });

const m = (measure: MeasureKey, weight: number, target: number, threshold: number) => ({ measure, weight, target, threshold });

export const DEFAULT_PLANS = {
  csm: {
    variableSharePercent: 15,
    levels: { individual: 50, team: 30, department: 0, company: 20 },
    leadPercent: 75,
    measures: [m('accounts_contacted', 40, 90, 60), m('csat', 30, 85, 70), m('median_resolution_hours', 30, 24, 72), m('grr', 60, 92, 80), m('nrr', 40, 105, 90)],
  },
  am: {
    variableSharePercent: 20,
    levels: { individual: 50, team: 30, department: 0, company: 20 },
    leadPercent: 25,
    measures: [m('accounts_contacted', 100, 80, 50), m('nrr', 60, 110, 95), m('expansion_mrr', 40, 10_000, 2_000)],
  },
  cs_manager: {
    variableSharePercent: 20,
    levels: { individual: 0, team: 50, department: 20, company: 30 },
    leadPercent: 50,
    measures: [m('csat', 100, 85, 70), m('grr', 50, 92, 80), m('nrr', 50, 105, 90)],
  },
  sales_rep: {
    variableSharePercent: 25,
    levels: { individual: 70, team: 10, department: 0, company: 20 },
    leadPercent: 0,
    measures: [m('early_churn_rate', 100, 5, 15)],
  },
} as const;

export const plansSchema = z.strictObject({
  period: periodSchema,
  /** HubSpot owner ids of CS managers (paid on the cs_manager plan, see their teams' figures). */
  managers: z.array(z.string()).default([]),
  roles: z.record(z.enum(['csm', 'am', 'cs_manager', 'sales_rep']), rolePlanSchema),
});

export type MeasurePlan = z.infer<typeof measurePlanSchema>;
export type RolePlan = z.infer<typeof rolePlanSchema>;
export type Plans = z.infer<typeof plansSchema>;

/**
 * Validates plans, defaulting every role's plan to the brief's; problems name their path.
 *
 * @example
 * loadPlans({ period: { start: '2026-10-01', end: '2026-09-30' } })
 * // throws: period.end: the period must end after it starts
 */
export function loadPlans(input: unknown): Plans {
  const raw = (input ?? {}) as { roles?: Record<string, unknown> };
  const parsed = plansSchema.safeParse({ ...raw, roles: { ...DEFAULT_PLANS, ...(raw.roles ?? {}) } });
  if (!parsed.success) throw new Error(`invalid plan: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
