import { webhooksMeta } from '../../src/build/hubspot-project-definition';
import { webhooksMetaSchema } from '../../src/build/hsmeta-schemas';
import { changedObjects, webhookBatchSchema } from '../../src/server/webhook-events';

const OPTIONS = { backendUrl: 'https://cs-health.example.com', tier: 'pro' as const, documentationUrl: 'https://cs-health.example.com/docs', supportUrl: 'https://cs-health.example.com/support' };
const companyChanges = (meta: ReturnType<typeof webhooksMeta>) => meta.config.subscriptions.crmObjects.filter((s) => s.objectType === 'company' && s.subscriptionType === 'object.propertyChange').map((s) => (s as { propertyName?: string }).propertyName);

describe('a changed usage score or segment triggers a recompute like deal and ticket changes', () => {
  it("subscribes to the default usage-score and segment properties, in a webhooks file the build's hsmeta schema accepts", () => {
    const meta = webhooksMeta(OPTIONS);
    expect(webhooksMetaSchema.safeParse(meta).success).toBe(true);
    expect(companyChanges(meta)).toEqual(expect.arrayContaining(['cs_usage_score', 'cs_segment']));
  });

  it('subscribes to the properties the configuration maps instead, once each', () => {
    const meta = webhooksMeta(OPTIONS, { company: { usageScore: 'product_usage_index', segment: 'customer_tier' } });
    const names = companyChanges(meta);
    expect(names).toEqual(expect.arrayContaining(['product_usage_index', 'customer_tier']));
    expect(names).not.toContain('cs_usage_score');
    expect(new Set(names).size).toBe(names.length);
    expect(companyChanges(webhooksMeta(OPTIONS, { company: { usageScore: 'tier', segment: 'tier' } })).filter((n) => n === 'tier')).toHaveLength(1);
  });

  it("a company property change event names the company to recompute (HubSpot's company type id 0-2)", () => {
    // The body HubSpot posts (ids as numbers), through the backend's own parsing.
    const [event] = webhookBatchSchema.parse([{ eventId: 1, subscriptionId: 9, portalId: 42, occurredAt: 1_763_640_000_000, subscriptionType: 'object.propertyChange', attemptNumber: 0, objectTypeId: '0-2', objectId: 7, propertyName: 'cs_usage_score', propertyValue: '12', changeSource: 'INTEGRATION' }]);
    expect(changedObjects(event)).toEqual([{ type: 'companies', id: '7' }]);
  });
});
