import type { HealthCardExtras } from '../../../extensions/cards/components/card-extras';
import type { Customer, HistoryPoint } from '../../domain/customer';
import { COMPONENT_LABELS } from '../../domain/health/health-components';
import { explainedScoreChanges, type ScoreDay } from '../../domain/portfolio/score-change-ledger';
import { DAY_MS } from '../../domain/time/days';
import type { CompanySnapshot } from '../../store/store';
import type { FollowUpTask } from './follow-up-tasks';

/** How far back the card's history and ledger go (the issue: back a year). */
export const HEALTH_HISTORY_DAYS = 365;

/** Where the card's score history came from: the store's daily snapshots, or HubSpot's property history until the store has some. */
export type HistorySource = 'store' | 'property_history';

/** What a follow-up action did, for the card to say under its buttons. */
export type FollowUpOutcome = { status: 'done'; message: string } | { status: 'error'; message: string };

/** The extras the backend adds to the Customer health card's view. */
export type HealthCardBackendExtras = HealthCardExtras & { historySource: HistorySource; followUpOutcome?: FollowUpOutcome };

const utcDay = (at: Date | number) => new Date(at).toISOString().slice(0, 10);

/** The window the card shows, in UTC days: the last `days` days up to and including today. */
export function historyWindow(now: Date, days = HEALTH_HISTORY_DAYS): { fromDay: string; toDay: string } {
  return { fromDay: utcDay(now.getTime() - (days - 1) * DAY_MS), toDay: utcDay(now) };
}

/** A stored snapshot as the chart and the ledger read it; the override's expiry is not drawn. */
export function scoreDayOf(snapshot: CompanySnapshot): ScoreDay {
  const { override } = snapshot;
  return {
    day: snapshot.day,
    score: snapshot.score,
    components: snapshot.components,
    ...(override ? { override: { score: override.score, reason: override.reason, author: override.author } } : {}),
  };
}

/**
 * `cs_health_score`'s property history as days (the last value of each UTC day, oldest first,
 * inside the window). HubSpot keeps no components or override marks there, so none are claimed.
 */
export function propertyHistoryDays(points: readonly HistoryPoint[], window: { fromDay: string; toDay: string }): ScoreDay[] {
  const byDay = new Map<string, HistoryPoint>();
  for (const point of points) {
    const day = utcDay(point.at);
    if (day < window.fromDay || day > window.toDay) continue;
    const kept = byDay.get(day);
    if (!kept || kept.at.getTime() <= point.at.getTime()) byDay.set(day, point);
  }
  return [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, point]) => ({ day, score: point.value, components: {} }));
}

/**
 * The open detractor follow-up as the card shows it: due, overdue against now, the open task when
 * there is one. A completed task created for this very due means the loop is closed: nothing to show.
 */
export function followUpOf(due: Date | undefined, now: Date, tasks: readonly FollowUpTask[], ownerName?: string): HealthCardExtras['followUp'] {
  if (!due) return undefined;
  const dueIso = due.toISOString();
  const open = tasks.find((t) => !t.completed);
  if (!open && tasks.some((t) => t.completed && t.due === dueIso)) return undefined;
  return { due: dueIso, overdue: due.getTime() < now.getTime(), ...(open ? { taskId: open.id } : {}), ...(ownerName ? { ownerName } : {}) };
}

/**
 * The health card's extras from what the handler read: the year of days (the store's when it has
 * any, else the property history, `historySource` saying which), the "why did it change" ledger,
 * the component labels and the follow-up. Only store snapshots go out as `snapshots`: the chart
 * draws the property history from the view's `history` with its own note that overrides are not marked.
 */
export function healthCardExtras(input: {
  customer: Customer;
  stored: readonly CompanySnapshot[];
  window: { fromDay: string; toDay: string };
  minPoints: number;
  followUp: HealthCardExtras['followUp'];
}): HealthCardBackendExtras {
  const fromStore = input.stored.length > 0;
  const days = fromStore ? input.stored.map(scoreDayOf).sort((a, b) => a.day.localeCompare(b.day)) : propertyHistoryDays(input.customer.healthHistory ?? [], input.window);
  return {
    historySource: fromStore ? 'store' : 'property_history',
    ...(fromStore ? { snapshots: days } : {}),
    ledger: { minPoints: input.minPoints, changes: explainedScoreChanges(days, input.customer, input.minPoints) },
    componentLabels: { ...COMPONENT_LABELS },
    ...(input.followUp ? { followUp: input.followUp } : {}),
  };
}
