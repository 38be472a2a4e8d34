import fc from 'fast-check';
import { COMPONENT_KEYS, DEFAULT_ENGINE_CONFIG as config, type EngineConfig } from '../../../src/domain/config/engine-config';
import { loadEngineConfig } from '../../../src/domain/config/load-engine-config';
import type { Customer, FeedbackResponse, Ticket } from '../../../src/domain/customer';
import { signalsAt } from '../../../src/domain/health/customer-signals';
import { computeScore, hasHealthData, scorecardWeights } from '../../../src/domain/health/health-score';
import { pastScore } from '../../../src/domain/health/past-score';
import { createMockCustomer, nps, ticket, wonDeal } from '../fixtures/customer-fixtures';

const DAY = 86_400_000;
const asOf = new Date('2026-11-22T00:00:00Z');

/** The trend's past score the long way: full past signals, then the full computeScore. */
function reference(customer: Customer, cfg: EngineConfig, today: Date, then: Date) {
  const current = signalsAt(customer, cfg, today);
  const { weights } = scorecardWeights(customer.segment, cfg);
  const pastSignals = signalsAt(customer, cfg, then, current);
  const full = computeScore(pastSignals, weights, cfg, false);
  return { score: full.score, contributions: full.components.map((c) => c.contribution), hasData: hasHealthData(full), heldAtCurrent: pastSignals.heldAtCurrent };
}

function lean(customer: Customer, cfg: EngineConfig, today: Date, then: Date) {
  const current = signalsAt(customer, cfg, today);
  return pastScore(customer, cfg, then, current, scorecardWeights(customer.segment, cfg).weights);
}

// Dates spread over two years around asOf, most of them in the last weeks and on whole days, so a
// record falls exactly on the past date or a window's edge often (where < and <= differ).
const dayOffset = fc.oneof(fc.integer({ min: -45, max: 5 }), fc.integer({ min: -500, max: 60 }));
const when = (offset: number, hours = 0) => new Date(asOf.getTime() + offset * DAY + hours * 3_600_000);
const maybeDate = fc.option(fc.tuple(dayOffset, fc.constantFrom(0, 0, 0, 7, 23)).map(([d, h]) => when(d, h)), { nil: undefined });

const ticketArb: fc.Arbitrary<Ticket> = fc
  .record({
    created: dayOffset,
    closedAfter: fc.option(fc.integer({ min: -2, max: 200 }), { nil: undefined }),
    priority: fc.constantFrom(undefined, 'LOW', 'MEDIUM', 'HIGH', 'URGENT' as const),
    isClosed: fc.boolean(),
    changes: fc.option(fc.array(fc.record({ at: dayOffset, closed: fc.boolean() }), { maxLength: 3 }), { nil: undefined }),
  })
  .map(({ created, closedAfter, priority, isClosed, changes }) =>
    ticket(when(created).toISOString(), {
      priority,
      isClosed,
      closedAt: closedAfter === undefined ? undefined : when(created, closedAfter * 5),
      stateChanges: changes?.map((c) => ({ at: when(c.at), closed: c.closed })).sort((a, b) => a.at.getTime() - b.at.getTime()),
    }),
  );

const answerArb: fc.Arbitrary<FeedbackResponse> = fc
  .record({
    type: fc.constantFrom('NPS', 'CSAT', 'CES', 'CUSTOM' as const),
    value: fc.oneof(fc.integer({ min: -1, max: 11 }), fc.constantFrom(2.5, Number.NaN)),
    at: dayOffset,
    employee: fc.constantFrom(undefined, false, true),
  })
  .map(({ type, value, at, employee }) => ({ id: `f${at}${value}`, surveyType: type, value, submittedAt: when(at), isEmployeeSurvey: employee }));

const customerArb: fc.Arbitrary<Customer> = fc
  .record({
    segment: fc.constantFrom(undefined, 'gold', 'silver', 'bronze'),
    tickets: fc.array(ticketArb, { maxLength: 12 }),
    feedback: fc.array(answerArb, { maxLength: 12 }),
    deals: fc.array(fc.record({ mrr: fc.option(fc.integer({ min: -100, max: 5_000 }), { nil: undefined }), start: dayOffset, months: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }) }), { maxLength: 4 }),
    lastTouchAt: maybeDate,
    usageScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    touches: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
  })
  .map((r) =>
    createMockCustomer({
      segment: r.segment,
      tickets: r.tickets,
      feedback: r.feedback,
      deals: r.deals.map((d) => wonDeal(d.mrr, when(d.start).toISOString(), d.months === undefined ? undefined : when(d.start + d.months * 30).toISOString())),
      engagement: { lastTouchAt: r.lastTouchAt, usageScore: r.usageScore, touchesLast90Days: r.touches },
    }),
  );

// A config with segment scorecards, a segment ticket norm and a 7-point CSAT scale (positive from 6), so every branch is read.
const segmented = loadEngineConfig({
  health: { segments: { gold: { usage: 40, relationship: 0 }, bronze: { sentiment: 0, commercial: 0 } }, ticketNorms: { segments: { gold: 12 } } },
  mapping: { feedback: { csatScaleMax: 7 } },
});

describe('the lean past score of the trend', () => {
  it('equals the full past computeScore number for number, on random customers, dates and configs', () => {
    fc.assert(
      fc.property(customerArb, fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constant(30)), fc.constantFrom(config, segmented), (customer, days, cfg) => {
        const then = new Date(asOf.getTime() - days * DAY);
        // toEqual compares numbers with Object.is: NaN must be NaN, and 0 is not -0.
        expect(lean(customer, cfg, asOf, then)).toEqual(reference(customer, cfg, asOf, then));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives one contribution per component, in COMPONENT_KEYS order', () => {
    const customer = createMockCustomer({ engagement: { usageScore: 50 }, feedback: [nps(10, '2026-10-01T00:00:00Z')], deals: [wonDeal(100, '2025-01-01T00:00:00Z')] });
    const past = lean(customer, config, asOf, new Date(asOf.getTime() - 30 * DAY));
    expect(past.contributions).toHaveLength(COMPONENT_KEYS.length);
    expect(past.contributions[COMPONENT_KEYS.indexOf('usage')]).toBeGreaterThan(0);
    expect(past.heldAtCurrent).toEqual(['usage']);
  });

  it('holds a touch logged after the past date at today\'s value, and says so', () => {
    const customer = createMockCustomer({ engagement: { lastTouchAt: new Date(asOf.getTime() - 3 * DAY) } });
    const past = lean(customer, config, asOf, new Date(asOf.getTime() - 30 * DAY));
    expect(past.heldAtCurrent).toEqual(['relationship']);
    expect(past).toEqual(reference(customer, config, asOf, new Date(asOf.getTime() - 30 * DAY)));
    expect(past.hasData).toBe(true);
  });

  it('finds no data for a company nobody knows anything about', () => {
    const past = lean(createMockCustomer(), config, asOf, new Date(asOf.getTime() - 30 * DAY));
    expect([past.hasData, past.score, past.heldAtCurrent]).toEqual([false, 0, []]);
  });
});
