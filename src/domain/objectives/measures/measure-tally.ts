import type { Customer, RevenueContract } from '../../customer';
import { noData } from '../../metric';
import { revenueContracts } from '../../revenue/revenue-contracts';
import type { Period } from '../../time/days';
import { MEASURES, type MeasureKey } from '../measure-catalogue';
import { contactedTally, exitInterviewTally, touchesTally } from './contact-measures';
import { earlyChurnTally } from './early-churn-measure';
import { feedbackTally } from './feedback-measures';
import { manualMeasure } from './manual-entries';
import { NO_ACCOUNTS, type MeasureActual, type MeasureScope } from './measure-scope';
import { revenueTally } from './retention-measures';
import { ticketTally } from './ticket-measures';

/** The actuals of a scope over one window: what a plan's measures are judged on. */
export interface MeasureActuals {
  window: Period;
  actual(measure: MeasureKey): MeasureActual;
}

/** A scope's measures, accumulated one customer at a time: the scope is never held whole. */
export interface MeasureTally extends MeasureActuals {
  add(customer: Customer): void;
  /** Customers added so far. */
  readonly companies: number;
}

/** What a tally is judged over besides its customers: the window, the people, manual entries, touch counts. */
export type TallyContext = Omit<MeasureScope, 'customers'>;

const REVENUE: readonly MeasureKey[] = ['grr', 'nrr', 'logo_retention', 'expansion_mrr'];

/**
 * A tally of `measures` over a scope and window: `add` each of the scope's customers (in any order:
 * sums are rounded once, see `exactSum`), then `actual(measure)` gives exactly what `measureActual`
 * gives for that list of customers. Each customer's revenue contracts are read once for all the
 * measures that need them. Only the measures asked for are tallied; asking for another one is an error.
 *
 * @example
 * const t = measureTally(['grr', 'nps'], { window: quarter, ownerIds: ['101'], manual: [] });
 * for (const c of customers) t.add(c);
 * t.actual('grr') // => { actual: { kind: 'value', value: 94.2 }, basis: 'starting MRR 50,000; contraction 900; churned 2,000' }
 */
export function measureTally(measures: Iterable<MeasureKey>, context: TallyContext): MeasureTally {
  const wanted = new Set(measures);
  const wants = (...keys: readonly MeasureKey[]) => keys.some((k) => wanted.has(k));
  const { window } = context;
  const revenue = wants(...REVENUE) ? revenueTally(window) : undefined;
  const feedback = wants('nps', 'csat') ? feedbackTally(window) : undefined;
  const contacted = wants('accounts_contacted') ? contactedTally(window, context.touchCounts) : undefined;
  const touches = wants('touches_per_account') ? touchesTally(context.touchCounts) : undefined;
  const exits = wants('exit_interviews') ? exitInterviewTally(window) : undefined;
  const tickets = wants('tickets_resolved', 'median_resolution_hours') ? ticketTally(window, wanted.has('median_resolution_hours')) : undefined;
  const earlyChurn = wants('early_churn_rate') ? earlyChurnTally(window, context.ownerIds) : undefined;
  // Actuals are read once per person sharing the scope: the median's sort is not redone each time.
  const read = new Map<MeasureKey, MeasureActual>();
  let companies = 0;

  const compute = (measure: MeasureKey): MeasureActual => {
    switch (measure) {
      case 'help_articles':
      case 'webinars':
      case 'trainings':
        return manualMeasure(measure, context);
      case 'early_churn_rate':
        return earlyChurn!.actual();
      default:
        if (companies === 0) return { actual: noData(NO_ACCOUNTS), basis: 'no accounts' };
    }
    switch (measure) {
      case 'grr':
      case 'nrr':
      case 'logo_retention':
        return revenue!.retention(measure);
      case 'expansion_mrr':
        return revenue!.expansion();
      case 'nps':
        return feedback!.nps();
      case 'csat':
        return feedback!.csat();
      case 'accounts_contacted':
        return contacted!.actual();
      case 'touches_per_account':
        return touches!.actual();
      case 'exit_interviews':
        return exits!.actual();
      case 'tickets_resolved':
        return tickets!.resolved();
      case 'median_resolution_hours':
        return tickets!.medianHours();
    }
  };

  return {
    window,
    get companies() {
      return companies;
    },
    add(customer) {
      companies += 1;
      read.clear();
      let contracts: readonly RevenueContract[] | undefined;
      const contractsOf = () => (contracts ??= revenueContracts(customer.deals));
      if (revenue) revenue.add(contractsOf());
      if (exits) exits.add(customer, contractsOf());
      feedback?.add(customer);
      contacted?.add(customer);
      touches?.add(customer);
      tickets?.add(customer);
      earlyChurn?.add(customer);
    },
    actual(measure) {
      if (!wanted.has(measure)) throw new Error(`measure ${measure} (${MEASURES[measure]?.label ?? 'unknown'}) was not tallied over this scope; tallied: ${[...wanted].join(', ') || 'none'}`);
      let result = read.get(measure);
      if (!result) {
        result = compute(measure);
        read.set(measure, result);
      }
      return result;
    },
  };
}
