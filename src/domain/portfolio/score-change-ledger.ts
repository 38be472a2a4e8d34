import type { Customer } from '../customer';
import { recordsBehind, type ChangeRecord } from './score-change-records';

/** One stored day of a company's score, as the ledger reads it (a narrow view of the store's snapshot). */
export interface ScoreDay {
  /** UTC calendar day, `YYYY-MM-DD`. */
  day: string;
  /** Empty when the company was not scored that day. */
  score: number | null;
  /** Component key -> sub-score 0-100 (null = no data that day). */
  components: Readonly<Record<string, number | null>>;
  override?: { score: number; reason: string; author: string } | null;
}

export interface ComponentMove {
  key: string;
  from: number | null;
  to: number | null;
  /** Sub-score change (0 when the component gained or lost its data: see `from`/`to`). */
  change: number;
}

export interface ScoreChange {
  fromDay: string;
  toDay: string;
  fromScore: number;
  toScore: number;
  change: number;
  /** An override started, ended, or the components moved the computed score. */
  cause: 'override_set' | 'override_removed' | 'components';
  /** Who set the override and why, when the cause is an override. */
  override?: { score: number; reason: string; author: string };
  /** Components that moved, largest move first; a component that gained or lost its data is listed too. */
  movers: ComponentMove[];
}

const hasOverride = (d: ScoreDay) => Boolean(d.override);

function componentMoves(before: ScoreDay, after: ScoreDay): ComponentMove[] {
  const keys = new Set([...Object.keys(before.components), ...Object.keys(after.components)]);
  const moves: ComponentMove[] = [];
  for (const key of keys) {
    const from = before.components[key] ?? null;
    const to = after.components[key] ?? null;
    if (from === to) continue;
    moves.push({ key, from, to, change: from !== null && to !== null ? to - from : 0 });
  }
  // A component that appeared or vanished re-spreads the weights: rank it with the largest moves.
  const size = (m: ComponentMove) => (m.from === null || m.to === null ? 101 : Math.abs(m.change));
  return moves.sort((a, b) => size(b) - size(a) || a.key.localeCompare(b.key));
}

/**
 * "Why did it change": each move of at least `minPoints` between consecutive scored days, newest
 * first, with its cause (a CSM override starting or ending, or the components) and the components
 * that moved, from the days' component sub-scores. Days without a score are skipped, so a gap is
 * compared across.
 *
 * @example
 * scoreChangeLedger([
 *   { day: '2026-11-01', score: 80, components: { support: 90, usage: 70 } },
 *   { day: '2026-11-02', score: 62, components: { support: 30, usage: 70 } },
 * ], 5)
 * // => [{ fromDay: '2026-11-01', toDay: '2026-11-02', change: -18, cause: 'components', movers: [{ key: 'support', from: 90, to: 30, change: -60 }] }]
 */
export function scoreChangeLedger(days: readonly ScoreDay[], minPoints = 5): ScoreChange[] {
  const scored = days.filter((d) => d.score !== null).sort((a, b) => a.day.localeCompare(b.day));
  const changes: ScoreChange[] = [];
  for (let i = 1; i < scored.length; i += 1) {
    const before = scored[i - 1], after = scored[i];
    const change = (after.score as number) - (before.score as number);
    if (Math.abs(change) < minPoints) continue;
    const cause = !hasOverride(before) && hasOverride(after) ? 'override_set' : hasOverride(before) && !hasOverride(after) ? 'override_removed' : 'components';
    const override = cause === 'override_set' ? after.override : cause === 'override_removed' ? before.override : undefined;
    changes.push({
      fromDay: before.day,
      toDay: after.day,
      fromScore: before.score as number,
      toScore: after.score as number,
      change,
      cause,
      ...(override ? { override: { score: override.score, reason: override.reason, author: override.author } } : {}),
      movers: componentMoves(before, after),
    });
  }
  return changes.reverse();
}

/**
 * The ledger with, for each change, the records behind it (tickets, answers, contracts, touches):
 * what the health card's "why did it change" shows, computed on the backend so the card only draws.
 *
 * @example
 * explainedScoreChanges(yearOfSnapshots, customer, 5)[0].records // => [{ kind: 'ticket_opened', id: '301', ... }]
 */
export function explainedScoreChanges(days: readonly ScoreDay[], customer: Pick<Customer, 'id' | 'tickets' | 'feedback' | 'deals' | 'engagement'>, minPoints = 5): (ScoreChange & { records: ChangeRecord[] })[] {
  return scoreChangeLedger(days, minPoints).map((change) => ({ ...change, records: recordsBehind(change, customer) }));
}
