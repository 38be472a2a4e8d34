import type { GoalTarget } from '../customer';
import type { Period } from '../time/days';
import { MEASURES } from './measure-catalogue';
import type { MeasurePlan } from './plan-schema';

/** Where a target came from: the person's HubSpot goal for the measure, or the plan. */
export type TargetSource = 'HubSpot goal' | 'plan';

/** The figures a measure is judged against in one window, and where they came from. */
export interface ResolvedTarget {
  target: number;
  threshold: number;
  capPercent: number;
  accelerator: number;
  higherIsBetter: boolean;
  source: TargetSource;
  /** The HubSpot goal used, when the source is one. */
  goal?: { id: string; name: string };
  /** Share of the period's target this window carries (counts and sums only); 1 for rates. */
  scale: number;
}

const overlapMs = (a: Period, b: Period) => Math.max(0, Math.min(a.end.getTime(), b.end.getTime()) - Math.max(a.start.getTime(), b.start.getTime()));

/**
 * The HubSpot Goals target for this user and measure that overlaps the period most, if any.
 *
 * @example
 * goalTargetFor(goals, 'grr', 7001, period) // => { id: 'g1', ownerUserId: 7001, measure: 'grr', target: 95, ... }
 */
export function goalTargetFor(goals: readonly GoalTarget[], measure: string, userId: number | undefined, period: Period): GoalTarget | undefined {
  if (userId === undefined) return undefined;
  return goals
    .filter((g) => g.measure === measure && g.ownerUserId === userId && Number.isFinite(g.target) && overlapMs(g, period) > 0)
    .sort((a, b) => overlapMs(b, period) - overlapMs(a, period))[0];
}

/**
 * Target and threshold for one measure: the person's HubSpot goal where one exists, else the plan.
 * A goal moves the threshold with it (in proportion for positive targets, by the plan's gap
 * otherwise) so the band between 0 % and 100 % keeps its shape. Counts and sums (`accumulates`)
 * scale to the window's share of the period: that is what makes pace to date and a portfolio held
 * for part of the period comparable with the full target.
 *
 * @example
 * resolveTarget({ measure: 'grr', weight: 50, target: 92, threshold: 80, capPercent: 150, accelerator: 1.5 }, { goals: [], period, share: 1 })
 * // => { target: 92, threshold: 80, source: 'plan', scale: 1, ... }
 */
export function resolveTarget(plan: MeasurePlan, context: { goals: readonly GoalTarget[]; userId?: number; period: Period; share: number }): ResolvedTarget {
  const def = MEASURES[plan.measure];
  const goal = goalTargetFor(context.goals, plan.measure, context.userId, context.period);
  let target = plan.target, threshold = plan.threshold;
  let source: TargetSource = 'plan';
  if (goal) {
    // A goal set for a month counts for a third of a quarter's count.
    const goalSpan = goal.end.getTime() - goal.start.getTime();
    const periodSpan = context.period.end.getTime() - context.period.start.getTime();
    target = def.accumulates && goalSpan > 0 ? goal.target * (periodSpan / goalSpan) : goal.target;
    threshold = plan.target > 0 && target > 0 ? plan.threshold * (target / plan.target) : target - (plan.target - plan.threshold);
    source = 'HubSpot goal';
  }
  const scale = def.accumulates ? Math.max(0, Math.min(1, context.share)) : 1;
  return { target: target * scale, threshold: threshold * scale, capPercent: plan.capPercent, accelerator: plan.accelerator, higherIsBetter: def.higherIsBetter, source, goal: goal && { id: goal.id, name: goal.name }, scale };
}
