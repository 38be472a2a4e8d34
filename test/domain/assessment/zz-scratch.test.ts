import { assessCustomer } from '../../../src/domain/assessment/assess-customer';
import { portfolioSummary } from '../../../src/domain/assessment/portfolio-summary';
import { DEFAULT_ENGINE_CONFIG } from '../../../src/domain/config/engine-config';
import { readCustomerPages, readPortalContext } from '../../../src/hubspot';
import { generateDemoPortal, type DemoSummary } from '../../../src/sandbox/demo/generate-demo-portal';
import { withPortal } from '../../hubspot/hubspot-test-portal';
const asOf = new Date('2026-11-01T00:00:00Z');
it('scratch', async () => {
  let demo: DemoSummary | undefined;
  const out = await withPortal({ seed: (sink) => (demo = generateDemoPortal({ companies: 300, seed: 42, asOf }, sink)) }, async (gateway) => {
    const context = await readPortalContext(gateway);
    const rows: string[] = [];
    const kindOf = new Map<string, string>();
    for (const [k, ids] of Object.entries(demo!.archetypes)) for (const id of ids as string[]) kindOf.set(id, k);
    const tally: Record<string, Record<string, number>> = {};
    const all = [];
    for await (const page of readCustomerPages(gateway, context, DEFAULT_ENGINE_CONFIG.mapping)) {
      for (const c of page.customers) {
        const a = assessCustomer(c, DEFAULT_ENGINE_CONFIG, asOf);
        all.push(a);
        const k = `${kindOf.get(c.id)}/${c.segment}`;
        tally[k] ??= {};
        tally[k][a.health.band] = (tally[k][a.health.band] ?? 0) + 1;
        tally[k]['tix' + a.health.signals.ticketsInWindow] = (tally[k]['tix' + a.health.signals.ticketsInWindow] ?? 0) + 1;
      }
    }
    return { tally, s: portfolioSummary(all) };
  });
  console.log(JSON.stringify(out.tally, null, 0).replace(/\},/g, '},\n'), out.s.bands, out.s.risk);
});
