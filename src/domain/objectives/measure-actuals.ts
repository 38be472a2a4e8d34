import type { Customer, GoalTarget } from '../customer';
import { customerSatisfaction } from '../feedback/csat';
import { netPromoterScore } from '../feedback/nps';
import { noData, value, type Metric } from '../metric';
import { mrrMovements } from '../revenue/mrr-movements';
import { revenueRetention } from '../revenue/retention';
import { revenueContracts } from '../revenue/revenue-contracts';
import { earlyChurnRecord } from '../sales/early-churn-record';
import type { Period } from '../time/days';
import { MEASURES, type MeasureKey } from './plan-schema';

/** A figure a manager enters by hand (help-centre articles, webinars, trainings), with who and when. */
export interface ManualEntry {
  measure: MeasureKey;
  ownerId: string;
  value: number;
  enteredBy: string;
  enteredAt: Date;
}

export interface MeasureScope {
  customers: readonly Customer[];
  period: Period;
  /** The people whose results these are (for manual entries and a rep's early churn). */
  ownerIds: readonly string[];
  manual: readonly ManualEntry[];
}

const within = (d: Date | undefined, p: Period) => d !== undefined && d >= p.start && d <= p.end;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The actual value of one measure over a scope (a CSM's accounts, a team's, the company's), or why
 * there is none: a CSM with no accounts has "no data", never 0 %.
 *
 * @example
 * measureActual('accounts_contacted', { customers, period, ownerIds: ['101'], manual: [] }) // => { kind: 'value', value: 75 }
 */
export function measureActual(measure: MeasureKey, scope: MeasureScope): Metric<number> {
  const { customers, period } = scope;
  if (customers.length === 0 && !('manual' in MEASURES[measure])) return noData('no accounts in this portfolio');
  const revenue = () => customers.map((c) => ({ id: c.id, contracts: revenueContracts(c.deals) }));
  const answers = () => customers.flatMap((c) => c.feedback.filter((f) => within(f.submittedAt, period)));
  const closed = () => customers.flatMap((c) => c.tickets.filter((t) => t.closedAt && within(t.closedAt, period)));
  switch (measure) {
    case 'grr':
    case 'nrr':
    case 'logo_retention': {
      const r = revenueRetention(revenue(), period);
      if (r.kind === 'no_data') return r;
      return value(measure === 'grr' ? r.value.grr : measure === 'nrr' ? r.value.nrr : 100 - r.value.logoChurnRate);
    }
    case 'expansion_mrr':
      return value(mrrMovements(revenue(), period).expansion);
    case 'nps': {
      const n = netPromoterScore(answers());
      return n.kind === 'value' ? value(n.value.score) : n;
    }
    case 'csat': {
      const c = customerSatisfaction(answers());
      return c.kind === 'value' ? value(c.value.score) : c;
    }
    case 'accounts_contacted':
      return value((customers.filter((c) => within(c.engagement.lastTouchAt, period)).length / customers.length) * 100);
    case 'tickets_resolved':
      return value(closed().length);
    case 'median_resolution_hours': {
      const hours = closed().map((t) => ((t.closedAt as Date).getTime() - t.createdAt.getTime()) / 3_600_000);
      return hours.length ? value(median(hours)) : noData('no ticket closed in the period');
    }
    case 'early_churn_rate': {
      const rates = scope.ownerIds.map((id) => earlyChurnRecord(customers, id, period.end));
      const won = rates.reduce((s, r) => s + r.wonCustomers, 0);
      return won ? value((rates.reduce((s, r) => s + r.lostWithinWindow, 0) / won) * 100) : noData('no customer won long enough ago to judge');
    }
    case 'help_articles':
    case 'webinars':
    case 'trainings': {
      const entries = scope.manual.filter((e) => e.measure === measure && scope.ownerIds.includes(e.ownerId) && within(e.enteredAt, period));
      return entries.length ? value(entries.reduce((s, e) => s + e.value, 0)) : noData('nothing entered by a manager for this period');
    }
  }
}

/** The target from HubSpot Goals for this person, measure and period when one exists. */
export function goalTargetFor(goals: readonly GoalTarget[], measure: MeasureKey, userId: number | undefined, period: Period): GoalTarget | undefined {
  return goals.find((g) => g.measure === measure && userId !== undefined && g.ownerUserId === userId && g.start <= period.end && g.end >= period.start);
}
