import { PortalContextCache, readPortalContext } from '../../src/hubspot';
import { DEFAULT_SHAPE, seedPortal, withPortal } from './hubspot-test-portal';

jest.setTimeout(60_000);
const seed = seedPortal({ ...DEFAULT_SHAPE, companies: 2, bigCompanyContacts: 0 });

describe('caching the portal context between incremental recomputes', () => {
  it('reads the context once, then costs no call until a part expires, and re-reads only that part', async () => {
    await withPortal({ seed }, async (gateway) => {
      let clock = 0;
      const cache = new PortalContextCache(gateway, { ttlMs: 1_000, now: () => clock });
      const first = await cache.get();
      expect(first).toEqual(await readPortalContext(gateway));
      const afterFirst = gateway.callCounts();
      expect(afterFirst).toEqual({ owners: 2, pipelines: 4, 'goal_targets.list': 2 }); // the cache's read plus the direct one

      clock = 999;
      await cache.get();
      expect(gateway.callCounts()).toEqual(afterFirst);

      cache.invalidate('goalTargets');
      await cache.get();
      expect(gateway.callCounts()).toEqual({ ...afterFirst, 'goal_targets.list': 3 });

      clock = 1_001; // owners and pipelines expire; the goals read at 999 are still fresh
      await cache.get();
      expect(gateway.callCounts()).toEqual({ owners: 3, pipelines: 6, 'goal_targets.list': 3 });
    });
  });

  it('re-reads the pipelines when a record names a stage it does not know, at most once per gap', async () => {
    await withPortal({ seed }, async (gateway) => {
      let clock = 0;
      const cache = new PortalContextCache(gateway, { ttlMs: 3_600_000, refreshGapMs: 60_000, now: () => clock });
      await cache.get();
      const before = gateway.callCounts().pipelines;
      const known = [...(await cache.get()).dealStages.keys()][0];
      await cache.get({ dealStages: [known], owners: ['501'] });
      expect(gateway.callCounts().pipelines).toBe(before);

      await cache.get({ dealStages: ['stage-made-yesterday'] });
      expect(gateway.callCounts().pipelines).toBe(before + 1);
      clock = 59_999;
      await cache.get({ dealStages: ['stage-made-yesterday'] });
      expect(gateway.callCounts().pipelines).toBe(before + 1);
      expect(gateway.callCounts().owners).toBe(1);
    });
  });
});
