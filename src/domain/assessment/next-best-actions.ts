import type { ChurnRisk } from '../churn-risk/churn-risk';
import type { CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { DAY_MS, describeDaysAgo } from '../time/days';

export interface NextBestAction {
  priority: 'now' | 'soon' | 'later';
  text: string;
}

/**
 * What the CSM should do next, most urgent first, from the same signals the scores read.
 *
 * @example
 * nextBestActions(signals, { score: 38, band: 'at_risk' }, risk, followUpDue)[0].text // => 'Detractor answered 2 days ago: call within 48 h'
 */
export function nextBestActions(s: CustomerSignals, health: { score: number; band: HealthBand } | undefined, risk: ChurnRisk, followUpDue: Date | undefined, timeZone = 'UTC'): NextBestAction[] {
  const t = s.at.getTime();
  const actions: NextBestAction[] = [];
  if (followUpDue && s.latestDetractorAt) {
    const overdue = followUpDue.getTime() < t;
    actions.push({ priority: 'now', text: `Detractor answered ${describeDaysAgo(s.latestDetractorAt, t, timeZone)}: call ${overdue ? 'now, the 48 h follow-up is overdue' : 'within 48 h'}` });
  }
  if (s.staleUrgentTickets > 0) actions.push({ priority: 'now', text: `${s.staleUrgentTickets} high-priority ticket${s.staleUrgentTickets === 1 ? '' : 's'} open for 5+ days: escalate with support` });
  if (s.unrenewedEndAt && s.unrenewedEndAt.getTime() - t <= 90 * DAY_MS && health?.band !== 'healthy') {
    const healthWords = health ? `with health ${Math.round(health.score)}` : 'and no health score';
    actions.push({ priority: 'soon', text: `Renewal in ${Math.round((s.unrenewedEndAt.getTime() - t) / DAY_MS)} days ${healthWords}: plan a business review` });
  }
  if (s.daysSinceTouch !== undefined && s.daysSinceTouch > 30) actions.push({ priority: risk.level === 'high' ? 'now' : 'soon', text: `No touch for ${Math.floor(s.daysSinceTouch)} days: schedule a check-in` });
  if (s.usageScore !== undefined && s.usageScore < 40) actions.push({ priority: 'soon', text: 'Low product usage: offer an adoption session' });
  if (s.mrrNow > 0 && s.mrrNow < s.mrr90DaysAgo) actions.push({ priority: 'soon', text: 'Revenue contracted: find out why before the next renewal' });
  if (actions.length === 0 && health?.band === 'healthy') actions.push({ priority: 'later', text: 'Healthy account: ask for a referral or a case study' });
  return actions;
}
