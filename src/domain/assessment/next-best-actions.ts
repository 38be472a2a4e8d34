import type { ChurnRisk } from '../churn-risk/churn-risk';
import type { CustomerSignals } from '../health/customer-signals';
import type { HealthBand } from '../health/health-band';
import { calendarDaysAgo, DAY_MS, daysAgoText } from '../time/days';
import { smallKey, TextCache } from '../text-cache';

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
  // Which actions apply, counted first: the list is made to size (one grown by push keeps room for 16).
  const detractor = followUpDue !== undefined && s.latestDetractorAt !== undefined;
  const stale = s.staleUrgentTickets > 0;
  const renewal = s.unrenewedEndAt !== undefined && s.unrenewedEndAt.getTime() - t <= 90 * DAY_MS && health?.band !== 'healthy';
  const noTouch = s.daysSinceTouch !== undefined && s.daysSinceTouch > 30;
  const lowUsage = s.usageScore !== undefined && s.usageScore < 40;
  const contracted = s.mrrNow > 0 && s.mrrNow < s.mrr90DaysAgo;
  const count = +detractor + +stale + +renewal + +noTouch + +lowUsage + +contracted;
  const referral = count === 0 && health?.band === 'healthy';
  const actions = new Array<NextBestAction>(referral ? 1 : count);
  let n = 0;
  if (detractor) {
    const ago = calendarDaysAgo(s.latestDetractorAt as Date, t, timeZone), d = ago <= 0 ? 0 : ago, overdue = (followUpDue as Date).getTime() < t ? 1 : 0;
    actions[n++] = { priority: 'now', text: detractorTexts.text(smallKey(d, overdue), detractorAction, d, overdue) };
  }
  if (stale) actions[n++] = { priority: 'now', text: staleTexts.text(smallKey(s.staleUrgentTickets), staleAction, s.staleUrgentTickets) };
  if (renewal) {
    const inDays = Math.round(((s.unrenewedEndAt as Date).getTime() - t) / DAY_MS), shown = health ? Math.round(health.score) : 0, known = health ? 1 : 0;
    actions[n++] = { priority: 'soon', text: renewalTexts.text(smallKey(inDays, shown, known), renewalAction, inDays, shown, known) };
  }
  if (noTouch) {
    const whole = Math.floor(s.daysSinceTouch as number);
    actions[n++] = { priority: risk.level === 'high' ? 'now' : 'soon', text: noTouchTexts.text(smallKey(whole), noTouchAction, whole) };
  }
  if (lowUsage) actions[n++] = { priority: 'soon', text: 'Low product usage: offer an adoption session' };
  if (contracted) actions[n++] = { priority: 'soon', text: 'Revenue contracted: find out why before the next renewal' };
  if (referral) actions[n++] = { priority: 'later', text: 'Healthy account: ask for a referral or a case study' };
  return actions;
}

/* The actions' texts from the whole numbers that decide them, shared (see TextCache). */
const detractorTexts = new TextCache(), staleTexts = new TextCache(), renewalTexts = new TextCache(), noTouchTexts = new TextCache();

const detractorAction = (daysAgo: number, overdue: number) => `Detractor answered ${daysAgoText(daysAgo)}: call ${overdue ? 'now, the 48 h follow-up is overdue' : 'within 48 h'}`;
const staleAction = (tickets: number) => `${tickets} high-priority ticket${tickets === 1 ? '' : 's'} open for 5+ days: escalate with support`;
/** `known` is 1 with a health score (`shown`, rounded), 0 without. */
const renewalAction = (inDays: number, shown: number, known: number) => `Renewal in ${inDays} days ${known ? `with health ${shown}` : 'and no health score'}: plan a business review`;
const noTouchAction = (wholeDays: number) => `No touch for ${wholeDays} days: schedule a check-in`;
