import type { MeasureKey } from '../measure-catalogue';
import type { MeasureActual, MeasureScope } from './measure-scope';
import { measureTally } from './measure-tally';

/**
 * The actual value of one measure over a scope, with its basis in words. A scope with no accounts
 * has "no data" for every CRM measure, never 0 %; manual measures only need entries. The one
 * implementation is the tally ({@link measureTally}): the list's customers are added one by one.
 *
 * @example
 * measureActual('accounts_contacted', { customers, window, ownerIds: ['101'], manual: [] }).actual // => { kind: 'value', value: 75 }
 */
export function measureActual(measure: MeasureKey, scope: MeasureScope): MeasureActual {
  return tallyOf([measure], scope).actual(measure);
}

/**
 * A tally of `measures` with every customer of a list scope added.
 *
 * @example
 * tallyOf(['grr', 'nrr'], scope).actual('nrr').actual // => { kind: 'value', value: 104.5 }
 */
export function tallyOf(measures: Iterable<MeasureKey>, scope: MeasureScope) {
  const { customers, ...context } = scope;
  const tally = measureTally(measures, context);
  for (const customer of customers) tally.add(customer);
  return tally;
}
