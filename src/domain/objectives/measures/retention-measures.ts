import { noData, value } from '../../metric';
import { mrrMovements } from '../../revenue/mrr-movements';
import { revenueRetention } from '../../revenue/retention';
import { revenueContracts } from '../../revenue/revenue-contracts';
import { day, type MeasureActual, type MeasureScope } from './measure-scope';

const revenueOf = (scope: MeasureScope) => scope.customers.map((c) => ({ id: c.id, contracts: revenueContracts(c.deals) }));
const money = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * GRR, NRR or logo retention (100 - logo churn) of the accounts paying at the start of the window,
 * from the revenue module; "no data" when none was paying.
 *
 * @example
 * retentionMeasure('nrr', scope) // => { actual: { kind: 'value', value: 120 }, basis: 'starting MRR 50,000; expansion 20,000; ...' }
 */
export function retentionMeasure(measure: 'grr' | 'nrr' | 'logo_retention', scope: MeasureScope): MeasureActual {
  const r = revenueRetention(revenueOf(scope), scope.window);
  if (r.kind === 'no_data') return { actual: r, basis: `revenue from ${day(scope.window.start)} to ${day(scope.window.end)}` };
  const f = r.value;
  if (measure === 'logo_retention') {
    return { actual: value(100 - f.logoChurnRate), basis: `${f.customersAtStart - f.customersLost} of ${f.customersAtStart} paying customers kept` };
  }
  const basis = `starting MRR ${money(f.startingMrr)}; ${measure === 'nrr' ? `expansion ${money(f.expansion)}; ` : ''}contraction ${money(f.contraction)}; churned ${money(f.churnedMrr)}`;
  return { actual: value(measure === 'grr' ? f.grr : f.nrr), basis };
}

/**
 * Expansion MRR won from accounts already paying at the start of the window.
 *
 * @example
 * expansionMeasure(scope) // => { actual: { kind: 'value', value: 1500 }, basis: '2 accounts grew, from a starting MRR of 12,000' }
 */
export function expansionMeasure(scope: MeasureScope): MeasureActual {
  const m = mrrMovements(revenueOf(scope), scope.window);
  if (m.startingMrr <= 0) return { actual: noData('no recurring revenue at the start of the period'), basis: 'expansion MRR' };
  const grew = m.customers.filter((c) => c.kind === 'expansion').length;
  return { actual: value(m.expansion), basis: `${grew} ${grew === 1 ? 'account' : 'accounts'} grew, from a starting MRR of ${money(m.startingMrr)}` };
}
