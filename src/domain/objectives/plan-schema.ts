import { z } from 'zod';
import { MEASURE_KEYS, MEASURES, type MeasureKind } from './measure-catalogue';
import { planPeriodSchema } from './plan-period';

export const ROLES = ['csm', 'am', 'cs_manager', 'sales_rep'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES, { error: (issue) => `unknown role ${JSON.stringify(issue.input)}; known: ${ROLES.join(', ')}` });

export const LEVELS = ['individual', 'team', 'department', 'company'] as const;
export type Level = (typeof LEVELS)[number];

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
// Weights are entered as percentages with decimals; compare with a tolerance, not ===.
const sumsTo100 = (values: readonly number[]) => Math.abs(total(values) - 100) < 1e-6;

const percent = (field: string) => z.number({ error: () => `${field} must be a number` }).min(0, `${field} must be 0 % or more`).max(100, `${field} must be 100 % or less`);

/**
 * One measure in a plan. Attainment is 0 below `threshold`, linear from the threshold (0 %) to the
 * target (100 %), then each point above the target counts `accelerator` times, up to `capPercent`.
 * For lower-is-better measures (time to resolve, early churn) the threshold sits above the target.
 */
export const measurePlanSchema = z
  .strictObject({
    measure: z.enum(MEASURE_KEYS, { error: (issue) => `unknown measure ${JSON.stringify(issue.input)}; known: ${MEASURE_KEYS.join(', ')}` }),
    /** Share of its kind (lead or lag), %. */
    weight: percent('weight'),
    target: z.number({ error: () => 'target must be a number' }),
    threshold: z.number({ error: () => 'threshold must be a number' }),
    /** Highest attainment the measure can reach, % (the target is 100 %). */
    capPercent: z.number({ error: () => 'capPercent must be a number' }).default(150),
    /** How many times each point of attainment above 100 % counts. */
    accelerator: z.number({ error: () => 'accelerator must be a number' }).min(1, 'accelerator must be 1 or more (1 = no acceleration)').default(1.5),
  })
  .superRefine((m, ctx) => {
    if (m.capPercent < 100) ctx.addIssue({ code: 'custom', path: ['capPercent'], message: `cap ${m.capPercent} % is below the target (100 %)` });
    const better = MEASURES[m.measure].higherIsBetter;
    if (better && m.threshold > m.target) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `threshold ${m.threshold} is above the target ${m.target}` });
    if (!better && m.threshold < m.target) ctx.addIssue({ code: 'custom', path: ['threshold'], message: `threshold ${m.threshold} is below the target ${m.target}, and ${m.measure} is lower-is-better` });
  });

export const rolePlanSchema = z
  .strictObject({
    /** Variable pay as a share of pay, % (brief: CSM 15-20 %, AM 20-25 %). */
    variableSharePercent: percent('variableSharePercent'),
    levels: z.strictObject({ individual: percent('individual'), team: percent('team'), department: percent('department'), company: percent('company') }),
    split: z.strictObject({ lead: percent('lead'), lag: percent('lag') }),
    measures: z.array(measurePlanSchema).min(1, 'a plan needs at least one measure'),
    /** This role's own period; the plans' period otherwise. */
    period: planPeriodSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    if (!sumsTo100(Object.values(plan.levels))) ctx.addIssue({ code: 'custom', path: ['levels'], message: `level weights must sum to 100 %, got ${total(Object.values(plan.levels))} %` });
    if (!sumsTo100([plan.split.lead, plan.split.lag])) ctx.addIssue({ code: 'custom', path: ['split'], message: `lead and lag must sum to 100 %, got ${plan.split.lead + plan.split.lag} %` });
    const seen = new Set<string>();
    plan.measures.forEach((m, i) => {
      if (seen.has(m.measure)) ctx.addIssue({ code: 'custom', path: ['measures', i, 'measure'], message: `${m.measure} is listed twice` });
      seen.add(m.measure);
    });
    for (const kind of ['lead', 'lag'] as const satisfies readonly MeasureKind[]) {
      const weights = plan.measures.filter((m) => MEASURES[m.measure].kind === kind).map((m) => m.weight);
      if (plan.split[kind] > 0 && weights.length === 0) ctx.addIssue({ code: 'custom', path: ['measures'], message: `${kind} measures carry ${plan.split[kind]} % but none is listed` });
      else if (weights.length > 0 && !sumsTo100(weights)) ctx.addIssue({ code: 'custom', path: ['measures'], message: `${kind} measure weights must sum to 100 %, got ${total(weights)} %` });
    }
  });

/** Which role an owner's objectives follow: by owner id first, then by any of their teams. */
export const roleAssignmentSchema = z.strictObject({
  owners: z.record(z.string(), roleSchema).default({}),
  teams: z.record(z.string(), roleSchema).default({}),
});

export const plansSchema = z.strictObject({
  period: planPeriodSchema,
  roles: z.strictObject({ csm: rolePlanSchema, am: rolePlanSchema, cs_manager: rolePlanSchema, sales_rep: rolePlanSchema }),
  assignments: roleAssignmentSchema.default({ owners: {}, teams: {} }),
  /** Owner ids of CS managers (a shorthand for assigning them the cs_manager role). */
  managers: z.array(z.string().min(1)).default([]),
});

export type MeasurePlan = z.infer<typeof measurePlanSchema>;
export type RolePlan = z.infer<typeof rolePlanSchema>;
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;
export type Plans = z.infer<typeof plansSchema>;

export { DEFAULT_PLANS } from './default-plans';
export { loadPlans, planWarnings, PlanError, type PlanIssue } from './load-plans';
