import fc from 'fast-check';
import { customerEffortScore } from '../../../src/domain/feedback/ces';
import { companyFeedback, feedbackInWindow } from '../../../src/domain/feedback/company-feedback';
import { customerSatisfaction } from '../../../src/domain/feedback/csat';
import { isDetractor, netPromoterScore } from '../../../src/domain/feedback/nps';
import type { FeedbackResponse } from '../../../src/domain/customer';
import type { Metric } from '../../../src/domain/metric';
import { answer, createMockCustomer } from '../fixtures/customer-fixtures';

const DAY = 86_400_000;
const asOf = new Date('2026-11-22T00:00:00Z');

/** Answers of every survey type and value (off-scale ones too) around a year before `asOf`, some employee surveys. */
const answers = fc.array(
  fc.record({
    type: fc.constantFrom<FeedbackResponse['surveyType']>('NPS', 'CSAT', 'CES', 'CUSTOM'),
    value: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.double({ min: -1, max: 12, noNaN: true })),
    // The edges of the windows (90 days for recent detractors, 30, 120 and 365 for the window) drawn often.
    daysBefore: fc.oneof(fc.integer({ min: -10, max: 400 }), fc.constantFrom(0, 30, 90, 120, 365)),
    employee: fc.boolean(),
  }),
  { maxLength: 30 },
);

describe('companyFeedback (one tally) against the list forms', () => {
  it('gives the metrics, count and detractors that the window copy and the per-metric functions give', () => {
    fc.assert(
      fc.property(answers, fc.constantFrom(30, 120, 365), (drawn, windowDays) => {
        const feedback = drawn.map((a) => answer(a.type, a.value, new Date(asOf.getTime() - a.daysBefore * DAY).toISOString(), { isEmployeeSurvey: a.employee }));
        const customer = createMockCustomer({ feedback });
        const inWindow = feedbackInWindow(customer, asOf, windowDays);
        const suffix = <T,>(m: Metric<T>) => (m.kind === 'no_data' ? { kind: 'no_data', reason: `${m.reason} in the last ${windowDays} days` } : m);
        const detractors = inWindow.filter(isDetractor);
        const latest = detractors.reduce<FeedbackResponse | undefined>((l, r) => (!l || r.submittedAt.getTime() > l.submittedAt.getTime() ? r : l), undefined);
        const got = companyFeedback(customer, asOf, windowDays);
        expect(got).toEqual({
          nps: suffix(netPromoterScore(inWindow)),
          csat: suffix(customerSatisfaction(inWindow)),
          ces: suffix(customerEffortScore(inWindow)),
          responseCount: inWindow.length,
          latestDetractor: latest,
          detractorsLast90Days: detractors.filter((r) => r.submittedAt.getTime() > asOf.getTime() - 90 * DAY),
        });
        expect(got.latestDetractor).toBe(latest);
      }),
      { numRuns: 500 },
    );
  });
});
