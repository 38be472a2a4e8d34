import { readPortalContext } from '../../src/hubspot';
import { DEFAULT_SHAPE, seedPortal, withPortal } from './hubspot-test-portal';

jest.setTimeout(60_000);
const seed = seedPortal({ ...DEFAULT_SHAPE, companies: 2, bigCompanyContacts: 0 });

describe('a scoped view of the gateway (one job of several sharing a worker\'s gateway)', () => {
  it('counts only its own calls while others run at once, and each call counts in the gateway too', async () => {
    await withPortal({ seed }, async (gateway) => {
      const [a, b] = [gateway.scoped(), gateway.scoped()];
      const inner = a.scoped();
      await Promise.all([readPortalContext(a), readPortalContext(b), readPortalContext(b), readPortalContext(inner)]);
      const once = { owners: 1, pipelines: 2, 'goal_targets.list': 1 };
      expect(inner.callCounts()).toEqual(once);
      expect(a.callCounts()).toEqual({ owners: 2, pipelines: 4, 'goal_targets.list': 2 });
      expect(b.callCounts()).toEqual({ owners: 2, pipelines: 4, 'goal_targets.list': 2 });
      expect(gateway.callCounts()).toEqual({ owners: 4, pipelines: 8, 'goal_targets.list': 4 });
      expect(gateway.totalCalls()).toBe(a.totalCalls() + b.totalCalls());
      // Closing a view leaves the gateway working.
      await a.close();
      await readPortalContext(gateway);
      expect(gateway.totalCalls()).toBe(20);
    });
  });
});
