import { assessCustomer } from '../../src/domain/assessment/assess-customer';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { healthCardExtras, replayedScoreDays } from '../../src/preview/health-card-extras';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../domain/fixtures/customer-fixtures';

const AS_OF = at('2026-11-22T12:00:00Z');
const config = DEFAULT_ENGINE_CONFIG;

/** A paying customer with steady usage whose support load jumps when two urgent tickets open on 2026-11-10. */
const customer = () =>
  createMockCustomer({
    id: 'acme',
    name: 'Acme',
    ownerId: 'o1',
    deals: [wonDeal(2000, '2025-01-01T00:00:00Z')],
    tickets: [ticket('2026-11-10T09:00:00Z', { id: 'T-1', priority: 'URGENT' }), ticket('2026-11-10T10:00:00Z', { id: 'T-2', priority: 'URGENT' })],
    feedback: [nps(9, '2026-06-01T00:00:00Z')],
    engagement: { usageScore: 80, lastTouchAt: at('2026-11-20T00:00:00Z') },
  });

describe('the preview\'s replayed health history', () => {
  it('gives one day per UTC day back a year, ending today with the score the card shows', () => {
    const c = customer();
    const assessment = assessCustomer(c, config, AS_OF);
    const days = replayedScoreDays(c, assessment, config);
    expect(days).toHaveLength(365);
    expect(days[0].day).toBe('2025-11-23');
    expect(days.at(-1)?.day).toBe('2026-11-22');
    expect(days.at(-1)?.score).toBe(Math.round(assessment.health?.finalScore ?? NaN));
    expect(new Set(days.map((d) => d.day)).size).toBe(365);
  });

  it('puts the tickets behind the day the support load fell, in the ledger', () => {
    const c = customer();
    const extras = healthCardExtras(c, assessCustomer(c, config, AS_OF), config, [{ id: 'o1', firstName: 'Ana', lastName: 'Lima', teamIds: [] }]);
    const move = extras.ledger?.changes.find((ch) => ch.toDay === '2026-11-10');
    expect(move).toBeDefined();
    expect(move?.change).toBeLessThanOrEqual(-5);
    expect(move?.movers[0].key).toBe('supportLoad');
    expect(move?.records?.map((r) => r.id).sort()).toEqual(['T-1', 'T-2']);
    expect(extras.componentLabels?.supportLoad).toBe('Support load');
    expect(extras.followUp).toBeUndefined();
  });

  it('marks only today as held by a running override, so the ledger says who set it', () => {
    const c = { ...customer(), override: { score: 20, reason: 'Champion left', author: 'ana@example.com', expiresAt: at('2026-12-31T00:00:00Z') } };
    const extras = healthCardExtras(c, assessCustomer(c, config, AS_OF), config, []);
    const overridden = extras.snapshots?.filter((d) => d.override) ?? [];
    expect(overridden.map((d) => d.day)).toEqual(['2026-11-22']);
    expect(overridden[0].score).toBe(20);
    expect(extras.ledger?.changes[0]).toMatchObject({ toDay: '2026-11-22', cause: 'override_set', override: { author: 'ana@example.com', reason: 'Champion left' } });
  });

  it('shows the detractor follow-up with the company owner, overdue once its 48 hours are up', () => {
    const c = { ...customer(), feedback: [nps(2, '2026-11-19T08:00:00Z')] };
    const extras = healthCardExtras(c, assessCustomer(c, config, AS_OF), config, [{ id: 'o1', firstName: 'Ana', lastName: 'Lima', teamIds: [] }]);
    expect(extras.followUp).toEqual({ due: '2026-11-21T08:00:00.000Z', overdue: true, ownerName: 'Ana Lima' });
  });

  it('a company whose records did not change in the year has a flat history and an empty ledger', () => {
    const c = createMockCustomer({ id: 'calm', deals: [wonDeal(500, '2024-01-01T00:00:00Z')], engagement: { usageScore: 70 } });
    const extras = healthCardExtras(c, assessCustomer(c, config, AS_OF), config, []);
    expect(new Set(extras.snapshots?.map((d) => d.score)).size).toBe(1);
    expect(extras.ledger).toEqual({ minPoints: 5, changes: [] });
  });
});
