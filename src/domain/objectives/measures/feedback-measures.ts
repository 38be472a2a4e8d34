import { customerSatisfaction } from '../../feedback/csat';
import { netPromoterScore } from '../../feedback/nps';
import { value } from '../../metric';
import { within, type MeasureActual, type MeasureScope } from './measure-scope';

const answersIn = (scope: MeasureScope) => scope.customers.flatMap((c) => c.feedback.filter((f) => within(f.submittedAt, scope.window)));

/**
 * NPS or CSAT of the answers the portfolio's contacts gave within the window (the feedback module's
 * formulas: never an average of 0-10 answers).
 *
 * @example
 * feedbackMeasure('nps', scope) // => { actual: { kind: 'value', value: 25 }, basis: '2 promoters, 1 passive, 1 detractor' }
 */
export function feedbackMeasure(measure: 'nps' | 'csat', scope: MeasureScope): MeasureActual {
  if (measure === 'nps') {
    const n = netPromoterScore(answersIn(scope));
    if (n.kind === 'no_data') return { actual: n, basis: 'NPS answers in the period' };
    const { promoters, passives, detractors } = n.value;
    return { actual: value(n.value.score), basis: `${promoters} promoters, ${passives} passives, ${detractors} detractors` };
  }
  const c = customerSatisfaction(answersIn(scope));
  if (c.kind === 'no_data') return { actual: c, basis: 'CSAT answers in the period' };
  return { actual: value(c.value.score), basis: `${c.value.positive} of ${c.value.responses} answers satisfied (4-5)` };
}
