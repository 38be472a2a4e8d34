import { StoreInputError } from '../../src/store/store-errors';
import { describeOnEveryEngine } from './store-engines';

const t = (iso: string) => new Date(iso);
const statement = (overall: number, at = '2026-12-20T00:00:00Z') => ({ ownerId: '101', periodKey: '2026-Q4', body: { overall, levels: { individual: overall } }, computedAt: t(at), settingsVersion: 3 });

describeOnEveryEngine('statement repository', ({ store }) => {
  it('replaces the open version in place while the period is open', async () => {
    await store().statements.record(statement(80));
    const second = await store().statements.record(statement(85, '2026-12-21T00:00:00Z'));
    expect(second).toMatchObject({ version: 1, body: { overall: 85 }, computedAt: t('2026-12-21T00:00:00Z') });
    expect(await store().statements.versions('101', '2026-Q4')).toHaveLength(1);
  });

  it('after the lock, a changed recompute adds a version with the difference and leaves the locked one intact', async () => {
    await store().statements.record(statement(80));
    expect(await store().statements.lock('2026-Q4', t('2027-01-01T00:00:00Z'))).toBe(1);
    const after = await store().statements.record(statement(78, '2027-01-05T00:00:00Z'));
    expect(after).toMatchObject({ version: 2, body: { overall: 78 }, lockedAt: t('2027-01-01T00:00:00Z') });
    expect(after.difference).toEqual({ overall: { old: 80, new: 78 }, 'levels.individual': { old: 80, new: 78 } });
    const versions = await store().statements.versions('101', '2026-Q4');
    expect(versions.map((v) => [v.version, v.body.overall])).toEqual([[1, 80], [2, 78]]);
    expect(versions[0]!.lockedAt).toEqual(t('2027-01-01T00:00:00Z'));
    expect((await store().statements.latest('101', '2026-Q4'))?.version).toBe(2);
  });

  it('stores nothing for an unchanged recompute, before or after the lock', async () => {
    await store().statements.record(statement(80));
    const same = await store().statements.record(statement(80, '2026-12-22T00:00:00Z'));
    expect(same.computedAt).toEqual(t('2026-12-20T00:00:00Z'));
    await store().statements.lock('2026-Q4', t('2027-01-01T00:00:00Z'));
    await store().statements.record(statement(80, '2027-01-05T00:00:00Z'));
    expect(await store().statements.versions('101', '2026-Q4')).toHaveLength(1);
  });

  it('locks only open statements of the period, and lists the latest version of everyone', async () => {
    await store().statements.record(statement(80));
    await store().statements.record({ ...statement(60), ownerId: '102' });
    await store().statements.record({ ...statement(50), periodKey: '2027-Q1' });
    expect(await store().statements.lock('2026-Q4', t('2027-01-01T00:00:00Z'))).toBe(2);
    expect(await store().statements.lock('2026-Q4', t('2027-01-02T00:00:00Z'))).toBe(0);
    await store().statements.record({ ...statement(65), ownerId: '102' });
    const period = await store().statements.forPeriod('2026-Q4');
    expect(period.map((s) => [s.ownerId, s.version, s.body.overall])).toEqual([['101', 1, 80], ['102', 2, 65]]);
    expect((await store().statements.latest('101', '2027-Q1'))?.lockedAt).toBeUndefined();
  });

  it('keeps one statement when recomputes of it race (one version, the last body)', async () => {
    await Promise.all([70, 71, 72, 73, 74].map((n) => store().statements.record(statement(n))));
    const versions = await store().statements.versions('101', '2026-Q4');
    expect(versions).toHaveLength(1);
    expect([70, 71, 72, 73, 74]).toContain(versions[0]!.body.overall);
  });

  it('refuses a bad statement naming the field', async () => {
    const error = await store().statements.record({ ...statement(80), periodKey: 'Q4' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    expect((error as StoreInputError).issues[0]!.path).toBe('periodKey');
    expect(await store().statements.latest('101', 'Q4')).toBeUndefined();
  });
});
