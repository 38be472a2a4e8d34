import type { Customer } from '../../src/domain/customer';
import { StoreInputError } from '../../src/store/store-errors';
import { at, createMockCustomer, nps, ticket, wonDeal } from '../domain/fixtures/customer-fixtures';
import { describeOnEveryEngine } from './store-engines';

const customer = (id: string, ownerId: string | undefined, extra: Partial<Customer> = {}): Customer =>
  createMockCustomer({
    id,
    ownerId,
    name: `Company ${id}`,
    segment: 'smb',
    createdAt: at('2025-01-02T03:04:05.678Z'),
    deals: [wonDeal(1200, '2025-02-01', '2026-01-31', { id: `d${id}`, ownerId: 'rep-1', churnReason: 'price' })],
    tickets: [ticket('2026-10-01T10:00:00Z', { id: `t${id}`, closedAt: at('2026-10-02T10:00:00Z'), isClosed: true, stateChanges: [{ at: at('2026-10-02T10:00:00Z'), closed: true }] })],
    feedback: [nps(3, '2026-11-01T08:00:00Z', { id: `f${id}`, contactId: 'c1', content: 'createdAt 2026-01-01T00:00:00Z is text, not a date' })],
    contacts: [{ id: 'c1', email: 'a@b.example', lastContactedAt: at('2026-11-20T00:00:00Z') }],
    engagement: { usageScore: 42, lastTouchAt: at('2026-11-21T00:00:00Z') },
    override: { score: 80, reason: 'renewal signed', author: 'lea', expiresAt: at('2026-12-31T00:00:00Z') },
    ...extra,
  });

describeOnEveryEngine('company record repository', ({ store }) => {
  it('gives back the customer as written, Dates as Dates, without the property values and history it drops', async () => {
    const written = customer('101', 'o1', { currentProperties: { cs_health_score: '55' }, healthHistory: [{ at: at('2026-11-01T00:00:00Z'), value: 50 }] });
    await store().companies.write([{ customer: written, readAt: at('2026-11-29T10:00:00Z') }]);
    const record = await store().companies.get('101');
    const { currentProperties: _c, healthHistory: _h, ...expected } = written;
    expect(record).toEqual({ companyId: '101', ownerId: 'o1', customer: expected, readAt: at('2026-11-29T10:00:00Z') });
    expect(record!.customer.deals[0].closedAt).toBeInstanceOf(Date);
    expect(record!.customer.feedback[0].content).toBe('createdAt 2026-01-01T00:00:00Z is text, not a date');
  });

  it('never lets an older reading replace a newer one, and lets a newer one win', async () => {
    await store().companies.write([{ customer: customer('1', 'o1', { segment: 'new' }), readAt: at('2026-11-29T10:00:00Z') }]);
    await store().companies.write([{ customer: customer('1', 'o2', { segment: 'old' }), readAt: at('2026-11-29T09:00:00Z') }]);
    expect((await store().companies.get('1'))!.customer.segment).toBe('new');
    await store().companies.write([{ customer: customer('1', 'o2', { segment: 'newer' }), readAt: at('2026-11-29T11:00:00Z') }]);
    expect(await store().companies.get('1')).toMatchObject({ ownerId: 'o2', customer: { segment: 'newer' } });
  });

  it('pages every record by company id, or only an owner book; an empty owner list names nobody', async () => {
    const readAt = at('2026-11-29T10:00:00Z');
    const owners = Array.from({ length: 2_345 }, (_, i) => (i % 3 === 0 ? 'o1' : i % 3 === 1 ? 'o2' : undefined));
    await store().companies.write(owners.map((ownerId, i) => ({ customer: customer(String(10_000 + i), ownerId), readAt })));
    const ofOwner = (id: string) => owners.filter((o) => o === id).length;
    const all: string[] = [];
    for await (const page of store().companies.pages(undefined, 1_000)) {
      expect(page.length).toBeLessThanOrEqual(1_000);
      all.push(...page.map((r) => r.companyId));
    }
    expect(all).toHaveLength(2_345);
    expect([...all].sort()).toEqual(all);
    const book: string[] = [];
    for await (const page of store().companies.pages({ ownerIds: ['o1'] }, 500)) book.push(...page.map((r) => r.companyId));
    expect(book).toHaveLength(ofOwner('o1'));
    expect(await store().companies.count({ ownerIds: ['o1', 'o2'] })).toBe(ofOwner('o1') + ofOwner('o2'));
    expect(await store().companies.count({ ownerIds: [] })).toBe(0);
    expect(await store().companies.count()).toBe(2_345);
  });

  it('gives the records of many companies in one read, leaving out the ones it does not hold', async () => {
    await store().companies.write([{ customer: customer('1', 'o1'), readAt: at('2026-11-29T10:00:00Z') }, { customer: customer('2', 'o2'), readAt: at('2026-11-29T10:00:00Z') }]);
    const found = await store().companies.getMany(['2', '1', '404', '2']);
    expect([...found.keys()].sort()).toEqual(['1', '2']);
    expect(found.get('2')).toMatchObject({ ownerId: 'o2', customer: { id: '2', deals: [{ closedAt: expect.any(Date) }] } });
    expect(await store().companies.getMany([])).toEqual(new Map());
  });

  it('drops the companies a full sync did not read again', async () => {
    await store().companies.write([{ customer: customer('1', 'o1'), readAt: at('2026-11-28T10:00:00Z') }, { customer: customer('2', 'o1'), readAt: at('2026-11-28T10:00:00Z') }]);
    await store().companies.write([{ customer: customer('2', 'o1'), readAt: at('2026-11-29T10:00:00Z') }]);
    expect(await store().companies.removeNotReadSince(at('2026-11-29T09:00:00Z'))).toBe(1);
    expect(await store().companies.get('1')).toBeUndefined();
    expect(await store().companies.get('2')).toBeDefined();
  });

  it('refuses a record without an id or read time, naming the field, and stores nothing', async () => {
    const bad = [{ customer: customer('1', 'o1'), readAt: at('2026-11-29T10:00:00Z') }, { customer: { ...customer('2', 'o1'), id: '' }, readAt: new Date('nope') }];
    await expect(store().companies.write(bad)).rejects.toThrow(StoreInputError);
    await expect(store().companies.write(bad)).rejects.toThrow(/records\.1\.customer\.id.*records\.1\.readAt/);
    expect(await store().companies.count()).toBe(0);
  });
});
