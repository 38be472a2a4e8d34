import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { ensureCsProperties, type HubSpotGateway } from '../../src/hubspot';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { runFullSync } from '../../src/sync/full-sync';
import { AS_OF, withPortal } from '../hubspot/hubspot-test-portal';

const iso = (daysBefore: number) => new Date(AS_OF.getTime() - daysBefore * 86_400_000).toISOString();

/**
 * A hand-built portal: company 1 active with a contact's NPS, a CSAT tied only to its ticket and a
 * CSAT tied to both the contact and the ticket; company 2 churned (contract ended 100 days ago) with a
 * detractor; company 3 a prospect (a lost deal only).
 */
function seed(sink: SeedSink): void {
  sink.property({ objectType: 'deals', name: 'cs_contract_end_date', label: 'end', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
  const company = (id: string) => sink.object('companies', { id, createdAt: iso(800), properties: { name: `Company ${id}`, notes_last_contacted: iso(3) } });
  const deal = (id: string, companyId: string, stage: string, closed: number, end?: string) => {
    sink.object('deals', { id, createdAt: iso(closed + 10), properties: { dealname: id, amount: '12000', hs_mrr: '1000', dealstage: stage, pipeline: 'default', closedate: iso(closed), ...(end ? { cs_contract_end_date: end } : {}) } });
    sink.associate('deals', id, 'companies', companyId);
  };
  const answer = (id: string, type: string, value: number, daysBefore: number) =>
    sink.object('feedback_submissions', { id, createdAt: iso(daysBefore), properties: { hs_survey_type: type, hs_value: String(value), hs_submission_timestamp: iso(daysBefore) } });

  company('1');
  deal('201', '1', 'closedwon', 400);
  sink.object('contacts', { id: '101', createdAt: iso(500), properties: { email: 'p1@one.example', notes_last_contacted: iso(3) } });
  sink.associate('companies', '1', 'contacts', '101');
  sink.object('tickets', { id: '301', createdAt: iso(20), properties: { subject: 'T1', hs_pipeline: '0', hs_pipeline_stage: '4', hs_ticket_priority: 'LOW', createdate: iso(20), closed_date: iso(19) } });
  sink.associate('tickets', '301', 'companies', '1');
  answer('501', 'NPS', 9, 30);
  sink.associate('contacts', '101', 'feedback_submissions', '501');
  answer('502', 'CSAT', 5, 18);
  sink.associate('tickets', '301', 'feedback_submissions', '502');
  answer('503', 'CSAT', 2, 17);
  sink.associate('tickets', '301', 'feedback_submissions', '503');
  sink.associate('contacts', '101', 'feedback_submissions', '503');

  company('2');
  deal('202', '2', 'closedwon', 500, iso(100).slice(0, 10));
  sink.object('contacts', { id: '102', createdAt: iso(500), properties: { email: 'p2@two.example' } });
  sink.associate('companies', '2', 'contacts', '102');
  answer('504', 'NPS', 2, 5);
  sink.associate('contacts', '102', 'feedback_submissions', '504');

  company('3');
  deal('203', '3', 'closedlost', 60);
}

const run = (gateway: HubSpotGateway, dir: string, now: Date) =>
  runFullSync({ gateway, config: DEFAULT_ENGINE_CONFIG, checkpointPath: join(dir, 'checkpoint.jsonl'), modelPath: join(dir, 'model.json'), runKey: 'trust', now: () => now });

describe('a full sync on a hand-built portal', () => {
  it('writes status, keeps ex-customers unscored, counts ticket CSAT once, and rewrites nothing when nothing changed', async () => {
    await withPortal({ seed }, async (gateway, sandbox) => {
      await ensureCsProperties(gateway);
      const dir = mkdtempSync(join(tmpdir(), 'cs-trust-'));
      const first = await run(gateway, dir, AS_OF);
      const props = (id: string) => sandbox.store.getObject('companies', id)?.properties ?? {};

      expect(first.warnings).not.toHaveProperty(['association.malformed']);
      expect(props('1')).toMatchObject({ cs_customer_status: 'active', cs_nps: '100' });
      // CSAT: the ticket-only 5 and the 2 tied to both, counted once each: 1 of 2 satisfied = 50 %.
      expect(props('1').cs_csat).toBe('50');
      expect(props('1').cs_health_score).toMatch(/^\d+$/);

      expect(props('2')).toMatchObject({ cs_customer_status: 'churned', cs_churned_at: `${iso(100).slice(0, 10)}T00:00:00.000Z`, cs_nps: '-100' });
      for (const name of ['cs_health_score', 'cs_health_band', 'cs_churn_risk', 'cs_churn_risk_score', 'cs_detractor_followup_due']) expect([name, props('2')[name] || undefined]).toEqual([name, undefined]);

      expect(props('3')).toMatchObject({ cs_customer_status: 'prospect' });
      expect(props('3').cs_health_score || undefined).toBeUndefined();

      // The honest report is in the summary, as plain JSON.
      expect(first.churnModel).toMatchObject({ kind: 'rules', report: { used: 'rules', split: { kind: 'time' }, sample: expect.any(Object), backtest: { method: 'rules' } } });
      expect(JSON.parse(JSON.stringify(first.churnModel.report))).toEqual(first.churnModel.report);
      expect(first.nextSince).toBe(AS_OF.toISOString());

      // A minute later nothing has changed: nothing is written, the computed time stays.
      const later = new Date(AS_OF.getTime() + 60_000);
      const callsBefore = gateway.callCounts()['companies.batchUpdate'] ?? 0;
      const second = await run(gateway, dir, later);
      expect(second.companiesChanged).toBe(0);
      expect(gateway.callCounts()['companies.batchUpdate'] ?? 0).toBe(callsBefore);
      expect(props('1').cs_health_computed_at).toBe(AS_OF.toISOString());
      // The next --since is this run's start, so changes made while it ran are picked up next time.
      expect(second.nextSince).toBe(later.toISOString());
    });
  });
});
