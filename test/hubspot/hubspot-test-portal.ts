import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../src/sandbox/server';
import type { SeedSink } from '../../src/sandbox/seed-format';
import { createHubSpotGateway, type HubSpotGateway, type HubSpotGatewayOptions } from '../../src/hubspot';

export const TOKEN = 'hubspot-test-token';
export const AS_OF = new Date('2026-11-01T00:00:00Z');

export interface PortalShape {
  companies: number;
  contactsPerCompany: number;
  dealsPerCompany: number;
  ticketsPerCompany: number;
  /** Extra contacts on company 1, past the inline association page (500), to force association paging. */
  bigCompanyContacts: number;
}

export const DEFAULT_SHAPE: PortalShape = { companies: 150, contactsPerCompany: 2, dealsPerCompany: 3, ticketsPerCompany: 2, bigCompanyContacts: 600 };

const iso = (daysBefore: number) => new Date(AS_OF.getTime() - daysBefore * 86_400_000).toISOString();

/** A portal with more than one page of everything; every contact answered one NPS survey. */
export function seedPortal(shape: PortalShape = DEFAULT_SHAPE) {
  return (sink: SeedSink) => {
    sink.owner({ id: '501', email: 'ana@example.com', firstName: 'Ana', lastName: 'Csm', userId: 9001, teams: [{ id: 't1', name: 'CS', primary: true }] });
    sink.owner({ id: '502', email: 'bo@example.com', firstName: 'Bo', lastName: 'Rep', userId: 9002, teams: [{ id: 't2', name: 'Sales', primary: true }] });
    for (const [name, type] of [['cs_segment', 'string'], ['cs_usage_score', 'number']] as const) {
      sink.property({ objectType: 'companies', name, label: name, type, fieldType: type === 'number' ? 'number' : 'text', groupName: 'companyinformation' });
    }
    sink.property({ objectType: 'deals', name: 'cs_contract_end_date', label: 'end', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
    sink.property({ objectType: 'deals', name: 'cs_churn_controllable', label: 'ctl', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation' });
    sink.object('goal_targets', { id: '1', properties: { hs_goal_name: 'NRR Ana', hs_target_amount: '105', hs_start_datetime: '2026-01-01T00:00:00Z', hs_end_datetime: '2026-12-31T00:00:00Z', hs_assignee_user_id: '9001' } });
    let contactId = 100_000;
    let dealId = 200_000;
    let ticketId = 300_000;
    let feedbackId = 400_000;
    for (let index = 1; index <= shape.companies; index += 1) {
      const id = String(index);
      sink.object('companies', {
        id,
        createdAt: iso(400),
        properties: { name: `Company ${index}`, hubspot_owner_id: '501', cs_segment: index % 2 ? 'gold' : 'silver', cs_usage_score: String(index % 100), notes_last_contacted: iso(index % 30) },
      });
      const contacts = shape.contactsPerCompany + (index === 1 ? shape.bigCompanyContacts : 0);
      for (let c = 0; c < contacts; c += 1) {
        contactId += 1;
        sink.object('contacts', { id: String(contactId), createdAt: iso(300), properties: { email: `p${contactId}@c${index}.example`, notes_last_contacted: iso(5) } });
        sink.associate('companies', id, 'contacts', String(contactId));
        if (c < shape.contactsPerCompany) {
          feedbackId += 1;
          sink.object('feedback_submissions', { id: String(feedbackId), createdAt: iso(20), properties: { hs_survey_type: 'NPS', hs_value: String((index + c) % 11), hs_submission_timestamp: iso(20) } });
          sink.associate('contacts', String(contactId), 'feedback_submissions', String(feedbackId));
        }
      }
      for (let d = 0; d < shape.dealsPerCompany; d += 1) {
        dealId += 1;
        sink.object('deals', {
          id: String(dealId),
          createdAt: iso(330),
          properties: { dealname: `Deal ${dealId}`, amount: String(1200 * (d + 1)), hs_mrr: String(100 * (d + 1)), dealstage: d === 2 ? 'appointmentscheduled' : 'closedwon', pipeline: 'default', closedate: iso(300), cs_contract_end_date: '2027-06-30' },
        });
        sink.associate('deals', String(dealId), 'companies', id);
      }
      for (let t = 0; t < shape.ticketsPerCompany; t += 1) {
        ticketId += 1;
        sink.object('tickets', { id: String(ticketId), createdAt: iso(40), properties: { subject: `T${ticketId}`, hs_pipeline: '0', hs_pipeline_stage: t === 0 ? '4' : '1', hs_ticket_priority: 'HIGH', createdate: iso(40), closed_date: t === 0 ? iso(30) : '' } });
        sink.associate('tickets', String(ticketId), 'companies', id);
      }
    }
  };
}

/** Starts a sandbox and a gateway on it; both closed after `run`. */
export async function withPortal<T>(
  sandboxOptions: Omit<SandboxOptions, 'port'>,
  run: (gateway: HubSpotGateway, sandbox: RunningSandbox) => Promise<T>,
  gatewayOptions: HubSpotGatewayOptions = {},
): Promise<T> {
  const sandbox = await startSandbox({ port: 0, token: TOKEN, ...sandboxOptions });
  const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN, budget: { perTenSeconds: 10_000, searchPerSecond: 100 }, ...gatewayOptions });
  try {
    return await run(gateway, sandbox);
  } finally {
    await gateway.close();
    await sandbox.close();
  }
}

/** Calls `run` makes through the gateway, all kinds together. */
export async function callsOf(gateway: HubSpotGateway, run: () => Promise<unknown>): Promise<number> {
  const before = gateway.totalCalls();
  await run();
  return gateway.totalCalls() - before;
}
