import type { Customer, GoalTarget } from '../customer';
import { noData, value, type Metric } from '../metric';
import { DAY_MS, type Period } from '../time/days';
import type { ExceptionalEvent, TransitionWindow } from './fairness-declarations';
import { individualTimeline, type PortfolioSpan } from './individual-timeline';
import type { MeasureKey } from './measure-catalogue';
import type { ManualEntry } from './measures/manual-entries';
import type { MeasureScope } from './measures/measure-scope';
import type { MeasureActuals } from './measures/measure-tally';
import { elapsedShare, periodToDate } from './plan-period';
import { LEVELS, type Level, type RolePlan } from './plan-schema';
import { variablePay, type VariablePay } from './variable-pay';
import { windowAttainment, type MeasureResult } from './window-attainment';

/** A shared book: a team's, a department's or the company's accounts and the people behind them. */
export interface SharedScope {
  customers: readonly Customer[];
  ownerIds: readonly string[];
}

/**
 * A shared book already tallied, its customers streamed once and never held together: how many
 * it has, the people behind it, and its actuals over each window it was tallied for (the period
 * to date, and the stretches of a declared transition that mirror the team). Its manual entries
 * and touch counts are those it was tallied with, not `AttainmentInput.manual`.
 */
export interface TalliedScope {
  ownerIds: readonly string[];
  companies: number;
  /** The actuals over `window`; an error for a window the scope was not tallied over. */
  over(window: Period): MeasureActuals;
}

/**
 * A person's own book already tallied, held the whole period, its customers streamed once and never
 * held together: tallied over each stretch of the period judged on the portfolio itself (see
 * `windowsJudged`'s `ownPortfolio`), with the accounts of the person's approved exceptional events
 * left out of its actuals (not of `companies`), exactly those `AttainmentInput.exceptionalEvents`
 * names. `holds` is asked only of the accounts the person's events name.
 */
export interface TalliedBook extends TalliedScope {
  holds(accountId: string): boolean;
}

/** The scopes judged: the person's own book as a list or a tally; the shared levels as lists or tallies. */
export type AttainmentScopes = { individual?: SharedScope | TalliedBook } & Partial<Record<Exclude<Level, 'individual'>, SharedScope | TalliedScope>>;

/**
 * How many companies a scope holds.
 *
 * @example
 * companiesIn({ customers: [a, b], ownerIds: ['101'] }) // => 2
 */
export const companiesIn = (scope: SharedScope | TalliedScope): number => ('customers' in scope ? scope.customers.length : scope.companies);

/** A scope over a window as `windowAttainment` takes it: the list with its context, or the tally's actuals. */
const over = (scope: SharedScope | TalliedScope, data: Pick<MeasureScope, 'manual' | 'touchCounts'>, window: Period): MeasureScope | MeasureActuals =>
  'customers' in scope ? { customers: scope.customers, ownerIds: scope.ownerIds, ...data, window } : scope.over(window);

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
  scopes: AttainmentScopes;
  manual?: readonly ManualEntry[];
  goals?: readonly GoalTarget[];
  touchCounts?: Readonly<Record<string, number>>;
  exceptionalEvents?: readonly ExceptionalEvent[];
  transitions?: readonly TransitionWindow[];
  /** Base salary for the plan period, to project the variable pay. */
  baseSalaryForPeriod?: number;
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
 * The windows `objectiveAttainment` judges a person's shared scopes over, for a book held the whole
 * period (no `portfolio` spans): `shared`, the period to date, for the team, department and company
 * levels; `mirroringTeam`, the stretches of their declared transitions in which the individual
 * level mirrors the team; `ownPortfolio`, the rest, judged on their own book. What a tallied scope
 * or book has to be tallied over before judging.
 *
 * @example
 * windowsJudged({ period: q4, asOf: dec1, ownerId: '101', transitions: [{ ownerIds: ['101'], from: nov1, to: nov15, ... }] })
 * // => { shared: { start: oct1, end: dec1 }, mirroringTeam: [{ start: nov1, end: nov15 }], ownPortfolio: [{ start: oct1, end: nov1 }, { start: nov15, end: dec1 }] }
 */
export function windowsJudged(input: Pick<AttainmentInput, 'period' | 'asOf' | 'transitions'> & { ownerId: string }): { shared: Period; mirroringTeam: Period[]; ownPortfolio: Period[] } {
  const shared = periodToDate(input.period, input.asOf ?? input.period.end);
  if (shared.end <= shared.start) return { shared, mirroringTeam: [], ownPortfolio: [] };
  const transitions = (input.transitions ?? []).filter((t) => t.ownerIds.includes(input.ownerId));
  const pieces = individualTimeline(shared, [{ customers: [] }], transitions);
  const windowsOf = (basis: 'transition' | 'portfolio') => pieces.filter((p) => p.basis === basis).map((p) => p.window);
  return { shared, mirroringTeam: windowsOf('transition'), ownPortfolio: windowsOf('portfolio') };
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
  const own = input.scopes.individual;
  // A tallied book is held the whole period: its stretches are the timeline's, its accounts are not listed.
  const tallied = own && !('customers' in own) ? own : undefined;
  const portfolio = input.portfolio ?? (own ? [{ customers: 'customers' in own ? own.customers : [] }] : []);
  const base = { goals: input.goals ?? [], period: input.period };
  const data = { manual: input.manual ?? [], touchCounts: input.touchCounts };
  const transitions = (input.transitions ?? []).filter((t) => t.ownerIds.includes(ownerId));
  const holds = tallied ? (id: string) => tallied.holds(id) : heldIn(portfolio);
  const exclusions: AppliedExclusion[] = (input.exceptionalEvents ?? [])
    .map((e) => ({ accountIds: e.accountIds.filter(holds), reason: e.reason, declaredBy: e.declaredBy, declaredAt: e.declaredAt }))
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
          const scope = piece.basis === 'transition' && team
            ? team
            : tallied ?? { customers: piece.customers.filter((c) => !excluded.has(c.id)), ownerIds: [ownerId] };
          const r = windowAttainment(input.plan, over(scope, data, piece.window), { ...base, userId: piece.basis === 'portfolio' ? userId : undefined });
          const note = piece.transition ? `portfolio transition (${piece.transition.reason}, declared by ${piece.transition.declaredBy}): mirrors the team objectives` : undefined;
          return { window: piece.window, days: piece.days, basis: piece.basis, ...r, note };
        });
        result = combine(level, planWeight, segments, pieces.length === 0 ? 'no portfolio in the period' : undefined);
      } else {
        const scope = input.scopes[level];
        if (!scope) {
          levels.push({ level, planWeight, weight: 0, contribution: 0, segments: [], measures: [], note: `no ${level} scope given` });
          leftOut.push({ level, reason: `no ${level} scope given` });
          continue;
        }
        const r = windowAttainment(input.plan, over(scope, data, window), base);
        result = combine(level, planWeight, [{ window, days: days(window), basis: 'shared', ...r }]);
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

function heldIn(portfolio: readonly PortfolioSpan[]): (accountId: string) => boolean {
  const held = new Set(portfolio.flatMap((p) => p.customers.map((c) => c.id)));
  return (accountId) => held.has(accountId);
}

/** The result's former name, kept for the cards built on it. */
export type Attainment = ObjectiveAttainment;
