import type { Customer } from '../customer';
import { DAY_MS, type Period } from '../time/days';
import type { TransitionWindow } from './fairness-declarations';

/** A book of accounts a person held, from `from` (the period start when absent) until `to`. */
export interface PortfolioSpan {
  from?: Date;
  to?: Date;
  customers: readonly Customer[];
}

/** A stretch of the period judged one way: on the person's own portfolio, or mirroring the team. */
export interface TimelinePiece {
  window: Period;
  days: number;
  basis: 'portfolio' | 'transition';
  customers: readonly Customer[];
  transition?: TransitionWindow;
}

const covers = (from: Date | undefined, to: Date | undefined, t: number) => (from === undefined || from.getTime() <= t) && (to === undefined || t < to.getTime());

/**
 * Cuts the judged window into pieces at every portfolio change and transition boundary: inside a
 * declared transition the person mirrors the team, elsewhere they are judged on the portfolio they
 * held then; days with neither (before a new CSM joined) are not judged at all.
 *
 * @example
 * individualTimeline(window, [{ to: aug15, customers: a }, { from: aug15, customers: b }], [])
 * // => [{ basis: 'portfolio', days: 45, ... }, { basis: 'portfolio', days: 47, ... }]
 */
export function individualTimeline(window: Period, portfolio: readonly PortfolioSpan[], transitions: readonly TransitionWindow[]): TimelinePiece[] {
  const start = window.start.getTime(), end = window.end.getTime();
  const cuts = new Set<number>([start, end]);
  for (const b of [...portfolio.flatMap((p) => [p.from, p.to]), ...transitions.flatMap((t) => [t.from, t.to])]) {
    if (b && b.getTime() > start && b.getTime() < end) cuts.add(b.getTime());
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: (TimelinePiece & { key: unknown })[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    // The start of the stretch decides which portfolio or transition it belongs to.
    const transition = transitions.find((t) => covers(t.from, t.to, a));
    const span = portfolio.find((p) => covers(p.from, p.to, a));
    if (!transition && !span) continue;
    const key = transition ?? span;
    const last = pieces.at(-1);
    if (last && last.key === key && last.window.end.getTime() === a) {
      last.window = { start: last.window.start, end: new Date(b) };
      last.days = (b - last.window.start.getTime()) / DAY_MS;
      continue;
    }
    pieces.push({ key, window: { start: new Date(a), end: new Date(b) }, days: (b - a) / DAY_MS, basis: transition ? 'transition' : 'portfolio', customers: transition ? [] : (span as PortfolioSpan).customers, transition });
  }
  return pieces.map(({ key: _key, ...piece }) => piece);
}
