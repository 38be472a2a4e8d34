import { assessCustomer, type CustomerAssessment } from '../../../src/domain/assessment/assess-customer';
import { portfolioSummary } from '../../../src/domain/assessment/portfolio-summary';
import { DEFAULT_ENGINE_CONFIG } from '../../../src/domain/config/engine-config';
import { readCustomerPages, readPortalContext } from '../../../src/hubspot';
import { generateDemoPortal, type DemoSummary } from '../../../src/sandbox/demo/generate-demo-portal';
import { withPortal } from '../../hubspot/hubspot-test-portal';

const asOf = new Date('2026-11-01T00:00:00Z');

/** The engine on the demo portal (300 companies, seed 42), read through the real data layer. */
async function assessDemoPortal(): Promise<{ demo: DemoSummary; byId: Map<string, CustomerAssessment>; warnings: Record<string, number> }> {
  let demo: DemoSummary | undefined;
  return withPortal({ seed: (sink) => (demo = generateDemoPortal({ companies: 300, seed: 42, asOf }, sink)) }, async (gateway) => {
    const context = await readPortalContext(gateway);
    const byId = new Map<string, CustomerAssessment>();
    for await (const page of readCustomerPages(gateway, context, DEFAULT_ENGINE_CONFIG.mapping)) {
      for (const customer of page.customers) byId.set(customer.id, assessCustomer(customer, DEFAULT_ENGINE_CONFIG, asOf));
    }
    return { demo: demo as DemoSummary, byId, warnings: gateway.warnings.toJSON() };
  });
}

describe('the engine on the demo portal (golden)', () => {
  let result: Awaited<ReturnType<typeof assessDemoPortal>>;
  beforeAll(async () => {
    result = await assessDemoPortal();
  });

  const mean = (archetype: keyof DemoSummary['archetypes']) => {
    const ids = result.demo.archetypes[archetype];
    return ids.reduce((sum, id) => sum + (result.byId.get(id)?.health?.finalScore ?? NaN), 0) / ids.length;
  };

  it('ranks the archetypes the way a CSM would', () => {
    expect(mean('thriving')).toBeGreaterThan(mean('steady'));
    expect(mean('steady')).toBeGreaterThan(mean('slipping'));
    expect(mean('slipping')).toBeGreaterThan(mean('failing'));
  });

  it('puts every failing account at risk with a high churn risk, and every thriving one healthy', () => {
    for (const id of result.demo.archetypes.failing) expect([id, result.byId.get(id)?.health?.band, result.byId.get(id)?.churnRisk?.level]).toEqual([id, 'at_risk', 'high']);
    for (const id of result.demo.archetypes.thriving) expect([id, result.byId.get(id)?.health?.band]).toEqual([id, 'healthy']);
  });

  it('reads the demo portal without a single bad-value warning', () => {
    expect(result.warnings).toEqual({});
  });

  it('keeps the portfolio figures of this seed (golden: a change here is a change of behaviour)', () => {
    const summary = portfolioSummary([...result.byId.values()]);
    // Round 2: the 47 ex-customers (all of them at_risk before) are counted as churned, not scored.
    expect(summary.status).toEqual({ active: 253, churned: 47, prospect: 0 });
    expect(summary.unscored).toBe(0);
    expect(summary.bands).toEqual({ healthy: 180, neutral: 37, at_risk: 36 });
    expect(summary.risk).toEqual({ low: 192, medium: 28, high: 33 });
    expect(summary.followUpsDue).toHaveLength(41);
  });

  it('keeps ex-customers out of the at-risk list and the follow-up queue, and their feedback figures in', () => {
    const summary = portfolioSummary([...result.byId.values()], 1_000);
    const churned = [...result.byId.values()].filter((a) => a.status.status === 'churned');
    const ids = new Set(churned.map((a) => a.customerId));
    expect(summary.atRisk.filter((r) => ids.has(r.customerId))).toEqual([]);
    expect(summary.followUpsDue.filter((f) => ids.has(f.customerId))).toEqual([]);
    for (const a of churned) expect([a.customerId, a.health, a.churnRisk, a.status.churnedAt instanceof Date]).toEqual([a.customerId, undefined, undefined, true]);
    expect(churned.some((a) => a.feedback.nps.kind === 'value')).toBe(true);
  });
});
