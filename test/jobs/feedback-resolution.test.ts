import { Writable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties } from '../../src/hubspot';
import { companiesOfFeedback, UNLINKED_ANSWER_WARNING } from '../../src/hubspot/feedback-companies';
import { InlineQueue } from '../../src/jobs/drivers/inline-queue';
import { resolveChangedRecordsPayload } from '../../src/jobs/job-definitions';
import { syncJobHandlers } from '../../src/jobs/sync-job-handlers';
import { WebhookJobSink } from '../../src/jobs/webhook-job-sink';
import { startWorker } from '../../src/jobs/worker';
import type { RunningSandbox } from '../../src/sandbox/server';
import { webhookBatchSchema } from '../../src/server/webhook-events';
import { DEFAULT_SHAPE, seedPortal, withPortal } from '../hubspot/hubspot-test-portal';
import { eventually, FAST_POLICIES } from './queue-engines';

// seedPortal: company n's contacts answered one NPS survey each, answers 400001.. in contact order.
const SHAPE = { ...DEFAULT_SHAPE, companies: 150, bigCompanyContacts: 0 };

/** A survey answered through the sandbox's control route, as HubSpot records one. */
async function answer(sandbox: RunningSandbox, links: { contactId?: string; ticketId?: string }) {
  const response = await fetch(`${sandbox.url}/_sandbox/survey-answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ properties: { hs_survey_type: 'CSAT', hs_value: '2' }, ...links }) });
  return { status: response.status, body: (await response.json()) as { id: string; event: { objectId: number; objectTypeId: string; subscriptionType: string }; errors?: { in: string }[] } };
}

describe('survey answers resolve to their companies', () => {
  it('resolves 300 answers in two rounds of association batch reads: answer -> contact, then contact -> company', async () => {
    await withPortal({ seed: seedPortal(SHAPE) }, async (gateway) => {
      const answers = Array.from({ length: 300 }, (_, i) => String(400_001 + i));
      const resolved = await companiesOfFeedback(gateway, answers);
      expect(resolved.companies).toEqual(Array.from({ length: 150 }, (_, i) => String(i + 1)));
      expect(resolved.unlinked).toEqual([]);
      // answer -> contact and answer -> ticket side by side, then contact -> company (no ticket to ask about).
      expect(gateway.callCounts()).toEqual({ 'associations.batchRead': 3 });
    });
  });

  it('reaches a company through the ticket a support survey rates, and counts an answer of nobody as a warning', async () => {
    await withPortal({ seed: seedPortal({ ...SHAPE, companies: 10 }) }, async (gateway, sandbox) => {
      // Ticket 300009 belongs to company 5 (two tickets a company); its answer names no contact.
      const rated = await answer(sandbox, { ticketId: '300009' });
      const anonymous = await answer(sandbox, {});
      expect(rated.status).toBe(201);
      expect(rated.body.event).toMatchObject({ subscriptionType: 'object.creation', objectTypeId: '0-19', objectId: Number(rated.body.id) });
      const resolved = await companiesOfFeedback(gateway, [rated.body.id, anonymous.body.id, '400017']);
      expect(resolved).toEqual({ companies: ['5', '9'], unlinked: [anonymous.body.id] });
      expect(gateway.warnings.get(UNLINKED_ANSWER_WARNING)).toBe(1);
      expect(gateway.callCounts()).toEqual({ 'associations.batchRead': 4 });
    });
  });

  it("the sandbox refuses an answer for a contact it does not have, naming the field, and stores nothing", async () => {
    await withPortal({ seed: seedPortal({ ...SHAPE, companies: 1 }) }, async (_gateway, sandbox) => {
      const before = sandbox.store.table('feedback_submissions').size;
      const refused = await answer(sandbox, { contactId: '999999' });
      expect(refused.status).toBe(404);
      expect(refused.body.errors?.map((e) => e.in)).toEqual(['contactId']);
      expect(sandbox.store.table('feedback_submissions').size).toBe(before);
    });
  });

  it('a resolve job names feedback_submissions as a type; any other type is refused naming objectType', () => {
    expect(resolveChangedRecordsPayload.safeParse({ objectType: 'feedback_submissions', ids: ['400001'], reason: 'webhook' }).success).toBe(true);
    const refused = resolveChangedRecordsPayload.safeParse({ objectType: 'line_items', ids: ['1'], reason: 'webhook' });
    expect(refused.success ? [] : refused.error.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['objectType', 'objectType must be deals, tickets, contacts or feedback_submissions']]);
  });

  it('the worker turns answer creation events into recomputes of their companies, logging the answers of nobody instead of failing', async () => {
    await withPortal({ seed: seedPortal({ ...SHAPE, companies: 10 }) }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const warnings: string[] = [];
      const logger = { info: () => undefined, warn: (_details: object, message: string) => void warnings.push(message), error: () => undefined };
      const stateDir = mkdtempSync(join(tmpdir(), 'feedback-jobs-'));
      const queue = new InlineQueue({ policies: FAST_POLICIES });
      const worker = await startWorker({ queue, handlers: syncJobHandlers({ gateway, config: DEFAULT_ENGINE_CONFIG, stateDir, portalKey: 'feedback-jobs', logger }), fullSyncCron: null, logger });
      try {
        const answered = await answer(sandbox, { contactId: '100007' });
        const anonymous = await answer(sandbox, {});
        // Through the backend's own parsing, as the webhook route hands events to the sink.
        const stored = await new WebhookJobSink(queue).add(webhookBatchSchema.parse([answered.body.event, anonymous.body.event]));
        expect(stored).toEqual({ enqueued: 2, coalesced: 0, ignored: 0 });
        // Contact 100007 is company 4's first contact.
        await eventually(() => expect(sandbox.store.getObject('companies', '4').properties.cs_health_score).toMatch(/^\d+$/));
        expect(sandbox.store.getObject('companies', '3').properties.cs_health_score).toBeUndefined();
        // The worker counts a batch once its handler has returned, just after the write the line above saw.
        await eventually(() => expect(worker.stats).toMatchObject({ recordsResolved: 2, companiesRecomputed: 1, failedBatches: 0 }));
        expect(warnings).toContain('survey answers linked to no company: nothing to recompute for them');
      } finally {
        await worker.stop();
        rmSync(stateDir, { recursive: true, force: true });
      }
    });
  });
});
