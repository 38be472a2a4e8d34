/**
 * A computed figure or the reason there is none. The engine never turns "nobody answered" or
 * "no revenue at the start" into 0 or NaN: it says so, and the cards and properties show it as empty.
 */
export type Metric<T> = { kind: 'value'; value: T } | { kind: 'no_data'; reason: string };

export const value = <T>(v: T): Metric<T> => ({ kind: 'value', value: v });
export const noData = <T = never>(reason: string): Metric<T> => ({ kind: 'no_data', reason });

export const hasValue = <T>(m: Metric<T>): m is { kind: 'value'; value: T } => m.kind === 'value';

/** The value, or undefined when there is no data (for property writes: undefined leaves the property empty). */
export const valueOrUndefined = <T>(m: Metric<T>): T | undefined => (m.kind === 'value' ? m.value : undefined);
