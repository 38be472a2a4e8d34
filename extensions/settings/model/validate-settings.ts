import type { SettingsDocument, SettingsIssue } from '../api/settings-api-types';
import { getIn } from './document-paths';
import { COMPONENT_KEYS, DEFAULT_ROLE_PLANS, LEVELS, MEASURE_FACTS, RISK_RULE_KEYS, ROLES } from './settings-defaults';

// The checks the API's zod schemas make on the fields this page edits (engine-config.ts,
// plan-schema.ts, plan-period.ts, the store's document schema), at the same paths, so a mistake
// is shown before a round trip. The API stays the judge: whatever it still refuses comes back
// with its paths and is shown the same way. test/settings-page/settings-validation.test.ts holds
// the two in step.

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const sumsTo100 = (values: readonly number[]) => Math.abs(total(values) - 100) < 1e-6;
const isDate = (v: unknown) => (typeof v === 'string' || typeof v === 'number') && !Number.isNaN(new Date(v).getTime());

/**
 * Every problem the page can see in a settings document, each at its path from the root.
 *
 * @example
 * validateSettings({ engine: { health: { bands: { atRiskUpTo: 80, neutralUpTo: 75 } } }, admins: ['1'] })
 * // => [{ path: 'engine.health.bands', message: 'atRiskUpTo must be below neutralUpTo' }]
 */
export function validateSettings(document: SettingsDocument): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });

  const weights = getIn(document, 'engine.health.weights') as Record<string, unknown> | undefined;
  if (weights) {
    for (const key of COMPONENT_KEYS) {
      const w = weights[key];
      if (w !== undefined && (!isNumber(w) || w < 0)) add(`engine.health.weights.${key}`, 'expected a number >= 0');
    }
    const effective = COMPONENT_KEYS.map((k) => (weights[k] === undefined ? 1 : weights[k]));
    if (effective.every((w) => isNumber(w) && w <= 0)) add('engine.health.weights', 'at least one component weight must be above 0');
  }
  const bands = getIn(document, 'engine.health.bands') as Record<string, unknown> | undefined;
  if (bands) {
    for (const key of ['atRiskUpTo', 'neutralUpTo']) {
      const b = bands[key];
      if (b !== undefined && (!isNumber(b) || b < 0 || b > 100)) add(`engine.health.bands.${key}`, 'expected a number from 0 to 100');
    }
    const low = bands.atRiskUpTo ?? 50;
    const high = bands.neutralUpTo ?? 75;
    if (isNumber(low) && isNumber(high) && low >= high) add('engine.health.bands', 'atRiskUpTo must be below neutralUpTo');
  }
  const risk = getIn(document, 'engine.churnRisk.weights') as Record<string, unknown> | undefined;
  for (const key of RISK_RULE_KEYS) {
    const w = risk?.[key];
    if (w !== undefined && (!isNumber(w) || w < 0 || w > 100)) add(`engine.churnRisk.weights.${key}`, 'expected a number from 0 to 100');
  }
  const levels = getIn(document, 'engine.churnRisk.levels') as Record<string, unknown> | undefined;
  if (levels) {
    for (const key of ['mediumFrom', 'highFrom']) {
      const l = levels[key];
      if (l !== undefined && (!isNumber(l) || l < 0 || l > 100)) add(`engine.churnRisk.levels.${key}`, 'expected a number from 0 to 100');
    }
    const medium = levels.mediumFrom ?? 30;
    const high = levels.highFrom ?? 60;
    if (isNumber(medium) && isNumber(high) && medium >= high) add('engine.churnRisk.levels', 'mediumFrom must be below highFrom');
  }

  if (document.plans) issues.push(...planIssues(document.plans));

  const admins = document.admins;
  if (!Array.isArray(admins) || admins.length === 0) add('admins', 'keep at least one admin');
  else admins.forEach((a, i) => /^\d+$/.test(String(a)) || add(`admins.${i}`, 'each admin must be a HubSpot user id (digits)'));
  return issues;
}

function planIssues(plans: Record<string, unknown>): SettingsIssue[] {
  const issues: SettingsIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path: `plans.${path}`, message });
  const period = plans.period as Record<string, unknown> | undefined;
  if (!period) add('period', 'the period is required: { start, end } or { start, length }');
  else {
    if (!isDate(period.start)) add('period.start', 'start must be a date');
    if (period.end !== undefined && !isDate(period.end)) add('period.end', 'end must be a date');
    if (period.end === undefined && period.length === undefined) add('period.end', 'give the period an end or a length (month, quarter, year)');
    if (isDate(period.start) && isDate(period.end) && new Date(period.end as string).getTime() <= new Date(period.start as string).getTime()) add('period.end', 'the period must end after it starts');
  }
  const roles = (plans.roles ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const role of ROLES) {
    const plan = roles[role] as unknown as typeof DEFAULT_ROLE_PLANS.csm | undefined;
    if (!plan) continue;
    if (typeof plan.levels !== 'object' || plan.levels === null || !Array.isArray(plan.measures)) {
      add(`roles.${role}`, 'a role plan needs its levels, split and measures: start from the default plan');
      continue;
    }
    const levelValues = LEVELS.map((l) => plan.levels?.[l]);
    LEVELS.forEach((l, i) => {
      const v = levelValues[i];
      if (!isNumber(v) || v < 0 || v > 100) add(`roles.${role}.levels.${l}`, `${l} must be a number from 0 to 100 %`);
    });
    if (levelValues.every(isNumber) && !sumsTo100(levelValues as number[])) add(`roles.${role}.levels`, `level weights must sum to 100 %, got ${total(levelValues as number[])} %`);
    const share = plan.variableSharePercent;
    if (!isNumber(share) || share < 0 || share > 100) add(`roles.${role}.variableSharePercent`, 'variableSharePercent must be a number from 0 to 100 %');
    const split = [plan.split?.lead, plan.split?.lag];
    (['lead', 'lag'] as const).forEach((kind, i) => {
      const v = split[i];
      if (!isNumber(v) || v < 0 || v > 100) add(`roles.${role}.split.${kind}`, `${kind} must be a number from 0 to 100 %`);
    });
    if (split.every(isNumber) && !sumsTo100(split as number[])) add(`roles.${role}.split`, `lead and lag must sum to 100 %, got ${total(split as number[])} %`);
    (plan.measures ?? []).forEach((m, i) => {
      if (!isNumber(m.target)) add(`roles.${role}.measures.${i}.target`, 'target must be a number');
      if (!isNumber(m.threshold)) add(`roles.${role}.measures.${i}.threshold`, 'threshold must be a number');
      if (!isNumber(m.weight) || m.weight < 0 || m.weight > 100) add(`roles.${role}.measures.${i}.weight`, 'weight must be a number from 0 to 100 %');
      const facts = MEASURE_FACTS[m.measure];
      if (facts && isNumber(m.target) && isNumber(m.threshold)) {
        if (facts.higherIsBetter && m.threshold > m.target) add(`roles.${role}.measures.${i}.threshold`, `threshold ${m.threshold} is above the target ${m.target}`);
        if (!facts.higherIsBetter && m.threshold < m.target) add(`roles.${role}.measures.${i}.threshold`, `threshold ${m.threshold} is below the target ${m.target}, and ${m.measure} is lower-is-better`);
      }
    });
    for (const kind of ['lead', 'lag'] as const) {
      const w = (plan.measures ?? []).filter((m) => MEASURE_FACTS[m.measure]?.kind === kind).map((m) => m.weight);
      if (w.length > 0 && w.every(isNumber) && !sumsTo100(w)) add(`roles.${role}.measures`, `${kind} measure weights must sum to 100 %, got ${total(w)} %`);
    }
  }
  const managers = plans.managers;
  if (managers !== undefined && (!Array.isArray(managers) || managers.some((m) => typeof m !== 'string' || m.length === 0))) add('managers', 'managers must be a list of HubSpot owner ids');
  return issues;
}
