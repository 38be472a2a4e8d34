import { z } from 'zod';
import type { ObjectType, SeedSink } from '../seed-format';
import { DemoRandom } from './demo-random';
import { CHURN_REASONS, COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, INDUSTRIES, JOB_TITLES, LAST_NAMES, TICKET_SUBJECTS, VERBATIMS } from './demo-vocabulary';

/**
 * A deterministic demo portal of a B2B SaaS company, pushed into a SeedSink one record at a time.
 *
 * Property conventions (what the data layer's default mapping reads):
 * - companies: name, domain, hubspot_owner_id (a CSM), cs_segment (gold/silver/bronze), cs_usage_score (0-100),
 *   notes_last_contacted (latest call/email/meeting), createdate, industry, numberofemployees, lifecyclestage;
 * - deals: one closed-won deal per 12-month contract (dealtype newbusiness, then existingbusiness for renewals and
 *   add-ons) with hs_mrr, hs_arr, amount, closedate = contract start, cs_contract_end_date (YYYY-MM-DD); a lost
 *   renewal is a closedlost deal with closed_lost_reason and cs_churn_controllable; some open deals mid-pipeline;
 *   one line item per won deal (hs_mrr, hs_recurring_billing_start_date, hs_term_in_months);
 * - tickets: hs_pipeline "0", stages 1-3 open and 4 closed, hs_ticket_priority, createdate, closed_date, time_to_close;
 * - feedback_submissions: NPS 0-10 / CSAT 1-5 (tied to a ticket) / CES 1-7 with hs_value, hs_response_group,
 *   hs_sentiment, hs_content, hs_submission_timestamp, associated to the contact who answered;
 * - calls/emails/meetings with hs_timestamp, associated to the company and a contact; contacts' and companies'
 *   notes_last_contacted agree with them; goal_targets per CSM for the current quarter.
 * Archetypes (thriving, steady, slipping, failing, churned, reactivated, new) drive usage, tickets, answers and
 * revenue so some accounts are clearly healthy, some clearly failing, some in between.
 */
export const demoOptionsSchema = z.object({
  companies: z.number({ error: 'companies must be a number' }).int('companies must be a whole number').min(1, 'companies must be at least 1').max(100_000, 'companies must be at most 100,000'),
  seed: z.number({ error: 'seed must be a number' }).int('seed must be a whole number'),
  asOf: z.date({ error: 'asOf must be a date' }).refine((d) => !Number.isNaN(d.getTime()), { message: 'asOf must be a valid date' }),
});

export type DemoOptions = z.infer<typeof demoOptionsSchema>;
/** The demo's CS manager (owner 100, user 70100): paid on the cs_manager plan, sees the CS team. */
export const DEMO_MANAGER_OWNER_IDS = ['100'];

export const ARCHETYPES = ['thriving', 'steady', 'slipping', 'failing', 'churned', 'reactivated', 'new'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export interface DemoSummary {
  objects: Partial<Record<ObjectType, number>>;
  associations: number;
  archetypes: Record<Archetype, string[]>;
}

const DAY = 86_400_000;
const MIX: Record<Archetype, number> = { thriving: 20, steady: 30, slipping: 14, failing: 10, churned: 12, reactivated: 4, new: 10 };
const MRR_RANGE = { gold: [3000, 9000], silver: [800, 2500], bronze: [150, 600] } as const;

export function generateDemoPortal(options: DemoOptions, sink: SeedSink): DemoSummary {
  const parsed = demoOptionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`demo portal: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const { companies, seed, asOf } = parsed.data;
  const random = new DemoRandom(seed);
  const now = asOf.getTime();
  const iso = (t: number) => new Date(t).toISOString();
  const day = (t: number) => iso(t).slice(0, 10);
  const counters: Partial<Record<ObjectType, number>> = {};
  let associations = 0;
  const nextId = (type: ObjectType) => String((counters[type] = (counters[type] ?? 0) + 1) + 1000);
  const object = (type: ObjectType, properties: Record<string, string>, createdAt?: number) => {
    const id = nextId(type);
    sink.object(type, { id, properties, createdAt: createdAt === undefined ? undefined : iso(createdAt) });
    return id;
  };
  const link = (from: ObjectType, fromId: string, to: ObjectType, toId: string) => {
    sink.associate(from, fromId, to, toId);
    associations += 1;
  };

  // ---- portal setup: owners, pipelines, custom properties
  const csmCount = Math.min(200, Math.max(2, Math.ceil(companies / 50)));
  const repCount = Math.min(50, Math.max(2, Math.ceil(companies / 100)));
  const person = (id: number, team: { id: string; name: string }) => {
    const first = FIRST_NAMES[id % FIRST_NAMES.length];
    const last = LAST_NAMES[(id * 7) % LAST_NAMES.length];
    sink.owner({ id: String(id), email: `${first}.${last}.${id}@vendor.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''), firstName: first, lastName: last, userId: 70_000 + id, teams: [{ ...team, primary: true }] });
    return String(id);
  };
  const csTeam = { id: '11', name: 'Customer Success' };
  const salesTeam = { id: '12', name: 'Sales' };
  person(100, csTeam);
  const csms = Array.from({ length: csmCount }, (_, i) => person(101 + i, csTeam));
  person(500, salesTeam);
  const reps = Array.from({ length: repCount }, (_, i) => person(501 + i, salesTeam));
  const ams = [person(900, { id: '13', name: 'Account Management' }), person(901, { id: '13', name: 'Account Management' })];

  const stage = (id: string, label: string, displayOrder: number, metadata: Record<string, string>) => ({ id, label, displayOrder, metadata });
  sink.pipeline('deals', {
    id: 'default', label: 'Sales Pipeline', displayOrder: 0,
    stages: [
      stage('appointmentscheduled', 'Appointment scheduled', 0, { probability: '0.2', isClosed: 'false' }),
      stage('qualifiedtobuy', 'Qualified to buy', 1, { probability: '0.4', isClosed: 'false' }),
      stage('presentationscheduled', 'Presentation scheduled', 2, { probability: '0.6', isClosed: 'false' }),
      stage('decisionmakerboughtin', 'Decision maker bought-in', 3, { probability: '0.8', isClosed: 'false' }),
      stage('contractsent', 'Contract sent', 4, { probability: '0.9', isClosed: 'false' }),
      stage('closedwon', 'Closed won', 5, { probability: '1.0', isClosed: 'true' }),
      stage('closedlost', 'Closed lost', 6, { probability: '0.0', isClosed: 'true' }),
    ],
  });
  sink.pipeline('tickets', {
    id: '0', label: 'Support Pipeline', displayOrder: 0,
    stages: [stage('1', 'New', 0, { ticketState: 'OPEN' }), stage('2', 'Waiting on contact', 1, { ticketState: 'OPEN' }), stage('3', 'Waiting on us', 2, { ticketState: 'OPEN' }), stage('4', 'Closed', 3, { ticketState: 'CLOSED' })],
  });
  sink.property({ objectType: 'companies', name: 'cs_segment', label: 'Segment', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation', options: ['gold', 'silver', 'bronze'].map((v, i) => ({ label: v, value: v, displayOrder: i })) });
  sink.property({ objectType: 'companies', name: 'cs_usage_score', label: 'Product usage score', type: 'number', fieldType: 'number', groupName: 'companyinformation' });
  sink.property({ objectType: 'deals', name: 'cs_contract_end_date', label: 'Contract end date', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
  sink.property({ objectType: 'deals', name: 'cs_churn_controllable', label: 'Churn controllable by CS', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation', options: [{ label: 'Yes', value: 'true' }, { label: 'No', value: 'false' }] });

  const quarterStart = Date.UTC(asOf.getUTCFullYear(), Math.floor(asOf.getUTCMonth() / 3) * 3, 1);
  const quarterEnd = Date.UTC(asOf.getUTCFullYear(), Math.floor(asOf.getUTCMonth() / 3) * 3 + 3, 1) - 1000;
  for (const csm of csms) {
    for (const [goal, target] of [['NRR', 105], ['GRR', 92], ['CSAT', 85], ['Accounts contacted %', 90]] as const) {
      object('goal_targets', { hs_goal_name: `${goal} Q${Math.floor(asOf.getUTCMonth() / 3) + 1} - ${csm}`, hs_target_amount: String(target), hs_start_datetime: iso(quarterStart), hs_end_datetime: iso(quarterEnd), hs_assignee_user_id: String(70_000 + Number(csm)) }, quarterStart);
    }
  }

  const archetypes = Object.fromEntries(ARCHETYPES.map((a) => [a, [] as string[]])) as Record<Archetype, string[]>;

  for (let index = 0; index < companies; index++) {
    const kind = random.weighted(MIX);
    const segment = random.weighted({ gold: 20, silver: 35, bronze: 45 });
    const csm = csms[index % csms.length];
    const rep = reps[index % 7 === 0 ? 0 : random.int(0, reps.length - 1)];
    const [lo, hi] = MRR_RANGE[segment];
    let mrr = random.int(lo, hi);
    const firstClose = kind === 'new' ? now - random.int(10, 80) * DAY : now - random.int(420, 700) * DAY;
    const usage = { thriving: [75, 100], steady: [55, 80], slipping: [30, 55], failing: [3, 28], churned: [5, 35], reactivated: [45, 70], new: [40, 75] }[kind];
    const name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)} ${index + 1}`;
    const companyId = nextId('companies');
    archetypes[kind].push(companyId);

    // ---- contacts
    const contacts: { id: string; lastTouch?: number }[] = [];
    const contactCount = random.chance(0.25) ? 3 : 2;
    const contactIds: string[] = [];
    for (let c = 0; c < contactCount; c++) contactIds.push(nextId('contacts'));

    // ---- revenue history: 12-month contracts from the first close
    const deals: { id: string; won: boolean }[] = [];
    const contract = (start: number, end: number, monthly: number, type: string) => {
      const dealId = object('deals', {
        dealname: `${name} - ${type === 'newbusiness' ? 'New business' : 'Renewal'} ${day(start)}`, pipeline: 'default', dealstage: 'closedwon',
        amount: String(monthly * 12), hs_mrr: String(monthly), hs_arr: String(monthly * 12), closedate: iso(start), createdate: iso(start - 30 * DAY),
        dealtype: type, hubspot_owner_id: type === 'newbusiness' ? rep : random.chance(0.7) ? csm : random.pick(ams), cs_contract_end_date: day(end),
      }, start - 30 * DAY);
      link('deals', dealId, 'companies', companyId);
      link('deals', dealId, 'contacts', contactIds[0]);
      const lineItem = object('line_items', { name: `${segment} plan`, price: String(monthly), quantity: '1', hs_recurring_billing_period: 'P12M', recurringbillingfrequency: 'monthly', hs_mrr: String(monthly), hs_recurring_billing_start_date: day(start), hs_term_in_months: '12' }, start);
      link('line_items', lineItem, 'deals', dealId);
      deals.push({ id: dealId, won: true });
    };
    const lost = (at: number) => {
      const reason = random.pick(CHURN_REASONS);
      const dealId = object('deals', { dealname: `${name} - Renewal ${day(at)}`, pipeline: 'default', dealstage: 'closedlost', amount: String(mrr * 12), closedate: iso(at), createdate: iso(at - 60 * DAY), dealtype: 'existingbusiness', hubspot_owner_id: csm, closed_lost_reason: reason.reason, cs_churn_controllable: String(reason.controllable) }, at - 60 * DAY);
      link('deals', dealId, 'companies', companyId);
      deals.push({ id: dealId, won: false });
    };
    let start = firstClose;
    let term = 0;
    let churnedAt: number | undefined;
    const churnTerm = kind === 'churned' || kind === 'reactivated' ? 1 : -1;
    while (start <= now) {
      const end = start + 365 * DAY;
      if (term === churnTerm) {
        lost(start);
        churnedAt = start;
        if (kind !== 'reactivated') break;
        start += random.int(60, 150) * DAY;
        contract(start, start + 365 * DAY, mrr, 'newbusiness');
        break;
      }
      contract(start, end, mrr, term === 0 ? 'newbusiness' : 'existingbusiness');
      if (kind === 'thriving' && term === 0 && random.chance(0.8)) contract(start + 150 * DAY, end, Math.round(mrr * 0.3), 'existingbusiness');
      start = end;
      term += 1;
      if (kind === 'thriving') mrr = Math.round(mrr * 1.15);
      if ((kind === 'slipping' || kind === 'failing') && start + 365 * DAY > now) mrr = Math.round(mrr * (kind === 'failing' ? 0.7 : 0.9));
    }
    if (!churnedAt && kind !== 'new' && random.chance(0.3)) {
      const stages = ['qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent'];
      const openId = object('deals', { dealname: `${name} - Expansion`, pipeline: 'default', dealstage: random.pick(stages), amount: String(Math.round(mrr * 6)), closedate: iso(now + random.int(10, 60) * DAY), createdate: iso(now - random.int(5, 40) * DAY), dealtype: 'existingbusiness', hubspot_owner_id: random.pick(ams) }, now - 40 * DAY);
      link('deals', openId, 'companies', companyId);
    }
    // Failing accounts renew soon: their last contract ends within 90 days.
    const activeUntil = churnedAt ?? now;

    // ---- touches (calls, emails, meetings)
    const lastTouchDaysAgo = { thriving: [1, 10], steady: [4, 25], slipping: [15, 40], failing: [60, 120], churned: [5, 30], reactivated: [3, 20], new: [1, 7] }[kind];
    const touchCount = kind === 'failing' ? 2 : kind === 'thriving' ? 6 : 4;
    let companyLastTouch = 0;
    for (let t = 0; t < touchCount; t++) {
      const at = activeUntil - (t === 0 ? random.int(lastTouchDaysAgo[0], lastTouchDaysAgo[1]) : random.int(lastTouchDaysAgo[1], 300)) * DAY;
      const type = random.pick(['calls', 'emails', 'meetings'] as const);
      const contactIndex = random.int(0, contactCount - 1);
      const props: Record<string, string> = { hs_timestamp: iso(at), hubspot_owner_id: csm };
      if (type === 'calls') props.hs_call_status = 'COMPLETED';
      if (type === 'emails') props.hs_email_direction = 'EMAIL';
      if (type === 'meetings') props.hs_meeting_outcome = 'COMPLETED';
      const engagementId = object(type, props, at);
      link(type, engagementId, 'companies', companyId);
      link(type, engagementId, 'contacts', contactIds[contactIndex]);
      contacts[contactIndex] = { id: contactIds[contactIndex], lastTouch: Math.max(contacts[contactIndex]?.lastTouch ?? 0, at) };
      companyLastTouch = Math.max(companyLastTouch, at);
    }

    // ---- tickets
    const ticketCount = { thriving: 4, steady: 8, slipping: 14, failing: 16, churned: 10, reactivated: 6, new: 3 }[kind] + random.int(0, 3);
    const closedTickets: { id: string; closedAt: number; contact: string }[] = [];
    for (let t = 0; t < ticketCount; t++) {
      const recent = kind === 'slipping' ? t % 2 === 0 : kind === 'failing' ? t % 3 === 0 : false;
      const created = activeUntil - (recent ? random.int(1, 28) : random.int(30, 360)) * DAY;
      const openUrgent = kind === 'failing' && t < 3;
      const priority = openUrgent ? (t === 0 ? 'URGENT' : 'HIGH') : random.weighted({ LOW: 40, MEDIUM: 40, HIGH: 15, URGENT: 5 });
      const stillOpen = openUrgent || (created > now - 10 * DAY && random.chance(0.5));
      const hours = kind === 'failing' || kind === 'slipping' ? random.int(60, 300) : random.int(2, 48);
      const closedAt = created + hours * 3_600_000;
      const contact = contactIds[random.int(0, contactCount - 1)];
      const properties: Record<string, string> = { subject: random.pick(TICKET_SUBJECTS), hs_pipeline: '0', hs_pipeline_stage: stillOpen || closedAt > now ? random.pick(['1', '2', '3']) : '4', hs_ticket_priority: priority, createdate: iso(openUrgent ? Math.min(created, now - 8 * DAY) : created), hubspot_owner_id: csm };
      if (properties.hs_pipeline_stage === '4') {
        properties.closed_date = iso(closedAt);
        properties.time_to_close = String(hours * 3_600_000);
      }
      const ticketId = object('tickets', properties, created);
      link('tickets', ticketId, 'companies', companyId);
      link('tickets', ticketId, 'contacts', contact);
      if (properties.closed_date) closedTickets.push({ id: ticketId, closedAt, contact });
    }

    // ---- feedback
    const npsRange = { thriving: [9, 10], steady: [7, 9], slipping: [3, 6], failing: [0, 5], churned: [2, 6], reactivated: [6, 9], new: [7, 10] }[kind];
    const answer = (type: 'NPS' | 'CSAT' | 'CES', value: number, at: number, contact: string, ticketId?: string) => {
      const group = type === 'NPS' ? (value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor') : value >= (type === 'CSAT' ? 4 : 5) ? 'promoter' : value >= (type === 'CSAT' ? 3 : 4) ? 'passive' : 'detractor';
      const feedbackId = object('feedback_submissions', {
        hs_survey_type: type, hs_survey_name: type === 'NPS' ? 'Relationship NPS' : type === 'CSAT' ? 'Ticket CSAT' : 'Effort survey', hs_value: String(value),
        hs_response_group: type === 'NPS' ? group : group === 'promoter' ? 'satisfied' : group === 'passive' ? 'neutral' : 'dissatisfied',
        hs_sentiment: group === 'promoter' ? 'POSITIVE' : group === 'passive' ? 'NEUTRAL' : 'NEGATIVE', hs_content: random.pick(VERBATIMS[group as keyof typeof VERBATIMS]), hs_submission_timestamp: iso(at),
      }, at);
      link('contacts', contact, 'feedback_submissions', feedbackId);
      if (ticketId) link('feedback_submissions', feedbackId, 'tickets', ticketId);
    };
    // Slipping accounts answered well half a year ago: their NPS is falling.
    if (kind === 'slipping') answer('NPS', random.int(8, 10), now - random.int(200, 300) * DAY, contactIds[0]);
    const npsAt = activeUntil - (kind === 'slipping' || kind === 'failing' ? random.int(1, 12) : random.int(20, 200)) * DAY;
    answer('NPS', random.int(npsRange[0], npsRange[1]), npsAt, contactIds[0]);
    if (contactCount > 1 && random.chance(0.6)) answer('NPS', random.int(npsRange[0], npsRange[1]), activeUntil - random.int(30, 250) * DAY, contactIds[1]);
    for (const closed of closedTickets.slice(0, 2)) if (closed.closedAt <= now) answer('CSAT', Math.max(1, Math.min(5, Math.round((npsRange[0] + npsRange[1]) / 4) + random.int(-1, 1))), closed.closedAt + DAY, closed.contact, closed.id);
    if (random.chance(0.3)) answer('CES', random.int(kind === 'failing' ? 1 : 4, 7), activeUntil - random.int(10, 200) * DAY, contactIds[contactCount - 1]);

    // ---- company and contacts, now that touches are known
    sink.object('companies', {
      id: companyId,
      createdAt: iso(firstClose - 60 * DAY),
      properties: {
        name, domain: `${name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-')}.example`, hubspot_owner_id: csm, cs_segment: segment,
        cs_usage_score: String(random.int(usage[0], usage[1])), notes_last_contacted: iso(companyLastTouch), num_contacted_notes: String(touchCount),
        industry: random.pick(INDUSTRIES), numberofemployees: String(random.int(20, 5000)), lifecyclestage: 'customer', createdate: iso(firstClose - 60 * DAY),
      },
    });
    for (let c = 0; c < contactCount; c++) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const touched = contacts[c]?.lastTouch;
      sink.object('contacts', {
        id: contactIds[c],
        createdAt: iso(firstClose - 50 * DAY),
        properties: { firstname: first, lastname: last, email: `${first}.${last}.${contactIds[c]}@customer.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''), jobtitle: random.pick(JOB_TITLES), createdate: iso(firstClose - 50 * DAY), ...(touched ? { notes_last_contacted: iso(touched) } : {}) },
      });
      link('companies', companyId, 'contacts', contactIds[c]);
    }
  }
  return { objects: { ...counters }, associations, archetypes };
}
