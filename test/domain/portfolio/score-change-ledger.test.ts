import { explainedScoreChanges, scoreChangeLedger, type ScoreDay } from '../../../src/domain/portfolio/score-change-ledger';
import { recordsBehind } from '../../../src/domain/portfolio/score-change-records';

const day = (d: string, score: number | null, components: Record<string, number | null>, override?: ScoreDay['override']): ScoreDay => ({ day: d, score, components, override });

describe('why did the score change', () => {
  const days = [
    day('2026-11-01', 80, { support: 90, usage: 70, sentiment: 80 }),
    day('2026-11-02', 78, { support: 85, usage: 70, sentiment: 80 }),
    day('2026-11-03', 62, { support: 30, usage: 70, sentiment: 75 }),
    day('2026-11-04', null, {}),
    day('2026-11-05', 90, { support: 30, usage: 70, sentiment: 75 }, { score: 90, reason: 'Exec sponsor confirmed renewal', author: 'ana@example.com' }),
    day('2026-11-06', 63, { support: 32, usage: 70, sentiment: 75 }),
  ];

  it('lists each move of at least N points, newest first, with the components that moved it', () => {
    const ledger = scoreChangeLedger(days, 5);
    expect(ledger.map((c) => [c.fromDay, c.toDay, c.change, c.cause])).toEqual([
      ['2026-11-05', '2026-11-06', -27, 'override_removed'],
      ['2026-11-03', '2026-11-05', 28, 'override_set'],
      ['2026-11-02', '2026-11-03', -16, 'components'],
    ]);
    expect(ledger[2].movers).toEqual([{ key: 'support', from: 85, to: 30, change: -55 }, { key: 'sentiment', from: 80, to: 75, change: -5 }]);
    expect(ledger[1].override).toEqual({ score: 90, reason: 'Exec sponsor confirmed renewal', author: 'ana@example.com' });
  });

  it('takes the threshold as given: at 2 points the 2-point dip appears too', () => {
    expect(scoreChangeLedger(days, 2).map((c) => c.toDay)).toContain('2026-11-02');
    expect(scoreChangeLedger(days, 30)).toEqual([]);
  });

  it('names a component that gained or lost its data first, since it re-spreads the weights', () => {
    const [change] = scoreChangeLedger([day('2026-11-01', 70, { usage: 60, resolution: null }), day('2026-11-02', 60, { usage: 55, resolution: 20 })], 5);
    expect(change.movers).toEqual([{ key: 'resolution', from: null, to: 20, change: 0 }, { key: 'usage', from: 60, to: 55, change: -5 }]);
  });

  it('is empty with fewer than two scored days', () => {
    expect(scoreChangeLedger([], 5)).toEqual([]);
    expect(scoreChangeLedger([day('2026-11-01', 50, {}), day('2026-11-02', null, {})], 1)).toEqual([]);
  });
});

describe('the records behind a score change', () => {
  const customer = {
    id: '11',
    tickets: [
      { id: 't1', createdAt: new Date('2026-11-03T09:00:00Z'), isClosed: false, priority: 'URGENT' as const },
      { id: 't0', createdAt: new Date('2026-11-02T23:59:00Z'), isClosed: true, closedAt: new Date('2026-11-03T10:00:00Z') },
      { id: 't9', createdAt: new Date('2026-11-04T00:00:00Z'), isClosed: false },
    ],
    feedback: [{ id: 'f1', surveyType: 'NPS' as const, value: 3, submittedAt: new Date('2026-11-03T08:00:00Z') }],
    deals: [{ id: 'd1', name: 'Renewal 2026', outcome: 'lost' as const, dealType: 'renewal', closedAt: new Date('2026-11-03T12:00:00Z'), churnReason: 'budget cut' }],
    engagement: {},
  };

  it('lists, newest first, only the events of the moved components inside (from day, to day]', () => {
    const records = recordsBehind({ fromDay: '2026-11-02', toDay: '2026-11-03', movers: [{ key: 'supportLoad', from: 85, to: 30, change: -55 }] }, customer);
    expect(records.map((r) => [r.kind, r.id, r.text])).toEqual([
      ['ticket_closed', 't0', 'Ticket t0 closed'],
      ['ticket_opened', 't1', 'Ticket t1 opened (URGENT)'],
    ]);
  });

  it('names the answer and the lost renewal when sentiment and the commercial trend moved', () => {
    const records = recordsBehind({ fromDay: '2026-11-02', toDay: '2026-11-03', movers: [{ key: 'sentiment', from: 80, to: 40, change: -40 }, { key: 'commercial', from: 70, to: 20, change: -50 }] }, customer);
    expect(records.map((r) => r.text)).toEqual(['Renewal Renewal 2026 lost: budget cut', 'NPS answer 3 received']);
  });

  it('has nothing to show for an override or a usage move (HubSpot keeps no usage history)', () => {
    expect(recordsBehind({ fromDay: '2026-11-02', toDay: '2026-11-03', movers: [] }, customer)).toEqual([]);
    expect(recordsBehind({ fromDay: '2026-11-02', toDay: '2026-11-03', movers: [{ key: 'usage', from: 80, to: 40, change: -40 }] }, customer)).toEqual([]);
  });

  it('attaches the records to each listed change of the ledger', () => {
    const days = [day('2026-11-02', 80, { supportLoad: 85 }), day('2026-11-03', 60, { supportLoad: 30 })];
    const [change] = explainedScoreChanges(days, customer, 5);
    expect(change.change).toBe(-20);
    expect(change.records.map((r) => r.id)).toEqual(['t0', 't1']);
  });
});
