import { StoreInputError } from '../../src/store/store-errors';
import type { CompanySnapshot } from '../../src/store/store';
import { describeOnEveryEngine } from './store-engines';

const snap = (companyId: string, day: string, score: number | null, extra: Partial<CompanySnapshot> = {}): CompanySnapshot => ({
  companyId, day, score, band: score === null ? null : score > 75 ? 'healthy' : 'neutral', riskLevel: 'low', riskScore: 12.5,
  components: { usage: 80, sentiment: null }, override: null, settingsVersion: 2, modelVersion: null, ...extra,
});

describeOnEveryEngine('snapshot repository', ({ store }) => {
  it('reads one company\'s days in a range, oldest first, with every field as written', async () => {
    await store().snapshots.write([snap('1', '2026-11-03', 70), snap('1', '2026-11-01', 60), snap('1', '2026-11-02', 65), snap('2', '2026-11-02', 90)]);
    const history = await store().snapshots.history('1', '2026-11-02', '2026-11-03');
    expect(history.map((s) => [s.day, s.score])).toEqual([['2026-11-02', 65], ['2026-11-03', 70]]);
    expect(history[0]).toEqual(snap('1', '2026-11-02', 65));
  });

  it('keeps "no data" empty: a null score and null components come back null, not 0', async () => {
    await store().snapshots.write([snap('3', '2026-11-01', null, { band: null, riskLevel: null, riskScore: null, modelVersion: 4 })]);
    const [row] = await store().snapshots.onDay('2026-11-01');
    expect(row).toMatchObject({ score: null, band: null, riskScore: null, components: { sentiment: null }, modelVersion: 4 });
  });

  it('lets a later write the same day win, also within one call', async () => {
    await store().snapshots.write([snap('1', '2026-11-01', 60)]);
    await store().snapshots.write([snap('1', '2026-11-01', 61), snap('1', '2026-11-01', 62, { override: { score: 90, reason: 'renewal signed', author: 'lea', expiresAt: '2026-12-01' } })]);
    const rows = await store().snapshots.onDay('2026-11-01');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 62, override: { score: 90, reason: 'renewal signed' } });
  });

  it('writes more rows than one statement carries, and knows the latest day', async () => {
    expect(await store().snapshots.latestDay()).toBeUndefined();
    const rows = Array.from({ length: 12_345 }, (_, i) => snap(String(i), '2026-11-28', i % 100));
    await store().snapshots.write(rows);
    await store().snapshots.write([snap('1', '2026-11-29', 50)]);
    expect(await store().snapshots.onDay('2026-11-28')).toHaveLength(12_345);
    expect(await store().snapshots.latestDay()).toBe('2026-11-29');
  });

  it('lets concurrent writers of the same companies and day both finish', async () => {
    const batch = (score: number) => Array.from({ length: 3000 }, (_, i) => snap(String(i), '2026-11-27', score));
    await Promise.all([store().snapshots.write(batch(10)), store().snapshots.write(batch(20).reverse()), store().snapshots.write(batch(30))]);
    const rows = await store().snapshots.onDay('2026-11-27');
    expect(rows).toHaveLength(3000);
    expect(new Set(rows.map((r) => r.score)).size).toBeLessThanOrEqual(3);
  });

  it('refuses a bad row naming its index and field, and stores none of the batch', async () => {
    const error = await store().snapshots.write([snap('1', '2026-11-01', 60), snap('2', '2026-02-30', 60), snap('', '2026-11-01', 60)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    expect((error as StoreInputError).issues.map((i) => i.path)).toEqual(['rows.1.day', 'rows.2.companyId']);
    expect(await store().snapshots.onDay('2026-11-01')).toEqual([]);
    await expect(store().snapshots.history('1', '2026-13-01', '2026-11-01')).rejects.toThrow('fromDay');
  });
});
