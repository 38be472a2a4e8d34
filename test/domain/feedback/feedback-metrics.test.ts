import fc from 'fast-check';
import { customerEffortScore } from '../../../src/domain/feedback/ces';
import { companyFeedback } from '../../../src/domain/feedback/company-feedback';
import { customerSatisfaction } from '../../../src/domain/feedback/csat';
import { detractorFollowUpDue } from '../../../src/domain/feedback/detractor-followup';
import { feedbackBy, feedbackByPeriod } from '../../../src/domain/feedback/feedback-slices';
import { employeeNetPromoterScore, netPromoterScore } from '../../../src/domain/feedback/nps';
import { answer, at, createMockCustomer, csat, nps } from '../fixtures/customer-fixtures';

describe('netPromoterScore', () => {
  it('subtracts the share of detractors from the share of promoters, passives in the denominator', () => {
    expect(netPromoterScore([nps(10), nps(9), nps(8), nps(3)])).toEqual({ kind: 'value', value: { score: 25, promoters: 2, passives: 1, detractors: 1, responses: 4 } });
  });

  it('is a real 0 when everyone is a passive, and no data when nobody answered', () => {
    expect(netPromoterScore([nps(7), nps(8)]).kind === 'value' && netPromoterScore([nps(7), nps(8)])).toMatchObject({ value: { score: 0 } });
    expect(netPromoterScore([])).toEqual({ kind: 'no_data', reason: 'no NPS answers' });
  });

  it('is not an average of the answers', () => {
    const result = netPromoterScore([nps(6), nps(6), nps(10)]);
    expect(result.kind === 'value' && result.value.score).toBeCloseTo(-33.333, 2);
  });

  it('ignores answers outside 0-10 and employee surveys, which eNPS counts instead', () => {
    const answers = [nps(11), nps(4.5), nps(10, undefined, { isEmployeeSurvey: true })];
    expect(netPromoterScore(answers).kind).toBe('no_data');
    expect(employeeNetPromoterScore(answers)).toMatchObject({ value: { score: 100, responses: 1 } });
  });

  it('stays within -100..100 (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (values) => {
      const r = netPromoterScore(values.map((v) => nps(v)));
      return r.kind === 'value' && r.value.score >= -100 && r.value.score <= 100;
    }));
  });
});

describe('customerSatisfaction', () => {
  it('counts 4 and 5 as satisfied on a 1-5 scale', () => {
    expect(customerSatisfaction([csat(5), csat(4), csat(2), csat(3)])).toMatchObject({ value: { score: 50, positive: 2, responses: 4 } });
  });

  it('handles another scale and counts answers outside it', () => {
    const r = customerSatisfaction([csat(9), csat(10), csat(4), csat(42)], { min: 0, max: 10, positiveFrom: 9 });
    expect(r).toMatchObject({ value: { positive: 2, responses: 3, invalid: 1 } });
  });

  it('stays within 0..100 (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }), (values) => {
      const r = customerSatisfaction(values.map((v) => csat(v)));
      return r.kind === 'value' && r.value.score >= 0 && r.value.score <= 100;
    }));
  });
});

describe('customerEffortScore', () => {
  it('averages 1-7 answers and reports the share of easy ones', () => {
    const r = customerEffortScore([answer('CES', 7), answer('CES', 5), answer('CES', 3)]);
    expect(r.kind === 'value' && r.value.average).toBeCloseTo(5);
    expect(r.kind === 'value' && r.value.easyShare).toBeCloseTo(66.667, 2);
  });
});

describe('companyFeedback', () => {
  const asOf = at('2026-11-22T00:00:00Z');

  it('uses only the trailing 365 days and says so when empty', () => {
    const customer = createMockCustomer({ feedback: [nps(10, '2025-01-01T00:00:00Z')] });
    expect(companyFeedback(customer, asOf).nps).toEqual({ kind: 'no_data', reason: 'no NPS answers in the last 365 days' });
  });

  it('lists detractors of the last 90 days and the latest one', () => {
    const customer = createMockCustomer({ feedback: [nps(2, '2026-11-01T00:00:00Z'), nps(5, '2026-05-01T00:00:00Z'), nps(9, '2026-11-10T00:00:00Z')] });
    const f = companyFeedback(customer, asOf);
    expect(f.detractorsLast90Days).toHaveLength(1);
    expect(f.latestDetractor?.value).toBe(2);
    expect(f.responseCount).toBe(3);
  });
});

describe('detractorFollowUpDue', () => {
  const asOf = at('2026-11-22T12:00:00Z');

  it('is 48 hours after a detractor answer nobody has followed up', () => {
    const customer = createMockCustomer({ contacts: [{ id: 'p1' }], feedback: [nps(3, '2026-11-21T09:00:00Z', { contactId: 'p1' })] });
    expect(detractorFollowUpDue(customer, asOf)).toEqual(at('2026-11-23T09:00:00Z'));
  });

  it('is empty once the contact was called after the answer', () => {
    const customer = createMockCustomer({
      contacts: [{ id: 'p1', lastContactedAt: at('2026-11-21T15:00:00Z') }],
      feedback: [nps(3, '2026-11-21T09:00:00Z', { contactId: 'p1' })],
    });
    expect(detractorFollowUpDue(customer, asOf)).toBeUndefined();
  });
});

describe('feedback slices', () => {
  it('groups by segment and by quarter', () => {
    const asOf = at('2026-11-22T00:00:00Z');
    const gold = createMockCustomer({ segment: 'gold', feedback: [nps(10), nps(9)] });
    const bronze = createMockCustomer({ segment: 'bronze', feedback: [nps(1)] });
    expect(feedbackBy([gold, bronze], 'segment', asOf).map((s) => [s.key, s.nps.kind === 'value' ? s.nps.value.score : null])).toEqual([['bronze', -100], ['gold', 100]]);
    expect(feedbackByPeriod([nps(10, '2026-02-01T00:00:00Z'), nps(1, '2026-05-01T00:00:00Z')], 'quarter').map((s) => s.key)).toEqual(['2026-Q1', '2026-Q2']);
  });
});
