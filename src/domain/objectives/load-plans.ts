import type { z } from 'zod';
import { DEFAULT_PLANS, VARIABLE_SHARE_PRACTICE } from './default-plans';
import { plansSchema, ROLES, type Plans } from './plan-schema';

export interface PlanIssue {
  /** Where in the plan file, e.g. `roles.csm.measures.0.capPercent`. */
  path: string;
  message: string;
}

/** A plan that cannot be used; every issue names its path and reason. */
export class PlanError extends Error {
  readonly code = 'INVALID_PLAN';
  constructor(readonly issues: readonly PlanIssue[]) {
    super(`invalid plan: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'PlanError';
  }
}

const toIssues = (error: z.ZodError): PlanIssue[] => error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));

/**
 * Validates the plans config: a role left out takes the brief's default plan whole (roles are not
 * merged field by field, so a plan never mixes two authors' weights). Throws a {@link PlanError}
 * naming each bad path.
 *
 * @example
 * loadPlans({ period: { length: 'quarter', start: '2026-10-01', end: '2026-09-30' } })
 * // throws PlanError: invalid plan: period.end: the period must end after it starts
 */
export function loadPlans(input: unknown): Plans {
  const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const roles = typeof raw.roles === 'object' && raw.roles !== null ? raw.roles : {};
  const parsed = plansSchema.safeParse({ ...raw, roles: { ...DEFAULT_PLANS, ...roles } });
  if (!parsed.success) throw new PlanError(toIssues(parsed.error));
  return parsed.data;
}

/**
 * Things a valid plan does that practice advises against, to show beside it (not to reject it).
 *
 * @example
 * planWarnings(loadPlans({ period, roles: { csm: { ...DEFAULT_PLANS.csm, variableSharePercent: 30 } } }))
 * // => [{ path: 'roles.csm.variableSharePercent', message: 'variable share 30 % is outside the 15-20 % seen in practice for csm' }]
 */
export function planWarnings(plans: Plans): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  for (const role of ROLES) {
    const range = VARIABLE_SHARE_PRACTICE[role];
    const share = plans.roles[role].variableSharePercent;
    if (range && (share < range[0] || share > range[1])) warnings.push({ path: `roles.${role}.variableSharePercent`, message: `variable share ${share} % is outside the ${range[0]}-${range[1]} % seen in practice for ${role}` });
  }
  return warnings;
}
