import type { EngineConfig, RiskRuleKey } from '../config/engine-config';
import type { CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { calendarDaysAgo, DAY_MS, daysAgoText } from '../time/days';
import { smallKey, TextCache } from '../text-cache';

/** One churn-risk signal that fired: how strongly (0-1) and why, in words a CSM can act on. */
export interface FiredSignal {
  rule: RiskRuleKey;
  strength: number;
  reason: string;
}

const days = (ms: number) => Math.round(ms / DAY_MS);

/**
 * Where the signals that fire are written: parallel arrays owned by the caller and reused from call
 * to call (entries past the count are stale). The churn risk reads rule, strength and reason of each
 * without an object or a list per customer (a list grown by push keeps room for 16).
 */
export interface FiredScratch {
  rules: RiskRuleKey[];
  strengths: number[];
  reasons: string[];
}

export const firedScratch = (): FiredScratch => ({ rules: [], strengths: [], reasons: [] });

/**
 * The rule signals that fire for a customer, given its signals and current health.
 *
 * @example
 * firedSignals(signals, { score: 38, band: 'at_risk' }, config).map((s) => s.reason)
 * // => ['Renewal in 45 days with health 38', 'No call, email or meeting in 63 days', ...]
 */
export function firedSignals(s: CustomerSignals, health: { score: number; band: HealthBand } | undefined, config: EngineConfig): FiredSignal[] {
  const count = writeFiredSignals(s, health, config, ownScratch);
  const fired = new Array<FiredSignal>(count);
  for (let i = 0; i < count; i++) fired[i] = { rule: ownScratch.rules[i], strength: ownScratch.strengths[i], reason: ownScratch.reasons[i] };
  return fired;
}

const ownScratch = firedScratch();

/** {@link firedSignals} written into `out`, in the same order: returns how many fired. */
export function writeFiredSignals(s: CustomerSignals, health: { score: number; band: HealthBand } | undefined, config: EngineConfig, out: FiredScratch): number {
  const rules = config.churnRisk;
  const t = s.at.getTime();
  let n = 0;
  if (s.detractorsLast90Days > 0 && s.latestDetractorAt) {
    const ago = calendarDaysAgo(s.latestDetractorAt, t, config.timeZone), d = ago <= 0 ? 0 : ago;
    n = fire(out, n, 'detractorRecent', 1, detractorTexts.text(smallKey(d), detractorReason, d));
  }
  const monthlyBefore = s.ticketsPrevious90Days / 3;
  if (s.ticketsLast30Days >= 3 && s.ticketsLast30Days >= 2 * Math.max(monthlyBefore, 1)) {
    const last = s.ticketsLast30Days, before = s.ticketsPrevious90Days;
    n = fire(out, n, 'ticketSurge', Math.min(1, last / (4 * Math.max(monthlyBefore, 1))), surgeTexts.text(smallKey(last, before), surgeReason, last, before));
  }
  if (s.daysSinceTouch !== undefined && s.daysSinceTouch > rules.noTouchDays) {
    const whole = Math.floor(s.daysSinceTouch);
    n = fire(out, n, 'noTouch', Math.min(1, s.daysSinceTouch / (2 * rules.noTouchDays)), noTouchTexts.text(smallKey(whole), noTouchReason, whole));
  }
  if (s.mrr90DaysAgo > 0 && s.mrrNow > 0 && s.mrrNow < s.mrr90DaysAgo) {
    const drop = (s.mrr90DaysAgo - s.mrrNow) / s.mrr90DaysAgo, percent = Math.round(drop * 100);
    n = fire(out, n, 'contraction', Math.min(1, 0.5 + drop), contractionTexts.text(smallKey(percent), contractionReason, percent));
  }
  if (s.unrenewedEndAt && s.unrenewedEndAt.getTime() - t <= rules.renewalWithinDays * DAY_MS && health?.band !== 'healthy') {
    // Unknown health is not a healthy score: the renewal counts half, as for a neutral one.
    const inDays = days(s.unrenewedEndAt.getTime() - t), shown = health ? Math.round(health.score) : 0, known = health ? 1 : 0;
    n = fire(out, n, 'renewalLowHealth', health?.band === 'at_risk' ? 1 : 0.5, renewalTexts.text(smallKey(inDays, shown, known), renewalReason, inDays, shown, known));
  }
  if (s.firstCloseAt && t - s.firstCloseAt.getTime() <= rules.earlyLifeDays * DAY_MS) {
    const since = days(t - s.firstCloseAt.getTime());
    n = fire(out, n, 'earlyLife', 1, earlyLifeTexts.text(smallKey(since), earlyLifeReason, since));
  }
  if (s.npsLast180Days !== undefined && s.npsPrevious180Days !== undefined && s.npsLast180Days <= s.npsPrevious180Days - 20) {
    // NPS rounds to -100..100: shifted by 100 to make a key.
    const last = Math.round(s.npsLast180Days) + 100, before = Math.round(s.npsPrevious180Days) + 100;
    n = fire(out, n, 'fallingNps', Math.min(1, (s.npsPrevious180Days - s.npsLast180Days) / 60), npsTexts.text(smallKey(last, before), fallingNpsReason, last, before));
  }
  if (s.usageScore !== undefined && s.usageScore < rules.lowUsageBelow) {
    const usage = Math.round(s.usageScore);
    n = fire(out, n, 'lowUsage', 1 - s.usageScore / rules.lowUsageBelow / 2, usageTexts.text(smallKey(usage), lowUsageReason, usage));
  }
  if (health?.band === 'at_risk') {
    const score = Math.round(health.score);
    n = fire(out, n, 'lowHealth', 1, healthTexts.text(smallKey(score), lowHealthReason, score));
  }
  return n;
}

function fire(out: FiredScratch, n: number, rule: RiskRuleKey, strength: number, reason: string): number {
  out.rules[n] = rule;
  out.strengths[n] = strength;
  out.reasons[n] = reason;
  return n + 1;
}

/*
 * The reasons from the whole numbers that decide them, shared (see TextCache): most customers'
 * reasons are a few hundred sentences.
 */
const detractorTexts = new TextCache(), surgeTexts = new TextCache(), noTouchTexts = new TextCache(), contractionTexts = new TextCache(), renewalTexts = new TextCache();
const earlyLifeTexts = new TextCache(), npsTexts = new TextCache(), usageTexts = new TextCache(), healthTexts = new TextCache();

const detractorReason = (daysAgo: number) => `Detractor answered ${daysAgoText(daysAgo)}`;
const surgeReason = (last30: number, previous90: number) => `Ticket surge: ${last30} tickets in 30 days vs ${(previous90 / 3).toFixed(1)} a month before`;
const noTouchReason = (wholeDays: number) => `No call, email or meeting in ${wholeDays} days`;
const contractionReason = (percent: number) => `Contraction: MRR down ${percent} % in 90 days`;
/** `known` is 1 with a health score (`shown`, rounded), 0 without. */
const renewalReason = (inDays: number, shown: number, known: number) => `Renewal in ${inDays} days ${known ? `with health ${shown}` : 'with no health score'}`;
const earlyLifeReason = (since: number) => `Early life: first contract ${since} days ago`;
const fallingNpsReason = (last: number, before: number) => `NPS falling: ${last - 100} vs ${before - 100} the half-year before`;
const lowUsageReason = (usage: number) => `Low product usage (${usage} / 100)`;
const lowHealthReason = (score: number) => `Health at risk (${score})`;
