import type { Customer, GoalTarget } from '../customer';
import { noData, value, type Metric } from '../metric';
import { DAY_MS, type Period } from '../time/days';
import type { ExceptionalEvent, TransitionWindow } from './fairness-declarations';
import { individualTimeline, type PortfolioSpan } from './individual-timeline';
import type { MeasureKey } from './measure-catalogue';
import type { ManualEntry } from './measures/manual-entries';
import { elapsedShare, periodToDate } from './plan-period';
import { LEVELS, type Level, type RolePlan } from './plan-schema';
import { variablePay, type VariablePay } from './variable-pay';
import { windowAttainment, type MeasureResult } from './window-attainment';

/** A shared book: a team's, a department's or the company's accounts and the people behind them. */
export interface SharedScope {
  customers: readonly Customer[];
  ownerIds: readonly string[];
}

export interface AttainmentInput {
  plan: Pick<RolePlan, 'levels' | 'split' | 'measures' | 'variableSharePercent'>;
  period: Period;
  /**
   * Results are to date: counts and sums are judged against the share of their target due by then
   * (a linear projection). Defaults to the period's end: the whole period is judged.
   */
  asOf?: Date;
  /** Whose objectives these are; defaults to the first owner of `scopes.individual`. */
  person?: { ownerId: string; userId?: number };
  /** HubSpot user id of the person, to match their Goals (same as `person.userId`). */
  userId?: number;
  /**
   * The accounts the person held, one span per portfolio when it changed in the period.
   * Defaults to `scopes.individual` held for the whole period.
   */
  portfolio?: readonly PortfolioSpan[];
  scopes: Partial<Record<Level, SharedScope>>;
  manual?: readonly ManualEntry[];
  goals?: readonly GoalTarget[];
  touchCounts?: Readonly<Record<string, number>>;
  exceptionalEvents?: readonly ExceptionalEvent[];
  transitions?: readonly TransitionWindow[];
  /** Base salary for the plan period, to project the variable pay. */
  baseSalaryForPeriod?: number;
  /**
   * Shared levels already judged with this plan, period, `asOf`, manual entries and scope (they are
   * the same for everyone in the scope): taken as they are instead of judging the scope again, so
   * a company level of 10,000 accounts is judged once per plan rather than once per person.
   */
  judgedLevels?: Partial<Record<Exclude<Level, 'individual'>, LevelResult>>;
}

/** A stretch of the level judged one way, with every measure explained. */
export interface LevelSegment {
  window: Period;
  days: number;
  /** `portfolio`: the person's own accounts; `transition`: mirrors the team; `shared`: a shared level. */
  basis: 'portfolio' | 'transition' | 'shared';
  attainment?: number;
  measures: MeasureResult[];
  leftOut: { measure: MeasureKey; reason: string }[];
  note?: string;
}

/** An exceptional event as it touched this person's results. */
export interface AppliedExclusion {
  accountIds: string[];
  reason: string;
  declaredBy: string;
  declaredAt: Date;
}

export interface LevelResult {
  level: Level;
  /** The plan's weight for the level, %. */
  planWeight: number;
  /** Share of the overall result after levels without data are left out, 0..1. */
  weight: number;
  attainment?: number;
  contribution: number;
  /** One per stretch judged differently (a portfolio change, a transition); days prorate them. */
  segments: LevelSegment[];
  /**
   * Each measure's part in the level. With one segment, that segment's results; with several, weight
   * and contribution are prorated by days, attainment is their ratio, and actual and target are the
   * latest segment's (each segment keeps its own).
   */
  measures: MeasureResult[];
  note?: string;
}

export interface ObjectiveAttainment {
  /** Whose objectives these are ('' when no person or individual scope was given). */
  ownerId: string;
  period: Period;
  asOf: Date;
  /** Share of the period elapsed, 0..1: results to date are a linear projection from it. */
  elapsedShare: number;
  /** Projected attainment for the period, %; undefined when no level has data (never 0). */
  overall?: number;
  levels: LevelResult[];
  leftOut: { level: Level; reason: string }[];
  exclusions: AppliedExclusion[];
  transitions: TransitionWindow[];
  pay: Metric<VariablePay>;
}

const days = (p: Period) => (p.end.getTime() - p.start.getTime()) / DAY_MS;

function mergeMeasures(judged: readonly LevelSegment[], total: number): MeasureResult[] {
  if (judged.length === 1) return judged[0].measures;
  const merged = new Map<MeasureKey, MeasureResult>();
  for (const s of judged) {
    for (const m of s.measures) {
      const prev = merged.get(m.measure);
      const weight = (prev?.weight ?? 0) + (m.weight * s.days) / total;
      const contribution = (prev?.contribution ?? 0) + (m.contribution * s.days) / total;
      merged.set(m.measure, { ...m, basis: `prorated by days over ${judged.length} segments; latest: ${m.basis}`, weight, contribution, attainment: weight > 0 ? contribution / weight : m.attainment });
    }
  }
  return [...merged.values()];
}

function combine(level: Level, planWeight: number, segments: LevelSegment[], note?: string): LevelResult {
  const judged = segments.filter((s) => s.attainment !== undefined && s.days > 0);
  const total = judged.reduce((s, x) => s + x.days, 0);
  const attainment = total > 0 ? judged.reduce((s, x) => s + (x.attainment as number) * x.days, 0) / total : undefined;
  const measures = judged.length ? mergeMeasures(judged, total) : segments.flatMap((s) => s.measures);
  return { level, planWeight, weight: 0, attainment, contribution: 0, segments, measures, note: note ?? segments.find((s) => s.note)?.note };
}

/**
 * Objective attainment for one person and period, every figure explained: per level (individual,
 * team, department, company) and segment, each measure's actual, target and its source, attainment,
 * weight and contribution; levels and measures without data are left out and named, never scored 0.
 *
 * Fairness: accounts hit by a declared exceptional event leave the individual level only; a
 * portfolio change mid-period is prorated by days under each portfolio; during a declared
 * transition the individual level mirrors the team's.
 *
 * @example
 * objectiveAttainment({ plan: DEFAULT_PLANS.csm, period, asOf, person: { ownerId: '101' }, portfolio: [{ customers }], scopes: { team, company } }).overall
 * // => 96.4
 */
export function objectiveAttainment(input: AttainmentInput): ObjectiveAttainment {
  const asOf = input.asOf ?? input.period.end;
  const window = periodToDate(input.period, asOf);
  const ownerId = input.person?.ownerId ?? input.scopes.individual?.ownerIds[0] ?? '';
  const userId = input.person?.userId ?? input.userId;
  const portfolio = input.portfolio ?? (input.scopes.individual ? [{ customers: input.scopes.individual.customers }] : []);
  const base = { goals: input.goals ?? [], period: input.period };
  const data = { manual: input.manual ?? [], touchCounts: input.touchCounts };
  const transitions = (input.transitions ?? []).filter((t) => t.ownerIds.includes(ownerId));
  const held = new Set(portfolio.flatMap((p) => p.customers.map((c) => c.id)));
  const exclusions: AppliedExclusion[] = (input.exceptionalEvents ?? [])
    .map((e) => ({ accountIds: e.accountIds.filter((id) => held.has(id)), reason: e.reason, declaredBy: e.declaredBy, declaredAt: e.declaredAt }))
    .filter((e) => e.accountIds.length > 0);
  const excluded = new Set(exclusions.flatMap((e) => e.accountIds));

  const levels: LevelResult[] = [];
  const leftOut: ObjectiveAttainment['leftOut'] = [];
  if (window.end <= window.start) {
    leftOut.push({ level: 'individual', reason: 'the period has not started' });
  } else {
    for (const level of LEVELS) {
      const planWeight = input.plan.levels[level];
      if (planWeight === 0) continue;
      let result: LevelResult;
      if (level === 'individual') {
        const pieces = individualTimeline(window, portfolio, transitions);
        const segments = pieces.map((piece): LevelSegment => {
          const team = input.scopes.team;
          if (piece.basis === 'transition' && !team) return { window: piece.window, days: piece.days, basis: 'transition', measures: [], leftOut: [], note: 'transition declared but no team scope given' };
          const scope = piece.basis === 'transition'
            ? { customers: team?.customers ?? [], ownerIds: team?.ownerIds ?? [] }
            : { customers: piece.customers.filter((c) => !excluded.has(c.id)), ownerIds: [ownerId] };
          const r = windowAttainment(input.plan, { ...scope, ...data, window: piece.window }, { ...base, userId: piece.basis === 'portfolio' ? userId : undefined });
          const note = piece.transition ? `portfolio transition (${piece.transition.reason}, declared by ${piece.transition.declaredBy}): mirrors the team objectives` : undefined;
          return { window: piece.window, days: piece.days, basis: piece.basis, ...r, note };
        });
        result = combine(level, planWeight, segments, pieces.length === 0 ? 'no portfolio in the period' : undefined);
      } else {
        const judged = input.judgedLevels?.[level];
        const scope = input.scopes[level];
        if (judged) {
          result = { ...judged, planWeight, weight: 0, contribution: 0 };
        } else if (!scope) {
          levels.push({ level, planWeight, weight: 0, contribution: 0, segments: [], measures: [], note: `no ${level} scope given` });
          leftOut.push({ level, reason: `no ${level} scope given` });
          continue;
        } else {
          const r = windowAttainment(input.plan, { ...scope, ...data, window }, base);
          result = combine(level, planWeight, [{ window, days: days(window), basis: 'shared', ...r }]);
        }
      }
      if (result.attainment === undefined) leftOut.push({ level, reason: result.note ?? 'no measure has data' });
      levels.push(result);
    }
  }
  const weighted = levels.filter((l) => l.attainment !== undefined);
  const totalWeight = weighted.reduce((s, l) => s + l.planWeight, 0);
  for (const l of weighted) {
    l.weight = l.planWeight / totalWeight;
    l.contribution = (l.attainment as number) * l.weight;
  }
  const overall = totalWeight > 0 ? weighted.reduce((s, l) => s + l.contribution, 0) : undefined;
  const elapsed = elapsedShare(input.period, asOf);
  const pay = overall === undefined
    ? noData<VariablePay>('no attainment to pay on yet')
    : input.baseSalaryForPeriod === undefined
      ? noData<VariablePay>('no base salary given')
      : value(variablePay({ attainment: overall, baseSalaryForPeriod: input.baseSalaryForPeriod, variableSharePercent: input.plan.variableSharePercent, elapsedShare: elapsed }));
  return { ownerId, period: input.period, asOf, elapsedShare: elapsed, overall, levels, leftOut, exclusions, transitions, pay };
}

/** The result's former name, kept for the cards built on it. */
export type Attainment = ObjectiveAttainment;
