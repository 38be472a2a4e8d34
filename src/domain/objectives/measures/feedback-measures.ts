import type { Customer } from '../../customer';
import { customerSatisfaction } from '../../feedback/csat';
import { netPromoterScore } from '../../feedback/nps';
import { noData, value } from '../../metric';
import type { Period } from '../../time/days';
import { within, type MeasureActual } from './measure-scope';

/**
 * NPS and CSAT of the answers the scope's contacts gave within the window, added one customer at
 * a time: each customer's answers are classified by the feedback module's formulas (never an
 * average of 0-10 answers) and only the counts are kept.
 *
 * @example
 * const t = feedbackTally(quarter); customers.forEach((c) => t.add(c));
 * t.nps() // => { actual: { kind: 'value', value: 25 }, basis: '2 promoters, 1 passives, 1 detractors' }
 */
export function feedbackTally(window: Period) {
  let promoters = 0, passives = 0, detractors = 0, positive = 0, responses = 0;
  return {
    add(customer: Customer): void {
      const answers = customer.feedback.filter((f) => within(f.submittedAt, window));
      if (answers.length === 0) return;
      const n = netPromoterScore(answers);
      if (n.kind === 'value') {
        promoters += n.value.promoters;
        passives += n.value.passives;
        detractors += n.value.detractors;
      }
      const c = customerSatisfaction(answers);
      if (c.kind === 'value') {
        positive += c.value.positive;
        responses += c.value.responses;
      }
    },
    nps(): MeasureActual {
      const total = promoters + passives + detractors;
      if (total === 0) return { actual: noData('no NPS answers'), basis: 'NPS answers in the period' };
      return { actual: value(((promoters - detractors) / total) * 100), basis: `${promoters} promoters, ${passives} passives, ${detractors} detractors` };
    },
    csat(): MeasureActual {
      if (responses === 0) return { actual: noData('no CSAT answers'), basis: 'CSAT answers in the period' };
      return { actual: value((positive / responses) * 100), basis: `${positive} of ${responses} answers satisfied (4-5)` };
    },
  };
}
