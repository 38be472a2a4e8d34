import { ChangeCoalescer, type CoalescerOptions } from '../../src/server/change-coalescer';
import type { WebhookEvent } from '../../src/server/webhook-events';

/** Deals 1..n belong to company 1000+n; a deal id above 900 has no company. */
function setup(overrides: Partial<CoalescerOptions> = {}) {
  const recomputes: string[][] = [];
  const lookups: { type: string; ids: string[] }[] = [];
  const coalescer = new ChangeCoalescer({
    companiesOf: async (type, ids) => {
      lookups.push({ type, ids });
      return ids.filter((id) => Number(id) < 900).map((id) => String(1000 + Number(id)));
    },
    recompute: async (ids) => {
      recomputes.push([...ids].sort());
    },
    ...overrides,
  });
  return { coalescer, recomputes, lookups };
}

let nextEventId = 1;
const dealChange = (dealId: number, extra: Partial<WebhookEvent> = {}): WebhookEvent => ({
  eventId: String(nextEventId++),
  subscriptionType: 'object.propertyChange',
  objectTypeId: '0-3',
  objectId: String(dealId),
  propertyName: 'amount',
  ...extra,
});
const companyChange = (companyId: number): WebhookEvent => ({ eventId: String(nextEventId++), subscriptionType: 'object.propertyChange', objectTypeId: '0-2', objectId: String(companyId) });

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('ChangeCoalescer', () => {
  it('turns a thousand changes to one company into one recompute after 5 quiet seconds', async () => {
    const { coalescer, recomputes } = setup();
    for (let i = 0; i < 1000; i += 1) coalescer.add([i % 2 ? dealChange(7) : companyChange(1007)]);
    await jest.advanceTimersByTimeAsync(4_999);
    expect(recomputes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(recomputes).toEqual([['1007']]);
    expect(coalescer.stats).toMatchObject({ eventsReceived: 1000, recomputes: 1, companiesRecomputed: 1 });
  });

  it('recomputes a steady stream within the 30-second max wait, so a change shows within a minute', async () => {
    const { coalescer, recomputes } = setup();
    for (let second = 0; second < 40; second += 1) {
      coalescer.add([dealChange(1 + (second % 3))]);
      await jest.advanceTimersByTimeAsync(1_000);
    }
    // Events every second never leave 5 quiet seconds: only the max wait fires, at 30 s.
    expect(recomputes[0]).toEqual(['1001', '1002', '1003']);
    expect(recomputes).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(30_000);
    expect(recomputes).toHaveLength(2);
  });

  it('drops redelivered event ids', async () => {
    const { coalescer, recomputes } = setup();
    const event = dealChange(4);
    coalescer.add([event, event]);
    coalescer.add([event]);
    await coalescer.flush();
    expect(coalescer.stats).toMatchObject({ eventsReceived: 3, duplicates: 2 });
    expect(recomputes).toEqual([['1004']]);
  });

  it('recomputes in batches of the configured size, one association look-up per object type', async () => {
    const { coalescer, recomputes, lookups } = setup({ batchSize: 100 });
    coalescer.add(Array.from({ length: 250 }, (_, i) => dealChange(i + 1)));
    coalescer.add([{ eventId: 'c1', subscriptionType: 'object.creation', objectTypeId: '0-5', objectId: '3' }]);
    await coalescer.flush();
    expect(lookups.map((l) => [l.type, l.ids.length])).toEqual([
      ['deals', 250],
      ['tickets', 1],
    ]);
    expect(recomputes.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(new Set(recomputes.flat()).size).toBe(250);
  });

  it('counts events about nothing it scores as ignored', async () => {
    const { coalescer, recomputes } = setup();
    coalescer.add([
      { eventId: 'l1', subscriptionType: 'object.propertyChange', objectTypeId: '0-8', objectId: '5' },
      { eventId: 'l2', subscriptionType: 'object.creation' },
    ]);
    await coalescer.flush();
    expect(coalescer.stats.ignored).toBe(2);
    expect(recomputes).toEqual([]);
  });

  it('recomputes the company at either end of an association change, even one that was removed', async () => {
    const { coalescer, recomputes } = setup();
    coalescer.add([{ eventId: 'a1', subscriptionType: 'object.associationChange', fromObjectId: '12', toObjectId: '2002', fromObjectTypeId: '0-3', toObjectTypeId: '0-2' }]);
    coalescer.add([{ eventId: 'a2', subscriptionType: 'contact.associationChange', associationType: 'CONTACT_TO_COMPANY', fromObjectId: '950', toObjectId: '3003' }]);
    await coalescer.flush();
    expect(recomputes).toEqual([['1012', '2002', '3003']]);
  });

  it('keeps failed companies pending, retries with backoff, and loses nothing', async () => {
    let failuresLeft = 2;
    const errors: string[] = [];
    const { coalescer, recomputes } = setup({
      recompute: async (ids) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('HubSpot answered 503');
        }
        recomputes.push([...ids].sort());
      },
      onError: (error, context) => errors.push(`${context.stage}: ${(error as Error).message}`),
    });
    coalescer.add([dealChange(1), dealChange(2)]);
    await jest.advanceTimersByTimeAsync(5_000); // first try fails
    expect(coalescer.pending).toBe(2);
    coalescer.add([dealChange(3)]); // arrives while waiting for the retry
    await jest.advanceTimersByTimeAsync(5_000); // second try (debounce) fails
    expect(recomputes).toEqual([]);
    await jest.advanceTimersByTimeAsync(10_000); // backoff doubled: third try succeeds
    expect(recomputes).toEqual([['1001', '1002', '1003']]);
    expect(coalescer.pending).toBe(0);
    expect(coalescer.stats).toMatchObject({ failures: 2, retries: 2, recomputes: 1, companiesRecomputed: 3 });
    expect(errors).toEqual(['recompute: HubSpot answered 503', 'recompute: HubSpot answered 503']);
  });

  it('keeps the changed deals when the association look-up fails and resolves them on the retry', async () => {
    let lookupFails = true;
    const { coalescer, recomputes } = setup({
      companiesOf: async (_type, ids) => {
        if (lookupFails) {
          lookupFails = false;
          throw new Error('connection reset');
        }
        return ids.map((id) => `c${id}`);
      },
    });
    coalescer.add([dealChange(8)]);
    await coalescer.flush();
    expect(coalescer.stats.failures).toBe(1);
    expect(coalescer.pending).toBe(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(recomputes).toEqual([['c8']]);
  });

  it('does not lose a change that arrives while its company is being recomputed', async () => {
    let release!: () => void;
    const calls: string[][] = [];
    const coalescer = new ChangeCoalescer({
      companiesOf: async () => [],
      recompute: (ids) => {
        calls.push(ids);
        return calls.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    coalescer.add([companyChange(55)]);
    const first = coalescer.flush();
    await jest.advanceTimersByTimeAsync(0);
    coalescer.add([companyChange(55)]);
    release();
    await first;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(calls).toEqual([['55'], ['55']]);
  });

  it('forgets the oldest event ids beyond its memory, so memory stays bounded', async () => {
    const { coalescer } = setup({ rememberEvents: 2 });
    const [a, b, c] = [dealChange(1), dealChange(2), dealChange(3)];
    coalescer.add([a, b, c, a]);
    expect(coalescer.stats.duplicates).toBe(0);
    coalescer.add([c]);
    expect(coalescer.stats.duplicates).toBe(1);
  });

  it('runs on an injected scheduler as well as on real timers', async () => {
    jest.useRealTimers();
    const scheduled: { run: () => void; ms: number }[] = [];
    const { coalescer, recomputes } = setup({ timers: { setTimeout: (run, ms) => scheduled.push({ run, ms }), clearTimeout: () => undefined }, now: () => 0, debounceMs: 100 });
    coalescer.add([dealChange(6)]);
    expect(scheduled.at(-1)?.ms).toBe(100);
    scheduled.at(-1)!.run();
    await coalescer.flush();
    expect(recomputes).toEqual([['1006']]);
  });
});
