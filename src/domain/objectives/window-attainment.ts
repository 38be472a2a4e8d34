import type { GoalTarget } from '../customer';
import type { Metric } from '../metric';
import type { Period } from '../time/days';
import { MEASURES, type MeasureKey, type MeasureKind } from './measure-catalogue';
import { measureAttainment } from './measure-attainment';
import { tallyOf } from './measures/measure-actual';
import type { MeasureScope } from './measures/measure-scope';
import type { MeasureActuals } from './measures/measure-tally';
import type { RolePlan } from './plan-schema';
import { resolveTarget, type TargetSource } from './target-source';

/** One measure, explained: what it was, what it was judged against, what it earned and weighs. */
export interface MeasureResult {
  measure: MeasureKey;
  label: string;
  kind: MeasureKind;
  unit: string;
  actual: Metric<number>;
  /** The figures behind the actual, in words. */
  basis: string;
  target: number;
  threshold: number;
  targetSource: TargetSource;
  goal?: { id: string; name: string };
  /** Undefined when the actual has no data: the measure is then left out, not scored 0. */
  attainment?: number;
  /** Share of the level this measure carries after measures without data are left out, 0..1. */
  weight: number;
  /** attainment x weight: the points this measure adds to the level's attainment. */
  contribution: number;
}

export interface WindowAttainment {
  attainment?: number;
  measures: MeasureResult[];
  /** Measures without data and why: their weight went to the others. */
  leftOut: { measure: MeasureKey; reason: string }[];
}

export interface TargetContext {
  goals: readonly GoalTarget[];
  /** HubSpot user id of the person, to match their Goals; undefined for shared levels. */
  userId?: number;
  period: Period;
}

/**
 * A plan's measures over one scope and window: each actual against its target (the person's
 * HubSpot goal or the plan), then weighted by the plan's lead/lag split and measure weights, with
 * measures that have no data left out and their weight re-spread (a kind with no data at all hands
 * its share to the other kind). The scope is a list of customers (tallied here in one pass for all
 * the plan's measures) or the actuals of a scope already tallied ({@link MeasureActuals}).
 *
 * @example
 * windowAttainment(DEFAULT_PLANS.csm, scope, { goals: [], period }).attainment // => 96.4
 */
export function windowAttainment(plan: Pick<RolePlan, 'split' | 'measures'>, scope: MeasureScope | MeasureActuals, context: TargetContext): WindowAttainment {
  const actuals = 'customers' in scope ? tallyOf(plan.measures.map((m) => m.measure), scope) : scope;
  const periodMs = context.period.end.getTime() - context.period.start.getTime();
  const share = periodMs > 0 ? (actuals.window.end.getTime() - actuals.window.start.getTime()) / periodMs : 1;
  const scored = plan.measures.map((m) => {
    const { actual, basis } = actuals.actual(m.measure);
    const target = resolveTarget(m, { ...context, share });
    const attainment = actual.kind === 'value' ? measureAttainment(actual.value, target) : undefined;
    return { plan: m, def: MEASURES[m.measure], actual, basis, target, attainment };
  });
  const kindWeight = (kind: MeasureKind) => scored.filter((s) => s.def.kind === kind && s.attainment !== undefined).reduce((sum, s) => sum + s.plan.weight, 0);
  const weights = { lead: kindWeight('lead'), lag: kindWeight('lag') };
  const splitWithData = (weights.lead > 0 ? plan.split.lead : 0) + (weights.lag > 0 ? plan.split.lag : 0);
  const measures: MeasureResult[] = scored.map((s) => {
    const kind = s.def.kind;
    const weight = s.attainment !== undefined && weights[kind] > 0 && splitWithData > 0 ? (plan.split[kind] / splitWithData) * (s.plan.weight / weights[kind]) : 0;
    return {
      measure: s.plan.measure,
      label: s.def.label,
      kind,
      unit: s.def.unit,
      actual: s.actual,
      basis: s.basis,
      target: s.target.target,
      threshold: s.target.threshold,
      targetSource: s.target.source,
      goal: s.target.goal,
      attainment: s.attainment,
      weight,
      contribution: (s.attainment ?? 0) * weight,
    };
  });
  const leftOut = measures.flatMap((m) => (m.actual.kind === 'no_data' ? [{ measure: m.measure, reason: m.actual.reason }] : []));
  if (splitWithData === 0) return { measures, leftOut };
  return { attainment: measures.reduce((s, m) => s + m.contribution, 0), measures, leftOut };
}
