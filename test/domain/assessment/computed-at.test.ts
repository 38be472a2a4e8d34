import { keepComputedAtWhenUnchanged } from '../../../src/domain/assessment/company-property-values';

describe('cs_health_computed_at moves only with the values', () => {
  const current = { cs_health_score: '72', cs_nps: '10', cs_csat: null, cs_health_computed_at: '2026-11-21T00:00:00.000Z' };

  it('keeps the stored time when nothing else changed (numbers compared as numbers)', () => {
    const next = { cs_health_score: '72.0', cs_nps: '10', cs_csat: null, cs_health_computed_at: '2026-11-22T00:00:00.000Z' };
    expect(keepComputedAtWhenUnchanged(next, current).cs_health_computed_at).toBe('2026-11-21T00:00:00.000Z');
  });

  it('moves it when any value changed, emptied included', () => {
    expect(keepComputedAtWhenUnchanged({ ...current, cs_health_score: '73', cs_health_computed_at: '2026-11-22T00:00:00.000Z' }, current).cs_health_computed_at).toBe('2026-11-22T00:00:00.000Z');
    expect(keepComputedAtWhenUnchanged({ ...current, cs_nps: null, cs_health_computed_at: '2026-11-22T00:00:00.000Z' }, current).cs_health_computed_at).toBe('2026-11-22T00:00:00.000Z');
  });

  it('stamps a company never computed before', () => {
    expect(keepComputedAtWhenUnchanged({ cs_nps: '10', cs_health_computed_at: '2026-11-22T00:00:00.000Z' }, { cs_nps: '10', cs_health_computed_at: null }).cs_health_computed_at).toBe('2026-11-22T00:00:00.000Z');
  });
});
