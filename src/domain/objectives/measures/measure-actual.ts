import type { MeasureKey } from '../measure-catalogue';
import { accountsContacted, exitInterviews, touchesPerAccount } from './contact-measures';
import { earlyChurnMeasure } from './early-churn-measure';
import { feedbackMeasure } from './feedback-measures';
import { manualMeasure } from './manual-entries';
import { NO_ACCOUNTS, type MeasureActual, type MeasureScope } from './measure-scope';
import { expansionMeasure, retentionMeasure } from './retention-measures';
import { ticketMeasure } from './ticket-measures';
import { noData } from '../../metric';

/**
 * The actual value of one measure over a scope, with its basis in words. A scope with no accounts
 * has "no data" for every CRM measure, never 0 %; manual measures only need entries.
 *
 * @example
 * measureActual('accounts_contacted', { customers, window, ownerIds: ['101'], manual: [] }).actual // => { kind: 'value', value: 75 }
 */
export function measureActual(measure: MeasureKey, scope: MeasureScope): MeasureActual {
  switch (measure) {
    case 'help_articles':
    case 'webinars':
    case 'trainings':
      return manualMeasure(measure, scope);
    case 'early_churn_rate':
      return earlyChurnMeasure(scope);
    default:
      if (scope.customers.length === 0) return { actual: noData(NO_ACCOUNTS), basis: 'no accounts' };
  }
  switch (measure) {
    case 'grr':
    case 'nrr':
    case 'logo_retention':
      return retentionMeasure(measure, scope);
    case 'expansion_mrr':
      return expansionMeasure(scope);
    case 'nps':
    case 'csat':
      return feedbackMeasure(measure, scope);
    case 'accounts_contacted':
      return accountsContacted(scope);
    case 'touches_per_account':
      return touchesPerAccount(scope);
    case 'exit_interviews':
      return exitInterviews(scope);
    case 'tickets_resolved':
    case 'median_resolution_hours':
      return ticketMeasure(measure, scope);
  }
}
