import type { EngineConfig, RiskRuleKey } from '../config/engine-config';
import type { CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { DAY_MS, describeDaysAgo } from '../time/days';

/** One churn-risk signal that fired: how strongly (0-1) and why, in words a CSM can act on. */
export interface FiredSignal {
  rule: RiskRuleKey;
  strength: number;
  reason: string;
}

const days = (ms: number) => Math.round(ms / DAY_MS);

/**
 * The rule signals that fire for a customer, given its signals and current health.
 *
 * @example
 * firedSignals(signals, { score: 38, band: 'at_risk' }, config).map((s) => s.reason)
 * // => ['Renewal in 45 days with health 38', 'No call, email or meeting in 63 days', ...]
 */
export function firedSignals(s: CustomerSignals, health: { score: number; band: HealthBand } | undefined, config: EngineConfig): FiredSignal[] {
  const rules = config.churnRisk;
  const t = s.at.getTime();
  const fired: FiredSignal[] = [];
  if (s.detractorsLast90Days > 0 && s.latestDetractorAt) {
    fired.push({ rule: 'detractorRecent', strength: 1, reason: `Detractor answered ${describeDaysAgo(s.latestDetractorAt, t, config.timeZone)}` });
  }
  const monthlyBefore = s.ticketsPrevious90Days / 3;
  if (s.ticketsLast30Days >= 3 && s.ticketsLast30Days >= 2 * Math.max(monthlyBefore, 1)) {
    fired.push({ rule: 'ticketSurge', strength: Math.min(1, s.ticketsLast30Days / (4 * Math.max(monthlyBefore, 1))), reason: `Ticket surge: ${s.ticketsLast30Days} tickets in 30 days vs ${monthlyBefore.toFixed(1)} a month before` });
  }
  if (s.daysSinceTouch !== undefined && s.daysSinceTouch > rules.noTouchDays) {
    fired.push({ rule: 'noTouch', strength: Math.min(1, s.daysSinceTouch / (2 * rules.noTouchDays)), reason: `No call, email or meeting in ${Math.floor(s.daysSinceTouch)} days` });
  }
  if (s.mrr90DaysAgo > 0 && s.mrrNow > 0 && s.mrrNow < s.mrr90DaysAgo) {
    const drop = (s.mrr90DaysAgo - s.mrrNow) / s.mrr90DaysAgo;
    fired.push({ rule: 'contraction', strength: Math.min(1, 0.5 + drop), reason: `Contraction: MRR down ${Math.round(drop * 100)} % in 90 days` });
  }
  if (s.unrenewedEndAt && s.unrenewedEndAt.getTime() - t <= rules.renewalWithinDays * DAY_MS && health?.band !== 'healthy') {
    // Unknown health is not a healthy score: the renewal counts half, as for a neutral one.
    const words = health ? `with health ${Math.round(health.score)}` : 'with no health score';
    fired.push({ rule: 'renewalLowHealth', strength: health?.band === 'at_risk' ? 1 : 0.5, reason: `Renewal in ${days(s.unrenewedEndAt.getTime() - t)} days ${words}` });
  }
  if (s.firstCloseAt && t - s.firstCloseAt.getTime() <= rules.earlyLifeDays * DAY_MS) {
    fired.push({ rule: 'earlyLife', strength: 1, reason: `Early life: first contract ${days(t - s.firstCloseAt.getTime())} days ago` });
  }
  if (s.npsLast180Days !== undefined && s.npsPrevious180Days !== undefined && s.npsLast180Days <= s.npsPrevious180Days - 20) {
    fired.push({ rule: 'fallingNps', strength: Math.min(1, (s.npsPrevious180Days - s.npsLast180Days) / 60), reason: `NPS falling: ${Math.round(s.npsLast180Days)} vs ${Math.round(s.npsPrevious180Days)} the half-year before` });
  }
  if (s.usageScore !== undefined && s.usageScore < rules.lowUsageBelow) {
    fired.push({ rule: 'lowUsage', strength: 1 - s.usageScore / rules.lowUsageBelow / 2, reason: `Low product usage (${Math.round(s.usageScore)} / 100)` });
  }
  if (health?.band === 'at_risk') {
    fired.push({ rule: 'lowHealth', strength: 1, reason: `Health at risk (${Math.round(health.score)})` });
  }
  return fired;
}
