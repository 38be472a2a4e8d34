import { SettingsValidationError } from '../../src/store/store-errors';
import type { Actor } from '../../src/store/store';
import { describeOnEveryEngine } from './store-engines';

const admin: Actor = { kind: 'user', id: '9001', email: 'admin@vendor.example' };
const at = (iso: string) => new Date(iso);
const period = { length: 'quarter', start: '2026-10-01' };

describeOnEveryEngine('settings repository', ({ store }) => {
  it('has no version on a new store, so callers use the defaults', async () => {
    expect(await store().settings.current()).toBeUndefined();
    expect(await store().settings.history()).toEqual([]);
  });

  it('stores each save as a new version with its author, time and what changed by JSON path', async () => {
    const first = await store().settings.save({ engine: { health: { weights: { usage: 30 } } }, admins: ['9001'] }, admin, at('2026-11-01T09:00:00Z'));
    expect(first).toMatchObject({ version: 1, author: admin, createdAt: at('2026-11-01T09:00:00Z') });
    expect(first.changes).toEqual({ 'engine.health.weights.usage': { new: 30 }, admins: { new: ['9001'] } });

    const second = await store().settings.save({ engine: { health: { weights: { usage: 40 } } }, plans: { period }, admins: ['9001'] }, { kind: 'cli', id: 'lea' }, at('2026-11-02T09:00:00Z'));
    expect(second.version).toBe(2);
    expect(second.changes).toEqual({ 'engine.health.weights.usage': { old: 30, new: 40 }, 'plans.period.length': { new: 'quarter' }, 'plans.period.start': { new: '2026-10-01' } });

    expect((await store().settings.current())?.version).toBe(2);
    expect((await store().settings.get(1))?.document).toEqual({ engine: { health: { weights: { usage: 30 } } }, admins: ['9001'] });
    expect((await store().settings.history()).map((v) => v.version)).toEqual([2, 1]);
    expect((await store().settings.history(1)).map((v) => v.version)).toEqual([2]);
    expect((await store().settings.get(2))?.author).toEqual({ kind: 'cli', id: 'lea' });
  });

  it('refuses a bad change whole, naming every bad path in the engine and the plans, and stores nothing', async () => {
    await store().settings.save({ engine: {} }, admin, at('2026-11-01T09:00:00Z'));
    const bad = {
      engine: { health: { weights: { usage: 'abc' } }, churnRisk: { nonsense: 1 } },
      plans: { period: { length: 'quarter', start: '2026-10-01', end: '2026-09-01' } },
      admins: ['lea@vendor.example'],
    };
    const error = await store().settings.save(bad, admin, at('2026-11-02T09:00:00Z')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsValidationError);
    const paths = (error as SettingsValidationError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['admins.0']));
    expect((error as SettingsValidationError).code).toBe('SETTINGS_INVALID');
    // The shape check stops at admins; with admins fixed, the engine and plans issues are all named.
    const error2 = (await store().settings.save({ ...bad, admins: ['9001'] }, admin, at('2026-11-02T09:00:00Z')).catch((e: unknown) => e)) as SettingsValidationError;
    const paths2 = error2.issues.map((i) => i.path);
    expect(paths2).toEqual(expect.arrayContaining(['engine.health.weights.usage', 'engine.churnRisk', 'plans.period.end']));
    expect(error2.message).toContain('engine.health.weights.usage');
    expect((await store().settings.current())?.version).toBe(1);
    expect(await store().settings.history()).toHaveLength(1);
  });

  it('refuses a document that is not an object with engine', async () => {
    const error = (await store().settings.save({ plans: {} } as never, admin, at('2026-11-02T09:00:00Z')).catch((e: unknown) => e)) as SettingsValidationError;
    expect(error.issues.map((i) => i.path)).toContain('engine');
    expect(await store().settings.current()).toBeUndefined();
  });

  it('refuses a save without a time or author, and a version that is not a number', async () => {
    const error = (await store().settings.save({ engine: {} }, { kind: 'robot', id: '' } as never, undefined as never).catch((e: unknown) => e)) as SettingsValidationError;
    expect(error.issues.map((i) => i.path)).toEqual(['author.kind', 'author.id', 'at']);
    await expect(store().settings.get(Number.NaN)).rejects.toThrow('version must be a whole number from 1');
    expect(await store().settings.current()).toBeUndefined();
  });

  it('gives concurrent saves distinct consecutive versions', async () => {
    const saves = await Promise.all([1, 2, 3, 4, 5].map((n) => store().settings.save({ engine: { health: { weights: { usage: n } } } }, admin, at('2026-11-01T09:00:00Z'))));
    expect(saves.map((s) => s.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
