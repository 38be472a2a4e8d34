import type { Customer, GoalTarget } from '../customer';
import type { Metric } from '../metric';
import type { Period } from '../time/days';
import { measureAttainment } from './attainment';
import { goalTargetFor, measureActual, type ManualEntry } from './measure-actuals';
import { MEASURES, type MeasureKey, type RolePlan } from './plan-schema';

export type Level = 'individual' | 'team' | 'department' | 'company';

export interface MeasureResult {
  measure: MeasureKey;
  kind: 'lead' | 'lag';
  actual: Metric<number>;
  target: number;
  targetSource: 'HubSpot goal' | 'plan';
  attainment?: number;
  /** Share of the level this measure carries after measures with no data are left out, 0-1. */
  weight: number;
  /** attainment x weight: the points it adds to the level. */
  contribution: number;
}

export interface LevelResult {
  level: Level;
  attainment?: number;
  measures: MeasureResult[];
  note?: string;
}

export interface Exclusion {
  accountIds: string[];
  reason: string;
  author: string;
  declaredAt: Date;
}

export interface AttainmentInput {
  plan: RolePlan;
  period: Period;
  /** The person's own portfolio, the team's, the department's and the company's. */
  scopes: Partial<Record<Level, { customers: readonly Customer[]; ownerIds: readonly string[] }>>;
  manual?: readonly ManualEntry[];
  goals?: readonly GoalTarget[];
  userId?: number;
  /** Accounts hit by declared exceptional events: left out of the individual level only. */
  exclusions?: readonly Exclusion[];
  /** During a declared portfolio transition the individual objectives mirror the team's. */
  inTransition?: boolean;
}

export interface Attainment {
  overall?: number;
  levels: LevelResult[];
  exclusions: readonly Exclusion[];
}

function levelResult(level: Level, input: AttainmentInput, customers: readonly Customer[], ownerIds: readonly string[]): LevelResult {
  const results = input.plan.measures.map((m) => {
    const actual = measureActual(m.measure, { customers, period: input.period, ownerIds, manual: input.manual ?? [] });
    const goal = level === 'individual' ? goalTargetFor(input.goals ?? [], m.measure, input.userId, input.period) : undefined;
    const plan = goal ? { ...m, target: goal.target } : m;
    return { plan, actual, goal, attainment: actual.kind === 'value' ? measureAttainment(actual.value, plan) : undefined };
  });
  const measures: MeasureResult[] = [];
  let total = 0, weightWithData = 0;
  for (const kind of ['lead', 'lag'] as const) {
    const share = (kind === 'lead' ? input.plan.leadPercent : 100 - input.plan.leadPercent) / 100;
    const ofKind = results.filter((r) => MEASURES[r.plan.measure].kind === kind);
    const scored = ofKind.filter((r) => r.attainment !== undefined);
    const kindWeight = scored.reduce((s, r) => s + r.plan.weight, 0);
    for (const r of ofKind) {
      const weight = r.attainment !== undefined && kindWeight > 0 ? (share * r.plan.weight) / kindWeight : 0;
      measures.push({ measure: r.plan.measure, kind, actual: r.actual, target: r.plan.target, targetSource: r.goal ? 'HubSpot goal' : 'plan', attainment: r.attainment, weight, contribution: (r.attainment ?? 0) * weight });
    }
    if (scored.length) weightWithData += share;
    total += measures.filter((x) => x.kind === kind).reduce((s, x) => s + x.contribution, 0);
  }
  if (weightWithData === 0) return { level, measures, note: 'no measure has data' };
  // A kind (lead or lag) without any data hands its share to the other, as missing measures do within a kind.
  for (const x of measures) {
    x.weight /= weightWithData;
    x.contribution /= weightWithData;
  }
  return { level, attainment: total / weightWithData, measures };
}

/**
 * Objective attainment for one person: each level (individual, team, department, company) from
 * its own scope, weighted by the plan; every measure with its actual, target (HubSpot goal first,
 * else the plan), attainment, weight and contribution.
 *
 * @example
 * objectiveAttainment({ plan: DEFAULT_PLANS.csm, period, scopes: { individual, team, company } }).overall // => 96.4
 */
export function objectiveAttainment(input: AttainmentInput): Attainment {
  const excluded = new Set((input.exclusions ?? []).flatMap((e) => e.accountIds));
  const levels: LevelResult[] = [];
  let overall = 0, weights = 0;
  for (const level of ['individual', 'team', 'department', 'company'] as const) {
    const weight = input.plan.levels[level];
    if (weight === 0) continue;
    const source = level === 'individual' && input.inTransition ? input.scopes.team : input.scopes[level];
    if (!source) {
      levels.push({ level, measures: [], note: 'no portfolio at this level' });
      continue;
    }
    const customers = level === 'individual' ? source.customers.filter((c) => !excluded.has(c.id)) : source.customers;
    const result = levelResult(level, input, customers, source.ownerIds);
    if (level === 'individual' && input.inTransition) result.note = 'portfolio transition: mirrors the team objectives';
    levels.push(result);
    if (result.attainment !== undefined) {
      overall += result.attainment * weight;
      weights += weight;
    }
  }
  return { overall: weights ? overall / weights : undefined, levels, exclusions: input.exclusions ?? [] };
}

/**
 * Attainment over a period split between portfolios (a mid-period reassignment), each part
 * weighted by the days it covered.
 *
 * @example
 * proratedAttainment([{ days: 45, attainment: 80 }, { days: 47, attainment: 120 }]) // => 100.4
 */
export function proratedAttainment(parts: readonly { days: number; attainment?: number }[]): number | undefined {
  const scored = parts.filter((p) => p.attainment !== undefined && p.days > 0);
  const days = scored.reduce((s, p) => s + p.days, 0);
  return days ? scored.reduce((s, p) => s + (p.attainment as number) * p.days, 0) / days : undefined;
}

/**
 * Variable pay the attainment projects for the period, and how far through the period it is.
 *
 * @example
 * projectedPay(100, 60_000, 15, 0.5) // => { projectedVariable: 9000, elapsedShare: 0.5 }
 */
export function projectedPay(overallAttainment: number | undefined, annualBase: number, variableSharePercent: number, elapsedShare: number) {
  return { projectedVariable: overallAttainment === undefined ? undefined : (annualBase * variableSharePercent * overallAttainment) / 10_000, elapsedShare: Math.min(1, Math.max(0, elapsedShare)) };
}
