import { OBJECT_TYPES, type ObjectType, type SeedSink } from '../../../src/sandbox/seed-format';
import { companyName } from '../../../src/sandbox/demo/demo-company-name';
import { teamSizes } from '../../../src/sandbox/demo/demo-portal-setup';
import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal';
import { AS_OF } from './recorded-portal';

/** A sink that keeps counts only, so what stays in memory is the generator's own. */
function countingSink() {
  const counts = Object.fromEntries(OBJECT_TYPES.map((t) => [t, 0])) as Record<ObjectType, number>;
  const owners: string[] = [];
  const sink: SeedSink = { owner: (o) => void owners.push(o.id), pipeline: () => undefined, property: () => undefined, object: (t) => void (counts[t] += 1), associate: () => undefined };
  return { sink, counts, owners };
}

describe('the demo portal at scale', () => {
  it('names 100,000 companies without a duplicate name or domain', () => {
    const names = new Set<string>();
    const domains = new Set<string>();
    for (let index = 0; index < 100_000; index++) {
      const { name, domain } = companyName(index);
      names.add(name);
      domains.add(domain);
    }
    expect([names.size, domains.size]).toEqual([100_000, 100_000]);
  });

  // 20,000 keeps the suite quick under jest (100,000 take about 5 s with tsx, 16 s inside jest).
  it('streams 20,000 companies into a counting sink with the per-company averages of a small portal', () => {
    const { sink, counts, owners } = countingSink();
    const summary = generateDemoPortal({ companies: 20_000, seed: 3, asOf: AS_OF }, sink);
    expect(counts.companies).toBe(20_000);
    expect(counts.deals / 20_000).toBeGreaterThan(5);
    expect(counts.tickets / 20_000).toBeGreaterThan(8.5);
    expect(summary.objects).toEqual(counts);
    expect(owners.length).toBe(summary.owners);
    expect(new Set(owners).size).toBe(owners.length);
  });

  it('grows the teams with the portal, up to 300 CSMs, 50 reps and 6 AMs', () => {
    expect(teamSizes(50)).toEqual({ csms: 2, reps: 2, ams: 2 });
    expect(teamSizes(1000)).toEqual({ csms: 20, reps: 10, ams: 2 });
    // About 330 accounts per CSM at the largest size: more CSMs than that would be a CS department, not a team.
    expect(teamSizes(100_000)).toEqual({ csms: 300, reps: 50, ams: 6 });
  });
});
