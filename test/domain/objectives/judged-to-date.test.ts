import { objectiveAttainment } from '../../../src/domain/objectives/objective-attainment';
import { rolePlanSchema } from '../../../src/domain/objectives/plan-schema';
import { at } from '../fixtures/customer-fixtures';
import { account, quarter } from './objective-fixtures';

// Accounts contacted only, at the individual level: the measure the issue found judged on a month to come.
const plan = rolePlanSchema.parse({ variableSharePercent: 15, levels: { individual: 100, team: 0, department: 0, company: 0 }, split: { lead: 100, lag: 0 }, measures: [{ measure: 'accounts_contacted', weight: 100, target: 80, threshold: 50 }] });
const touchedEarlyAugust = [1, 2].map((i) => account(`a${i}`, true, { engagement: { lastTouchAt: at('2026-08-05T00:00:00Z') } }));

describe('objectives judged up to asOf', () => {
  const measure = (asOf?: Date) => objectiveAttainment({ plan, period: quarter, asOf, person: { ownerId: 'ana' }, portfolio: [{ customers: touchedEarlyAugust }], scopes: {} }).levels.find((l) => l.level === 'individual')?.measures[0];

  it('judges "accounts contacted" on the month up to today, not on a month that has not happened', () => {
    // On 2026-08-15 the month judged is 2026-07-15..2026-08-15: both accounts were touched on 2026-08-05.
    expect(measure(at('2026-08-15T00:00:00Z'))).toMatchObject({ actual: { kind: 'value', value: 100 }, basis: '2 of 2 accounts touched between 2026-07-15 and 2026-08-15' });
  });

  it('judges the whole quarter only when asked at its end (what the card did before: 0 of 2, a September to come)', () => {
    expect(measure()).toMatchObject({ actual: { kind: 'value', value: 0 }, basis: '0 of 2 accounts touched between 2026-08-30 and 2026-09-30' });
  });
});
