import { createHash } from 'node:crypto';
import { DEMO_PROPERTIES, OBJECT_TYPES, type ObjectType, type SeedSink } from '../../../src/sandbox/seed-format';
import { generateDemoPortal } from '../../../src/sandbox/demo/generate-demo-portal';
import { AS_OF, DAY, linkedTo, mean, recordPortal, type RecordedPortal } from './recorded-portal';

/** A digest of every call the sink received, in order, with its arguments. */
function sinkDigest(options: { companies: number; seed: number; asOf: Date }): string {
  const hash = createHash('sha256');
  const record = (...call: unknown[]) => hash.update(`${JSON.stringify(call)}\n`);
  const sink: SeedSink = {
    owner: (o) => record('owner', o),
    pipeline: (t, p) => record('pipeline', t, p),
    property: (p) => record('property', p),
    object: (t, o) => record('object', t, o),
    associate: (...args) => record('associate', ...args),
  };
  generateDemoPortal(options, sink);
  return hash.digest('hex');
}

const customerContacts = (portal: RecordedPortal) => [...portal.objects.contacts.keys()].filter((id) => portal.associated('contacts', id, 'companies').length > 0);
const DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DATE = /^\d{4}-\d\d-\d\d$/;

describe('generateDemoPortal', () => {
  let portal: RecordedPortal;
  beforeAll(() => {
    portal = recordPortal({ companies: 500, seed: 42 });
  });

  it('sends the sink byte-identical calls for the same options, and different ones for another seed or date', () => {
    const options = { companies: 120, seed: 7, asOf: AS_OF };
    const first = sinkDigest(options);
    expect(sinkDigest({ ...options })).toBe(first);
    expect(sinkDigest({ ...options, seed: 8 })).not.toBe(first);
    expect(sinkDigest({ ...options, asOf: new Date(AS_OF.getTime() + DAY) })).not.toBe(first);
  });

  it.each([
    [{ companies: 0, seed: 1, asOf: AS_OF }, 'companies: companies must be at least 1'],
    [{ companies: 1_000_001, seed: 1, asOf: AS_OF }, 'companies: companies must be at most 1,000,000'],
    [{ companies: 2.5, seed: 1, asOf: AS_OF }, 'companies: companies must be a whole number'],
    [{ companies: '50', seed: 1, asOf: AS_OF }, 'companies: companies must be a number'],
    [{ companies: 50, seed: 0.5, asOf: AS_OF }, 'seed: seed must be a whole number'],
    [{ companies: 50, seed: 1, asOf: new Date('not a date') }, 'asOf: asOf must be a valid date'],
    [{ companies: 50, seed: 1, asOf: '2026-11-01' }, 'asOf: asOf must be a date'],
  ])('refuses %o with an error naming the field', (options, message) => {
    const sink = { owner: jest.fn(), pipeline: jest.fn(), property: jest.fn(), object: jest.fn(), associate: jest.fn() };
    expect(() => generateDemoPortal(options as never, sink)).toThrow(`demo portal: ${message}`);
    expect(sink.object).not.toHaveBeenCalled();
  });

  it('gives each company about 6 deals, 10 tickets, 2 contacts and 3 survey answers', () => {
    const companies = 500;
    const customerFeedback = [...portal.objects.feedback_submissions.values()].filter((f) => f.properties.hs_survey_name !== 'Employee NPS');
    expect(portal.objects.companies.size).toBe(companies);
    expect(portal.objects.deals.size / companies).toBeGreaterThan(5);
    expect(portal.objects.deals.size / companies).toBeLessThan(7);
    expect(portal.objects.tickets.size / companies).toBeGreaterThan(8.5);
    expect(portal.objects.tickets.size / companies).toBeLessThan(11.5);
    expect(customerContacts(portal).length / companies).toBeGreaterThan(1.8);
    expect(customerContacts(portal).length / companies).toBeLessThan(2.6);
    expect(customerFeedback.length / companies).toBeGreaterThan(2.5);
    expect(customerFeedback.length / companies).toBeLessThan(4);
    const touches = portal.objects.calls.size + portal.objects.emails.size + portal.objects.meetings.size;
    expect(touches / companies).toBeGreaterThan(3);
    expect(touches / companies).toBeLessThan(8);
  });

  it('reports in its summary exactly what the sink received', () => {
    const { summary } = portal;
    for (const type of OBJECT_TYPES) expect([type, summary.objects[type]]).toEqual([type, portal.objects[type]?.size ?? 0]);
    expect(summary.associations).toBe(portal.associations.length);
    expect(summary.owners).toBe(portal.owners.length);
    const listed = Object.values(summary.archetypes).flat().sort();
    expect(listed).toEqual([...portal.objects.companies.keys()].sort());
    expect(Object.values(summary.archetypeCounts).reduce((a, b) => a + b, 0)).toBe(500);
    for (const [archetype, ids] of Object.entries(summary.archetypes)) expect(summary.archetypeCounts[archetype as keyof typeof summary.archetypeCounts]).toBe(ids.length);
    expect(Object.values(summary.segments).reduce((a, b) => a + b, 0)).toBe(500);
    expect(Math.min(...Object.values(summary.archetypeCounts))).toBeGreaterThan(0);
  });

  it('associates only objects it seeded', () => {
    const missing = portal.associations.filter(([from, fromId, to, toId]) => !portal.objects[from]?.has(fromId) || !portal.objects[to]?.has(toId));
    expect(missing).toEqual([]);
  });

  it('writes every property value as a string, datetimes as ISO-8601 and dates as YYYY-MM-DD', () => {
    const dateProperties = new Set(['cs_contract_end_date', 'hs_recurring_billing_start_date']);
    const datetimeProperties = new Set(['createdate', 'closedate', 'closed_date', 'notes_last_contacted', 'hs_timestamp', 'hs_submission_timestamp', 'hs_start_datetime', 'hs_end_datetime', 'hs_meeting_start_time', 'hs_meeting_end_time']);
    const bad: string[] = [];
    for (const type of OBJECT_TYPES) {
      for (const object of portal.objects[type]?.values() ?? []) {
        for (const [name, value] of Object.entries(object.properties)) {
          if (typeof value !== 'string' || value === '') bad.push(`${type} ${object.id} ${name}=${String(value)}`);
          else if (dateProperties.has(name) && !DATE.test(value)) bad.push(`${type} ${object.id} ${name}=${value}`);
          else if (datetimeProperties.has(name) && !DATETIME.test(value)) bad.push(`${type} ${object.id} ${name}=${value}`);
        }
        if (!object.createdAt || !DATETIME.test(object.createdAt)) bad.push(`${type} ${object.id} createdAt=${object.createdAt}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('puts nothing that has happened after asOf', () => {
    const asOf = AS_OF.getTime();
    const late: string[] = [];
    for (const type of OBJECT_TYPES) {
      for (const object of portal.objects[type]?.values() ?? []) {
        const p = object.properties;
        const happened = [object.createdAt, p.createdate, p.hs_timestamp, p.hs_submission_timestamp, p.closed_date, p.notes_last_contacted, p.hs_recurring_billing_start_date];
        if (type === 'deals' && ['closedwon', 'closedlost', 'renewalwon', 'renewallost'].includes(p.dealstage)) happened.push(p.closedate);
        for (const value of happened) if (value !== undefined && Date.parse(value) > asOf) late.push(`${type} ${object.id} ${value}`);
      }
    }
    expect(late).toEqual([]);
  });

  it('creates each company before anything that happens around it, and its contacts before they are contacted', () => {
    const early: string[] = [];
    const created = (type: ObjectType, id: string) => Date.parse(portal.objects[type].get(id)?.createdAt ?? '');
    for (const company of portal.objects.companies.keys()) {
      const since = created('companies', company);
      for (const type of ['contacts', 'deals', 'tickets', 'calls', 'emails', 'meetings'] as const) {
        for (const id of portal.associated('companies', company, type)) if (created(type, id) < since) early.push(`${type} ${id} before company ${company}`);
      }
    }
    for (const contact of customerContacts(portal)) {
      const since = created('contacts', contact);
      for (const type of ['deals', 'tickets', 'feedback_submissions', 'calls', 'emails', 'meetings'] as const) {
        for (const id of portal.associated('contacts', contact, type)) if (created(type, id) < since) early.push(`${type} ${id} before contact ${contact}`);
      }
    }
    expect(early.slice(0, 5)).toEqual([]);
  });

  it('sets up owners in CS, sales and AM teams, the pipelines and the demo properties', () => {
    const teams = new Map<string, number>();
    for (const owner of portal.owners) for (const team of owner.teams) teams.set(team.name, (teams.get(team.name) ?? 0) + 1);
    // 500 companies: 10 CSMs + their manager, 5 reps + their manager, 2 AMs.
    expect(Object.fromEntries(teams)).toEqual({ 'Customer Success': 11, Sales: 6, 'Account Management': 2 });
    expect(new Set(portal.owners.map((o) => o.email)).size).toBe(portal.owners.length);
    expect(portal.owners.every((o) => o.userId === 70_000 + Number(o.id))).toBe(true);
    const stages = (id: string) => portal.pipelines.find((p) => p.pipeline.id === id)?.pipeline.stages.map((s) => [s.id, s.metadata.probability ?? s.metadata.ticketState]);
    expect(stages('default')).toEqual([
      ['appointmentscheduled', '0.2'], ['qualifiedtobuy', '0.4'], ['presentationscheduled', '0.6'], ['decisionmakerboughtin', '0.8'],
      ['contractsent', '0.9'], ['closedwon', '1.0'], ['closedlost', '0.0'],
    ]);
    expect(stages('0')).toEqual([['1', 'OPEN'], ['2', 'OPEN'], ['3', 'OPEN'], ['4', 'CLOSED']]);
    expect(portal.properties.map((p) => `${p.objectType}.${p.name}:${p.type}`).sort()).toEqual([
      `companies.${DEMO_PROPERTIES.companySegment}:enumeration`, `companies.${DEMO_PROPERTIES.companyUsageScore}:number`,
      `deals.${DEMO_PROPERTIES.dealChurnControllable}:bool`, `deals.${DEMO_PROPERTIES.dealContractEnd}:date`,
    ]);
  });

  it('gives every company a CSM, a segment, a usage score and a unique name and domain', () => {
    const csms = new Set(portal.owners.filter((o) => o.teams.some((t) => t.name === 'Customer Success') && o.id !== '100').map((o) => o.id));
    const companies = [...portal.objects.companies.values()];
    expect(companies.every((c) => csms.has(c.properties.hubspot_owner_id))).toBe(true);
    expect(companies.every((c) => ['gold', 'silver', 'bronze'].includes(c.properties.cs_segment))).toBe(true);
    expect(companies.every((c) => Number(c.properties.cs_usage_score) >= 0 && Number(c.properties.cs_usage_score) <= 100)).toBe(true);
    expect(new Set(companies.map((c) => c.properties.name)).size).toBe(500);
    expect(new Set(companies.map((c) => c.properties.domain)).size).toBe(500);
    expect(portal.objects.companies.get('1001')?.properties.hubspot_owner_id).toBe('101');
  });

  it('keeps notes_last_contacted on companies and contacts equal to their latest call, email or meeting', () => {
    const latest = (type: ObjectType, id: string) => {
      const times = (['calls', 'emails', 'meetings'] as const).flatMap((t) => portal.associated(type, id, t).map((e) => Date.parse(portal.objects[t].get(e)?.properties.hs_timestamp ?? '')));
      return times.length ? new Date(Math.max(...times)).toISOString() : undefined;
    };
    const wrong: string[] = [];
    for (const company of portal.objects.companies.values()) {
      if (company.properties.notes_last_contacted !== latest('companies', company.id)) wrong.push(`company ${company.id}`);
      const touches = (['calls', 'emails', 'meetings'] as const).reduce((n, t) => n + portal.associated('companies', company.id, t).length, 0);
      if (company.properties.num_contacted_notes !== String(touches)) wrong.push(`company ${company.id} count`);
    }
    for (const id of customerContacts(portal)) if (portal.objects.contacts.get(id)?.properties.notes_last_contacted !== latest('contacts', id)) wrong.push(`contact ${id}`);
    expect(wrong).toEqual([]);
  });

  it('gives each won deal one line item whose term ends with the contract', () => {
    const wrong: string[] = [];
    for (const deal of portal.objects.deals.values()) {
      const items = portal.associated('deals', deal.id, 'line_items').map((id) => portal.objects.line_items.get(id)?.properties ?? {});
      const won = ['closedwon', 'renewalwon'].includes(deal.properties.dealstage);
      if (!won) {
        if (items.length !== 0) wrong.push(`${deal.id} not won but has line items`);
        continue;
      }
      const [item] = items;
      const start = new Date(`${item?.hs_recurring_billing_start_date}T00:00:00Z`);
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + Number(item?.hs_term_in_months), start.getUTCDate()));
      const ok = items.length === 1 && item.hs_mrr === deal.properties.hs_mrr && item.recurringbillingfrequency === 'monthly'
        && item.hs_recurring_billing_period === `P${item.hs_term_in_months}M` && deal.properties.closedate.startsWith(item.hs_recurring_billing_start_date)
        && end.toISOString().slice(0, 10) === deal.properties.cs_contract_end_date && Number(deal.properties.hs_arr) === 12 * Number(deal.properties.hs_mrr)
        && Number(deal.properties.amount) === Number(deal.properties.hs_mrr) * Number(item.hs_term_in_months);
      if (!ok) wrong.push(`${deal.id} ${JSON.stringify({ deal: deal.properties, item })}`);
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('associates every deal to its company and champion, every ticket to a company and a contact, every answer to a contact', () => {
    const orphans: string[] = [];
    for (const id of portal.objects.deals.keys()) if (portal.associated('deals', id, 'companies').length !== 1 || portal.associated('deals', id, 'contacts').length !== 1) orphans.push(`deal ${id}`);
    for (const id of portal.objects.tickets.keys()) if (portal.associated('tickets', id, 'companies').length !== 1 || portal.associated('tickets', id, 'contacts').length !== 1) orphans.push(`ticket ${id}`);
    for (const id of portal.objects.feedback_submissions.keys()) if (portal.associated('feedback_submissions', id, 'contacts').length !== 1) orphans.push(`feedback ${id}`);
    for (const type of ['calls', 'emails', 'meetings'] as const) for (const id of portal.objects[type].keys()) if (portal.associated(type, id, 'companies').length !== 1 || portal.associated(type, id, 'contacts').length !== 1) orphans.push(`${type} ${id}`);
    expect(orphans).toEqual([]);
    const csat = [...portal.objects.feedback_submissions.values()].filter((f) => f.properties.hs_survey_type === 'CSAT');
    expect(csat.length).toBeGreaterThan(0);
    expect(csat.every((f) => portal.associated('feedback_submissions', f.id, 'tickets').length === 1)).toBe(true);
  });

  it('sets quarterly NRR, GRR, CSAT and accounts-contacted goals for each CSM', () => {
    const goals = [...portal.objects.goal_targets.values()].map((g) => g.properties);
    const csmUsers = portal.owners.filter((o) => Number(o.id) > 100 && Number(o.id) < 500).map((o) => String(o.userId));
    expect(goals.length).toBe(csmUsers.length * 4 * 2);
    expect(new Set(goals.map((g) => g.hs_assignee_user_id))).toEqual(new Set(csmUsers));
    const current = goals.filter((g) => g.hs_start_datetime === '2026-10-01T00:00:00.000Z');
    expect(current.every((g) => g.hs_end_datetime === '2026-12-31T23:59:59.999Z')).toBe(true);
    expect(new Set(current.map((g) => g.hs_goal_name.split(' Q4 2026')[0]))).toEqual(new Set(['NRR', 'GRR', 'CSAT', 'Accounts contacted %']));
  });

  it('writes survey answers on their own scales, with a response group and sentiment that agree', () => {
    const wrong = [...portal.objects.feedback_submissions.values()].map((f) => f.properties).filter((p) => {
      const value = Number(p.hs_value);
      const [max, good, neutral] = p.hs_survey_type === 'NPS' ? [10, 9, 7] : p.hs_survey_type === 'CSAT' ? [5, 4, 3] : [7, 5, 4];
      const level = value >= good ? 0 : value >= neutral ? 1 : 2;
      const groups = p.hs_survey_type === 'NPS' ? ['promoter', 'passive', 'detractor'] : ['satisfied', 'neutral', 'dissatisfied'];
      return !Number.isInteger(value) || value < (p.hs_survey_type === 'NPS' ? 0 : 1) || value > max || p.hs_response_group !== groups[level] || p.hs_sentiment !== ['POSITIVE', 'NEUTRAL', 'NEGATIVE'][level];
    });
    expect(wrong).toEqual([]);
    const verbatims = [...portal.objects.feedback_submissions.values()].map((f) => f.properties.hs_content).filter(Boolean);
    expect(new Set(verbatims).size).toBeGreaterThan(20);
    expect(verbatims.some((text) => /[^\x00-\x7F]/.test(text))).toBe(true);
  });

  it('keeps employee NPS answers away from every customer', () => {
    const employee = [...portal.objects.feedback_submissions.values()].filter((f) => f.properties.hs_survey_name === 'Employee NPS');
    expect(employee.length).toBe(portal.summary.employeeSurveyAnswers);
    expect(employee.length).toBeGreaterThan(5);
    for (const answer of employee) {
      const [contact] = portal.associated('feedback_submissions', answer.id, 'contacts');
      expect(portal.associated('contacts', contact, 'companies')).toEqual([]);
      expect(portal.owners.some((o) => o.email === portal.objects.contacts.get(contact)?.properties.email)).toBe(true);
    }
    for (const company of portal.objects.companies.keys()) {
      const answers = portal.associated('companies', company, 'contacts').flatMap((c) => linkedTo(portal, company, 'contacts').length ? portal.associated('contacts', c, 'feedback_submissions') : []);
      expect(answers.every((id) => portal.objects.feedback_submissions.get(id)?.properties.hs_survey_name !== 'Employee NPS')).toBe(true);
    }
  });
});
