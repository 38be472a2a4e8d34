import type { ChurnModel } from '../../src/domain/churn-risk/churn-model';
import { StoreConflictError, StoreInputError, StoreNotFoundError } from '../../src/store/store-errors';
import { describeOnEveryEngine } from './store-engines';

const t = (iso: string) => new Date(iso);
const fitted: ChurnModel = {
  kind: 'fitted',
  model: { weights: [0.5, -1.25], intercept: -2, means: [1, 2], scales: [1, 1] } as never,
  quality: { auc: 0.81, brier: 0.12, calibration: [], trainedOn: 300, heldOut: 100, churnedInHistory: 42 },
  horizonDays: 90,
  featureNames: ['usage', 'tickets'],
};

describeOnEveryEngine('entry repository', ({ store }) => {
  it('keeps each entry with who declared it and when, and lists by person and time', async () => {
    const event = await store().entries.addExceptionalEvent({ accountIds: ['c1', 'c2'], ownerIds: ['101'], reason: 'customer insolvency', declaredBy: 'mgr@vendor.example', declaredAt: t('2026-11-10T10:00:00Z'), approvedBy: 'vp@vendor.example', approvedAt: t('2026-11-11T10:00:00Z') });
    expect(event).toMatchObject({ id: 1, accountIds: ['c1', 'c2'], declaredBy: 'mgr@vendor.example', approvedBy: 'vp@vendor.example', declaredAt: t('2026-11-10T10:00:00Z') });
    await store().entries.addTransition({ ownerIds: ['101', '102'], from: t('2026-10-01T00:00:00Z'), to: t('2026-10-15T00:00:00Z'), reason: 'portfolio rebuild', declaredBy: 'mgr', declaredAt: t('2026-09-30T00:00:00Z') });
    await store().entries.addManualEntry({ measure: 'webinars', ownerId: '101', value: 2, occurredAt: t('2026-11-05T00:00:00Z'), enteredBy: 'mgr', enteredAt: t('2026-11-06T00:00:00Z'), note: 'two customer webinars' });
    await store().entries.addManualEntry({ measure: 'webinars', ownerId: '102', value: 1, occurredAt: t('2026-12-05T00:00:00Z'), enteredBy: 'mgr', enteredAt: t('2026-12-06T00:00:00Z') });

    const all = await store().entries.list();
    // Read-back dates are this realm's Dates (zod's z.date() and instanceof hold for callers).
    expect(all.events[0]!.declaredAt).toBeInstanceOf(Date);
    expect(Array.isArray(all.events[0]!.accountIds) && all.events[0]!.accountIds instanceof Array).toBe(true);
    expect([all.events.length, all.transitions.length, all.manual.length]).toEqual([1, 1, 2]);
    const november = await store().entries.list({ ownerIds: ['101'], from: t('2026-11-01T00:00:00Z'), to: t('2026-12-01T00:00:00Z') });
    expect(november.events).toHaveLength(1);
    expect(november.transitions).toEqual([]);
    expect(november.manual).toEqual([{ id: 1, measure: 'webinars', ownerId: '101', value: 2, occurredAt: t('2026-11-05T00:00:00Z'), enteredBy: 'mgr', enteredAt: t('2026-11-06T00:00:00Z'), note: 'two customer webinars' }]);
    const october102 = await store().entries.list({ ownerIds: ['102'], from: t('2026-10-10T00:00:00Z'), to: t('2026-11-01T00:00:00Z') });
    expect(october102).toMatchObject({ events: [], transitions: [{ ownerIds: ['101', '102'], from: t('2026-10-01T00:00:00Z') }], manual: [] });
  });

  it('records an approval once: a second approval is a conflict, an unknown event not found', async () => {
    const event = await store().entries.addExceptionalEvent({ accountIds: ['c1'], ownerIds: ['101'], reason: 'market shock', declaredBy: 'mgr', declaredAt: t('2026-11-10T10:00:00Z') });
    expect(event.approvedBy).toBeUndefined();
    const approved = await store().entries.approveExceptionalEvent(event.id, { approvedBy: 'vp', approvedAt: t('2026-11-12T09:00:00Z') });
    expect(approved).toMatchObject({ id: event.id, approvedBy: 'vp', approvedAt: t('2026-11-12T09:00:00Z'), declaredBy: 'mgr' });
    await expect(store().entries.approveExceptionalEvent(event.id, { approvedBy: 'other', approvedAt: t('2026-11-13T09:00:00Z') })).rejects.toBeInstanceOf(StoreConflictError);
    await expect(store().entries.approveExceptionalEvent(99, { approvedBy: 'vp', approvedAt: t('2026-11-13T09:00:00Z') })).rejects.toBeInstanceOf(StoreNotFoundError);
    expect((await store().entries.list()).events[0]!.approvedBy).toBe('vp');
  });

  it('refuses an entry that fails the domain schema, naming the field', async () => {
    const error = await store().entries.addManualEntry({ measure: 'golf' as never, ownerId: '101', value: -1, occurredAt: t('2026-11-05T00:00:00Z'), enteredBy: 'mgr', enteredAt: t('2026-11-06T00:00:00Z') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    expect((error as StoreInputError).issues.map((i) => i.path)).toEqual(['measure', 'value']);
    await expect(store().entries.addTransition({ ownerIds: ['1'], from: t('2026-10-15T00:00:00Z'), to: t('2026-10-01T00:00:00Z'), reason: 'rebuild', declaredBy: 'mgr', declaredAt: t('2026-09-30T00:00:00Z') })).rejects.toThrow('to: the transition must end after it starts');
    expect((await store().entries.list()).manual).toEqual([]);
  });
});

describeOnEveryEngine('model repository', ({ store }) => {
  it('versions each fit with its report and the settings version it was fitted under', async () => {
    expect(await store().models.latest()).toBeUndefined();
    const first = await store().models.save(fitted, { auc: { low: 0.7, high: 0.9 }, sample: 400 }, 3, t('2026-11-01T00:00:00Z'));
    const second = await store().models.save({ kind: 'rules', reason: 'too few churners' }, {}, 4, t('2026-11-02T00:00:00Z'));
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(await store().models.get(1)).toEqual({ version: 1, model: fitted, report: { auc: { low: 0.7, high: 0.9 }, sample: 400 }, fittedAt: t('2026-11-01T00:00:00Z'), settingsVersion: 3 });
    expect((await store().models.latest())?.model).toEqual({ kind: 'rules', reason: 'too few churners' });
    await expect(store().models.save(fitted, {}, -1, t('invalid'))).rejects.toThrow(/settingsVersion.*fittedAt/);
  });
});

describeOnEveryEngine('sync run repository', ({ store }) => {
  it('records a run from start to outcome, newest first', async () => {
    const a = await store().syncRuns.start({ kind: 'full', asOf: t('2026-11-01T00:00:00Z'), startedAt: t('2026-11-01T02:00:00Z'), settingsVersion: 1 });
    expect(a).toMatchObject({ id: 1, outcome: 'running', kind: 'full', settingsVersion: 1 });
    expect(a.finishedAt).toBeUndefined();
    await store().syncRuns.start({ kind: 'incremental', asOf: t('2026-11-02T00:00:00Z'), startedAt: t('2026-11-02T02:00:00Z'), settingsVersion: 1 });
    const done = await store().syncRuns.finish(a.id, { finishedAt: t('2026-11-01T02:05:00Z'), outcome: 'partial', apiCalls: 120, companiesChanged: 7, modelVersion: null, summary: { failed: ['c9'] } });
    expect(done).toMatchObject({ outcome: 'partial', apiCalls: 120, companiesChanged: 7, modelVersion: null, summary: { failed: ['c9'] } });
    expect((await store().syncRuns.recent()).map((r) => [r.id, r.outcome])).toEqual([[2, 'running'], [1, 'partial']]);
    expect(await store().syncRuns.recent(1)).toHaveLength(1);
  });

  it('names each bad field instead of failing in SQL', async () => {
    const run = await store().syncRuns.start({ kind: 'full', asOf: t('2026-11-01T00:00:00Z'), startedAt: t('2026-11-01T02:00:00Z'), settingsVersion: 1 });
    const error = await store().syncRuns.finish(run.id, { finishedAt: t('nope'), outcome: 'great' as never, apiCalls: -1, companiesChanged: 2, modelVersion: null, summary: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreInputError);
    expect((error as StoreInputError).issues.map((i) => i.path)).toEqual(['finishedAt', 'outcome', 'apiCalls']);
    await expect(store().syncRuns.start({ kind: 'nightly' as never, asOf: undefined as never, startedAt: t('2026-11-01T02:00:00Z'), settingsVersion: 1.5 })).rejects.toThrow('kind: kind must be full, incremental or dry-run; asOf: asOf must be a valid date; settingsVersion');
    await expect(store().syncRuns.recent(-1)).rejects.toThrow('limit must be a whole number from 1');
    expect((await store().syncRuns.recent())[0]!.outcome).toBe('running');
  });

  it('says so when finishing a run that does not exist', async () => {
    await expect(store().syncRuns.finish(99, { finishedAt: t('2026-11-01T02:05:00Z'), outcome: 'ok', apiCalls: 1, companiesChanged: 0, modelVersion: null, summary: {} })).rejects.toBeInstanceOf(StoreNotFoundError);
  });
});
