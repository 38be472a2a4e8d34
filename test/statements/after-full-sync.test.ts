import type { Owner } from '../../src/domain/customer';
import { statementsAfterFullSync } from '../../src/statements/after-full-sync';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';
import { at, createMockCustomer, wonDeal } from '../domain/fixtures/customer-fixtures';

const owners: Owner[] = [
  { id: '100', userId: 9100, teamIds: ['t1'], teamNames: ['Customer Success'] },
  { id: '501', userId: 9001, teamIds: ['t1'], teamNames: ['Customer Success'] },
];

describe('statementsAfterFullSync', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
    const customer = createMockCustomer({ id: '1', ownerId: '501', createdAt: at('2025-01-01T00:00:00Z'), deals: [wonDeal(100, '2025-01-01', '2027-12-31')], contacts: [{ id: 'p1', lastContactedAt: at('2026-11-20T00:00:00Z') }] });
    await store.companies.write([{ customer, readAt: at('2026-11-29T03:00:00Z') }]);
    await store.settings.save({ engine: {}, plans: { period: { start: '2026-11-01', length: 'month' }, managers: ['100'] }, admins: ['9100'] }, { kind: 'cli', id: 'test' }, at('2026-11-02T00:00:00Z'));
  });
  afterAll(() => store.close());

  it('computes with the plans and settings version the store holds now', async () => {
    const run = await statementsAfterFullSync({ store, context: { owners, goalTargets: [] }, asOf: at('2026-11-29T03:00:00Z') });
    expect(run.periods.map((p) => [p.periodKey, p.recorded])).toEqual([['2026-11', 2]]);
    const manager = await store.statements.latest('100', '2026-11');
    expect(manager).toMatchObject({ settingsVersion: 1, body: { role: 'cs_manager', department: 'Customer Success' } });
    expect((await store.statements.latest('501', '2026-11'))?.body).toMatchObject({ role: 'csm', scopes: { individual: { companies: 1 } } });
  });
});
