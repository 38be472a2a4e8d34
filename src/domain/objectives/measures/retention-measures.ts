import type { RevenueContract } from '../../customer';
import { noData, value } from '../../metric';
import { customerMovement } from '../../revenue/mrr-movements';
import type { Period } from '../../time/days';
import { exactSum } from './exact-sum';
import { day, type MeasureActual } from './measure-scope';

const money = (n: number) => Math.round(n).toLocaleString('en-US');
const NO_STARTING_MRR = 'no recurring revenue at the start of the period';

/**
 * GRR, NRR, logo retention (100 - logo churn) and expansion MRR of the accounts paying at the start
 * of the window, added one customer at a time: each customer's movement is the revenue module's
 * (`customerMovement`), and the sums and rates are those of `revenueRetention` and `mrrMovements`,
 * so a scope is never held whole to judge it.
 *
 * @example
 * const t = revenueTally(quarter); t.add(revenueContracts(customer.deals));
 * t.retention('nrr') // => { actual: { kind: 'value', value: 120 }, basis: 'starting MRR 50,000; expansion 20,000; ...' }
 */
export function revenueTally(window: Period) {
  const startingMrr = exactSum(), expansion = exactSum(), contraction = exactSum(), churnedMrr = exactSum();
  let customersAtStart = 0, customersLost = 0, grew = 0;
  return {
    add(contracts: readonly RevenueContract[]): void {
      const m = customerMovement({ id: '', contracts }, window);
      if (m.startMrr <= 0) return;
      customersAtStart += 1;
      startingMrr.add(m.startMrr);
      if (m.kind === 'churn') {
        churnedMrr.add(m.startMrr);
        customersLost += 1;
      } else if (m.kind === 'expansion') {
        expansion.add(m.endMrr - m.startMrr);
        grew += 1;
      } else if (m.kind === 'contraction') contraction.add(m.startMrr - m.endMrr);
    },
    /** GRR, NRR or logo retention; "no data" when no account was paying at the start. */
    retention(measure: 'grr' | 'nrr' | 'logo_retention'): MeasureActual {
      const start = startingMrr.value();
      if (start <= 0) return { actual: noData(NO_STARTING_MRR), basis: `revenue from ${day(window.start)} to ${day(window.end)}` };
      if (measure === 'logo_retention') {
        const logoChurnRate = (customersLost / customersAtStart) * 100;
        return { actual: value(100 - logoChurnRate), basis: `${customersAtStart - customersLost} of ${customersAtStart} paying customers kept` };
      }
      const [up, down, churned] = [expansion.value(), contraction.value(), churnedMrr.value()];
      const basis = `starting MRR ${money(start)}; ${measure === 'nrr' ? `expansion ${money(up)}; ` : ''}contraction ${money(down)}; churned ${money(churned)}`;
      const rate = measure === 'grr' ? ((start - churned - down) / start) * 100 : ((start + up - churned - down) / start) * 100;
      return { actual: value(rate), basis };
    },
    /** Expansion MRR won from accounts already paying at the start of the window. */
    expansion(): MeasureActual {
      const start = startingMrr.value();
      if (start <= 0) return { actual: noData(NO_STARTING_MRR), basis: 'expansion MRR' };
      return { actual: value(expansion.value()), basis: `${grew} ${grew === 1 ? 'account' : 'accounts'} grew, from a starting MRR of ${money(start)}` };
    },
  };
}
