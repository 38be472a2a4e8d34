import { benchFreshness, p50, p95 } from '../../src/bench/freshness-bench';

describe('the freshness bench measures webhook to property on the sandbox', () => {
  it('sees every change rewritten on its company, no sooner with the debounce than its two waits, and counts the calls', async () => {
    const lines: string[] = [];
    const [shipped, floor] = await benchFreshness({ companies: 300, changes: 3, intervalSeconds: 0.5, log: (line) => lines.push(line) });
    for (const run of [shipped!, floor!]) {
      expect(run).toMatchObject({ changes: 3, lost: 0 });
      expect(run.seconds).toHaveLength(3);
      expect(p95(run)).toBeGreaterThanOrEqual(p50(run));
      // Every change is read and written through the app's token: at least the company's read and its write.
      expect(run.calls).toBeGreaterThanOrEqual(2 * run.changes);
      expect(run.callsByKind['companies.batchUpdate']).toBeGreaterThanOrEqual(1);
    }
    // A deal, ticket or answer waits for its resolution (1 s) and then its recompute (3 s) as shipped; the floor skips both waits.
    expect(shipped!.seconds[0]).toBeGreaterThanOrEqual(4);
    expect(lines.filter((line) => /webhook to property p50 .* s, p95 .* s, max .* s; .* API calls per change/.test(line))).toHaveLength(2);
  }, 150_000);
});
