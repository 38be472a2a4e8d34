import type { Deal } from '../customer';
import { noData, value, type Metric } from '../metric';
import type { Period } from '../time/days';

export interface ConversionFigures {
  won: number;
  lost: number;
  /** won / (won + lost) x 100. */
  rate: number;
}

const closedIn = (d: Deal, p: Period) => d.outcome !== 'open' && d.closedAt !== undefined && d.closedAt >= p.start && d.closedAt <= p.end;

function conversion(deals: readonly Deal[]): Metric<ConversionFigures> {
  const won = deals.filter((d) => d.outcome === 'won').length;
  const lost = deals.filter((d) => d.outcome === 'lost').length;
  return won + lost === 0 ? noData('no deal closed in the period') : value({ won, lost, rate: (won / (won + lost)) * 100 });
}

/**
 * Conversion rate of the deals closed (won or lost) in the period, per rep and overall. Deals without
 * an owner count in the overall rate only.
 *
 * @example
 * conversionRates(deals, period) // => { overall: { kind: 'value', value: { won: 3, lost: 1, rate: 75 } }, byRep: { '501': { kind: 'value', ... } } }
 */
export function conversionRates(deals: readonly Deal[], period: Period): { overall: Metric<ConversionFigures>; byRep: Record<string, Metric<ConversionFigures>> } {
  const closed = deals.filter((d) => closedIn(d, period));
  const reps = [...new Set(closed.map((d) => d.ownerId).filter((id): id is string => id !== undefined))];
  return { overall: conversion(closed), byRep: Object.fromEntries(reps.map((rep) => [rep, conversion(closed.filter((d) => d.ownerId === rep))])) };
}
