import { portalMappingSchema } from '../../src/domain/config/portal-mapping';
import { readCustomers, readPortalContext } from '../../src/hubspot';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { withPortal } from './hubspot-test-portal';

const mapping = portalMappingSchema.parse({});

function garbagePortal(sink: SeedSink) {
  sink.property({ objectType: 'companies', name: 'cs_usage_score', label: 'u', type: 'string', fieldType: 'text', groupName: 'companyinformation' });
  sink.object('companies', { id: '1', properties: { name: 'Broken Co', cs_usage_score: 'abc', notes_last_contacted: 'not a date' } });
  const deals: Record<string, string>[] = [
    { dealstage: 'closedwon', pipeline: 'default', amount: '', hs_mrr: '100' },
    { dealstage: 'closedwon', pipeline: 'default', amount: '5000', closedate: 'yesterday-ish' },
    { dealstage: 'closedwon', pipeline: 'default', amount: '7000' },
  ];
  deals.forEach((properties, index) => {
    sink.object('deals', { id: String(10 + index), properties });
    sink.associate('deals', String(10 + index), 'companies', '1');
  });
  sink.object('tickets', { id: '20', properties: { hs_pipeline: '0', hs_pipeline_stage: '1', createdate: '2026-10-01T00:00:00Z', hs_ticket_priority: 'SOMEDAY' } });
  sink.associate('tickets', '20', 'companies', '1');
  sink.object('contacts', { id: '30', properties: { email: 'a@b.example' } });
  sink.associate('companies', '1', 'contacts', '30');
  const answers: Record<string, string>[] = [
    { hs_survey_type: 'NPS', hs_value: '', hs_submission_timestamp: '2026-10-01T00:00:00Z' },
    { hs_survey_type: 'NPS', hs_value: '42', hs_submission_timestamp: '2026-10-01T00:00:00Z' },
    { hs_survey_type: 'NPS', hs_value: '9', hs_submission_timestamp: '2026-10-01T00:00:00Z' },
  ];
  answers.forEach((properties, index) => {
    sink.object('feedback_submissions', { id: String(40 + index), properties });
    sink.associate('contacts', '30', 'feedback_submissions', String(40 + index));
  });
}

describe('garbage values in HubSpot payloads', () => {
  it('counts each bad value by kind and leaves it undefined instead of crashing or writing 0', async () => {
    await withPortal({ seed: garbagePortal }, async (gateway) => {
      const context = await readPortalContext(gateway);
      // A stage the pipelines do not know: the deal's outcome cannot be told, so the deal is skipped.
      context.dealStages.delete('closedwon');
      context.dealStages.set('closedwon-known', { pipelineId: 'default', order: 5, probability: 1, isClosed: true });
      const [unknownStage] = await readCustomers(gateway, context, mapping, ['1']);
      expect(unknownStage.deals).toEqual([]);
      expect(gateway.warnings.get('deal.stage.unknown')).toBe(3);
    });
  });

  it('keeps the good values of a record whose other values are garbage', async () => {
    await withPortal({ seed: garbagePortal }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const [customer] = await readCustomers(gateway, context, mapping, ['1']);
      expect(customer.engagement.usageScore).toBeUndefined();
      expect(customer.engagement.lastTouchAt).toBeUndefined();
      const emptyAmount = customer.deals.find((deal) => deal.id === '10');
      expect(emptyAmount?.amount).toBeUndefined();
      expect(emptyAmount?.mrr).toBe(100);
      expect(customer.deals.find((deal) => deal.id === '11')?.closedAt).toBeUndefined();
      expect(customer.tickets[0].priority).toBeUndefined();
      expect(customer.feedback.map((answer) => answer.value)).toEqual([9]);
      expect(gateway.warnings.toJSON()).toEqual({
        'company.last_contacted.invalid': 1,
        'company.usage_score.invalid': 1,
        'deal.amount.missing': 1,
        'deal.closedate.invalid': 1,
        'feedback.value.invalid': 1,
        'feedback.value.missing': 1,
        'ticket.priority.invalid': 1,
      });
    });
  });
});
