import { FairSlots } from '../../src/portals/fair-slots';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('fair slots across portals', () => {
  it('lets a portal with a long backlog take turns with the others instead of keeping the slot', async () => {
    const slots = new FairSlots(1);
    const order: string[] = [];
    const task = (name: string) => slots.run(async () => {
      order.push(name);
      await tick();
    });
    // Portal a drains a backlog of five full syncs, one at a time as its worker does; b and c each send one while a's first runs.
    const backlog = (async () => {
      for (let i = 1; i <= 5; i += 1) await task(`a${i}`);
    })();
    await Promise.resolve();
    await Promise.all([task('b'), task('c'), backlog]);
    expect(order).toEqual(['a1', 'b', 'c', 'a2', 'a3', 'a4', 'a5']);
  });

  it('runs at most its size at once, and frees a slot when a task fails', async () => {
    const slots = new FairSlots(2);
    let running = 0;
    let most = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        slots.run(async () => {
          running += 1;
          most = Math.max(most, running);
          await tick();
          running -= 1;
          if (i % 2 === 0) throw new Error(`task ${i} failed`);
          return i;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(slots.waiting).toBe(0);
    expect(() => new FairSlots(0)).toThrow('slots: size must be a whole number of at least 1, not 0');
  });
});
