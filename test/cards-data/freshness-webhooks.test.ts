import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { webhooksMeta } from '../../src/build/hubspot-project-definition';
import { webhooksMetaSchema } from '../../src/build/hsmeta-schemas';
import { UNLINKED_ANSWER_WARNING } from '../../src/hubspot/feedback-companies';
import type { RunningSandbox } from '../../src/sandbox/server';
import { changedObjects, webhookBatchSchema } from '../../src/server/webhook-events';
import { root, translateOffline } from '../build/translate-offline';
import { eventually } from '../jobs/queue-engines';
import { PORTAL, withCardsBackend } from './card-data-harness';

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

/** A survey answered in the sandbox as HubSpot records one; answers the webhook event HubSpot posts for it. */
async function answerSurvey(sandbox: RunningSandbox, answer: { value: number; contactId?: string; at: string }) {
  const response = await fetch(`${sandbox.url}/_sandbox/survey-answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_survey_type: 'NPS', hs_value: String(answer.value), hs_submission_timestamp: answer.at }, ...(answer.contactId ? { contactId: answer.contactId } : {}), portalId: PORTAL }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string; event: Record<string, unknown> }).event;
}

describe('a new survey answer recomputes its company within seconds', () => {
  it("subscribes to the creation of feedback submissions (and a corrected value) through HubSpot's generic object webhooks", () => {
    const meta = webhooksMeta(OPTIONS);
    expect(webhooksMetaSchema.safeParse(meta).success).toBe(true);
    const answers = meta.config.subscriptions.crmObjects.filter((s) => s.objectType === 'feedback_submission').map((s) => [s.subscriptionType, (s as { propertyName?: string }).propertyName]);
    expect(answers).toEqual([['object.creation', undefined], ['object.propertyChange', 'hs_value']]);
  });

  it("HubSpot's project parser reads the assembled webhooks component with the answer subscription", () => {
    // Offline the parser checks structure only: HubSpot's component schemas are fetched per account
    // (project-parsing-lib src/lib/schemas.js, project-schemas/v3/<platformVersion>) at upload.
    const srcDir = join(mkdtempSync(join(tmpdir(), 'cs-freshness-')), 'src');
    try {
      assembleHubSpotProject({ root, srcDir, ...OPTIONS });
      const parsed = translateOffline(srcDir);
      expect(parsed.error).toBeUndefined();
      const webhooks = Object.values(parsed.nodes).find((node) => node.componentType === 'WEBHOOKS');
      expect(webhooks?.errors ?? []).toEqual([]);
      const crmObjects = (webhooks?.config.subscriptions as { crmObjects: { objectType: string; subscriptionType: string }[] }).crmObjects;
      expect(crmObjects).toContainEqual({ subscriptionType: 'object.creation', objectType: 'feedback_submission', active: true });
    } finally {
      rmSync(join(srcDir, '..'), { recursive: true, force: true });
    }
  });

  it('an answer creation event names the answer to resolve (type id 0-19), as the sandbox posts it', () => {
    const [event] = webhookBatchSchema.parse([{ eventId: 'e1', subscriptionType: 'object.creation', objectTypeId: '0-19', objectId: 400007, portalId: 42, occurredAt: 1_763_640_000_000, changeSource: 'FORM' }]);
    expect(changedObjects(event)).toEqual([{ type: 'feedback_submissions', id: '400007' }]);
  });

  it('a detractor answer posted as HubSpot signs it becomes a durable job and rewrites the company; an answer of nobody is a counted warning', async () => {
    await withCardsBackend(async ({ call, api, sandbox, gateway }) => {
      const company = async () => (await api.crm.companies.basicApi.getById('2', ['cs_nps', 'cs_health_score', 'cs_detractor_followup_due'])).properties;
      // Initech (company 2): its contact's detractor (2) of 2026-11-19, plus a promoter (10) today, recomputed once: NPS (1 - 1) / 2 = 0.
      await answerSurvey(sandbox, { value: 10, contactId: '100002', at: '2026-11-20T08:00:00Z' });
      expect((await call('/hubspot/workflow-actions/recompute-health', { callbackId: 'cb-1', origin: { portalId: PORTAL }, object: { objectId: 2, objectType: 'COMPANY' } })).status).toBe(200);
      const before = await company();
      expect(before.cs_nps).toBe('0');

      const detractor = await answerSurvey(sandbox, { value: 3, contactId: '100002', at: '2026-11-20T10:00:00Z' });
      const nobodys = await answerSurvey(sandbox, { value: 0, at: '2026-11-20T10:00:00Z' });
      const answer = await call('/hubspot/webhooks', [detractor, nobodys]);
      expect(answer).toMatchObject({ status: 200, json: { accepted: 2 } });

      // One promoter, two detractors: (1 - 2) / 3 = -33.
      let after = before;
      await eventually(async () => {
        after = await company();
        expect(after.cs_nps).toBe('-33');
      }, 90_000);
      expect(Number(after.cs_health_score)).toBeLessThan(Number(before.cs_health_score));
      expect(new Date(after.cs_detractor_followup_due as string).getTime()).toBeGreaterThan(new Date(before.cs_detractor_followup_due as string).getTime());
      // The answer nobody gave a contact for is counted, not a failed job.
      await eventually(() => expect(gateway.warnings.get(UNLINKED_ANSWER_WARNING)).toBe(1));
    });
    // Two debounced jobs (resolve, then recompute) on pg-boss over PGlite: seconds alone, more on a busy machine.
  }, 150_000);
});
