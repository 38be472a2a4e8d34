import { DEFAULT_ENGINE_CONFIG as config } from '../../../src/domain/config/engine-config';
import { firedSignals } from '../../../src/domain/churn-risk/risk-signals';
import { signalsAt, type CustomerSignals } from '../../../src/domain/health/customer-signals';
import { readComponent } from '../../../src/domain/health/health-components';
import type { ComponentKey } from '../../../src/domain/config/engine-config';
import { at, createMockCustomer } from '../fixtures/customer-fixtures';

const asOf = at('2026-11-22T00:00:00Z');
const base = signalsAt(createMockCustomer(), config, asOf);
const signals = (over: Partial<CustomerSignals>): CustomerSignals => ({ ...base, ...over });
const summary = (key: ComponentKey, s: CustomerSignals) => {
  const r = readComponent(key, s, config);
  return r.status === 'scored' ? r.summary : r.reason;
};

/** Each text read twice: built the first time, shared the second (or built again when its numbers make no key). */
const twice = (read: () => string) => {
  const first = read();
  expect(read()).toBe(first);
  return first;
};

describe('texts shared between customers read as they were built', () => {
  it('writes the readings\' summaries from their numbers, cached or not (fractions, negatives, large values)', () => {
    expect(twice(() => summary('usage', signals({ usageScore: 45.25 })))).toBe('usage score 45.3 / 100');
    expect(twice(() => summary('usage', signals({ usageScore: -3.25, touchesLast90Days: 2.5 })))).toBe('usage score -3.2 / 100, 2.5 touches in 90 days');
    expect(twice(() => summary('usage', signals({ touchesLast90Days: 1 })))).toBe('1 touch in 90 days');
    expect(twice(() => summary('resolution', signals({ medianResolutionHours: 1000.04 })))).toBe('tickets closed in a median 1000 h');
    expect(twice(() => summary('resolution', signals({ medianResolutionHours: 2.25 })))).toBe('tickets closed in a median 2.3 h');
    expect(twice(() => summary('commercial', signals({ mrrNow: 103, mrr90DaysAgo: 100 })))).toBe('MRR up 3 % over 90 days');
    expect(twice(() => summary('commercial', signals({ mrrNow: 100, mrr90DaysAgo: 100 })))).toBe('MRR flat over 90 days');
    expect(twice(() => summary('commercial', signals({ mrrNow: 99.99, mrr90DaysAgo: 100 })))).toBe('MRR down 0 % over 90 days');
    expect(twice(() => summary('relationship', signals({ daysSinceTouch: 12.9 })))).toBe('last touch 12 days ago');
    const nps = (score: number, responses: number) => ({ kind: 'value' as const, value: { score, promoters: 0, passives: 0, detractors: 0, responses } });
    const csat = (score: number) => ({ kind: 'value' as const, value: { score, positive: 1, responses: 1, invalid: 0 } });
    expect(twice(() => summary('sentiment', signals({ nps: nps(-0.4, 1), csat: csat(66.6) })))).toBe('NPS 0 (1 answer), CSAT 67 %');
    expect(twice(() => summary('sentiment', signals({ nps: nps(-100, 2000) })))).toBe('NPS -100 (2000 answers)');
    expect(twice(() => summary('supportLoad', signals({ openHighPriorityTickets: 2, ticketsInWindow: 1, customerOverTicketWindow: true })))).toBe('2 open high-priority tickets, 1 ticket in 90 days (usual: 4)');
  });

  it('writes the risk reasons from their numbers, cached or not', () => {
    const reasons = (s: CustomerSignals, health?: { score: number; band: 'healthy' | 'neutral' | 'at_risk' }) => firedSignals(s, health, config).map((f) => f.reason);
    expect(twice(() => reasons(signals({ usageScore: -5 })).join('|'))).toBe('Low product usage (-5 / 100)');
    const renewal = signals({ unrenewedEndAt: new Date(asOf.getTime() + 20.4 * 86_400_000) });
    expect(twice(() => reasons(renewal).join('|'))).toBe('Renewal in 20 days with no health score');
    expect(twice(() => reasons(renewal, { score: 40.5, band: 'at_risk' }).join('|'))).toBe('Renewal in 20 days with health 41|Health at risk (41)');
    expect(twice(() => reasons(signals({ ticketsLast30Days: 7, ticketsPrevious90Days: 4 })).join('|'))).toBe('Ticket surge: 7 tickets in 30 days vs 1.3 a month before');
  });
});
