import type { Metric } from '../../domain/metric';
import type { PageFigure } from '../../views/pages/portfolio-page-view';

export const round1 = (n: number) => Math.round(n * 10) / 10;
export const money = (n: number) => Math.round(n).toLocaleString('en-US');
export const percent = (n: number) => `${round1(n)} %`;

/** A metric as the page prints it: the value in words, or "no data" with the engine's reason. */
export function pageFigure<T>(metric: Metric<T>, pick: (v: T) => number, display: (n: number) => string = percent): PageFigure {
  if (metric.kind === 'no_data') return { kind: 'no_data', reason: metric.reason };
  const value = pick(metric.value);
  return { kind: 'value', value: round1(value), display: display(value) };
}

export const figureOf = (value: number | undefined, reason: string, display: (n: number) => string = percent): PageFigure =>
  value === undefined || !Number.isFinite(value) ? { kind: 'no_data', reason } : { kind: 'value', value: round1(value), display: display(value) };
