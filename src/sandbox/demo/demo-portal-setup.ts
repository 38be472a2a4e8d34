import { DEMO_PROPERTIES, type PipelineStageSeed, type SeedSink } from '../seed-format';
import { FIRST_NAMES, LAST_NAMES } from './demo-vocabulary';
import { isoDateTime, quarter } from './demo-time';
import type { DemoWriter } from './demo-writer';

/** A HubSpot owner of the demo portal, as the generator refers to them. */
export interface DemoOwner {
  id: string;
  userId: number;
  name: string;
  email: string;
}

export interface DemoTeams {
  csManager: DemoOwner;
  csms: DemoOwner[];
  salesManager: DemoOwner;
  reps: DemoOwner[];
  ams: DemoOwner[];
}

export const TEAMS = {
  customerSuccess: { id: '11', name: 'Customer Success' },
  sales: { id: '12', name: 'Sales' },
  accountManagement: { id: '13', name: 'Account Management' },
} as const;

/** Owner ids by role: CS manager 100, CSMs from 101, sales manager 500, reps from 501, AMs from 900; user id = 70,000 + owner id. */
export const OWNER_ID_BASE = { csManager: 100, csm: 101, salesManager: 500, rep: 501, am: 900 } as const;
export const MAX_CSMS = 300;
const MAX_REPS = 50;
const MAX_AMS = 6;

/** Team sizes for a portal of `companies` accounts: about 50 accounts per CSM, 100 per rep, a few AMs. */
export function teamSizes(companies: number): { csms: number; reps: number; ams: number } {
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
  return {
    csms: clamp(Math.ceil(companies / 50), 2, MAX_CSMS),
    reps: clamp(Math.ceil(companies / 100), 2, MAX_REPS),
    ams: clamp(2 + Math.floor(companies / 5000), 2, MAX_AMS),
  };
}

/**
 * Owners with distinct, varied names: the n-th owner gets the n-th first name and a last name that
 * moves with it (stride 1, plus 1 per full turn of first names: 28 x 22 = 616 distinct pairs), so a
 * team is not all one family.
 */
function ownerFactory(sink: SeedSink) {
  let index = 0;
  return (id: number, team: { id: string; name: string }): DemoOwner => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[(index + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length];
    index += 1;
    const email = `${asciiSlug(first, '')}.${asciiSlug(last, '')}@vendor.example`;
    const owner = { id: String(id), userId: 70_000 + id, name: `${first} ${last}`, email };
    sink.owner({ id: owner.id, email, firstName: first, lastName: last, userId: owner.userId, teams: [{ ...team, primary: true }], archived: false });
    return owner;
  };
}

const slugs = new Map<string, string>();

/** Lower-case ASCII with accents folded, other characters replaced by `separator` (memoised: names repeat). */
export function asciiSlug(text: string, separator = '-'): string {
  const key = `${separator}\u0000${text}`;
  let slug = slugs.get(key);
  if (slug === undefined) {
    slug = foldToAscii(text, separator);
    if (slugs.size < 10_000) slugs.set(key, slug);
  }
  return slug;
}

function foldToAscii(text: string, separator: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^${separator}|${separator}$`, 'g'), '');
}

export function seedOwners(sink: SeedSink, companies: number): DemoTeams {
  const sizes = teamSizes(companies);
  const owner = ownerFactory(sink);
  const csManager = owner(OWNER_ID_BASE.csManager, TEAMS.customerSuccess);
  const csms = Array.from({ length: sizes.csms }, (_, i) => owner(OWNER_ID_BASE.csm + i, TEAMS.customerSuccess));
  const salesManager = owner(OWNER_ID_BASE.salesManager, TEAMS.sales);
  const reps = Array.from({ length: sizes.reps }, (_, i) => owner(OWNER_ID_BASE.rep + i, TEAMS.sales));
  const ams = Array.from({ length: sizes.ams }, (_, i) => owner(OWNER_ID_BASE.am + i, TEAMS.accountManagement));
  return { csManager, csms, salesManager, reps, ams };
}

const stage = (id: string, label: string, displayOrder: number, metadata: Record<string, string>): PipelineStageSeed => ({ id, label, displayOrder, metadata });

/** Deal stage ids and probabilities: HubSpot's default sales pipeline, and the demo's Renewals pipeline. */
export const DEAL_STAGES = {
  default: {
    appointmentscheduled: 0.2, qualifiedtobuy: 0.4, presentationscheduled: 0.6, decisionmakerboughtin: 0.8, contractsent: 0.9, closedwon: 1, closedlost: 0,
  },
  renewals: { renewalupcoming: 0.5, renewalnegotiation: 0.4, renewalcommitted: 0.9, renewalwon: 1, renewallost: 0 },
} as const;

export const RENEWALS_PIPELINE_ID = 'renewals';

export function seedPipelines(sink: SeedSink): void {
  const open = (p: number) => ({ probability: p.toFixed(1), isClosed: 'false' });
  sink.pipeline('deals', {
    id: 'default', label: 'Sales Pipeline', displayOrder: 0,
    stages: [
      stage('appointmentscheduled', 'Appointment scheduled', 0, open(0.2)),
      stage('qualifiedtobuy', 'Qualified to buy', 1, open(0.4)),
      stage('presentationscheduled', 'Presentation scheduled', 2, open(0.6)),
      stage('decisionmakerboughtin', 'Decision maker bought-in', 3, open(0.8)),
      stage('contractsent', 'Contract sent', 4, open(0.9)),
      stage('closedwon', 'Closed won', 5, { probability: '1.0', isClosed: 'true' }),
      stage('closedlost', 'Closed lost', 6, { probability: '0.0', isClosed: 'true' }),
    ],
  });
  // A portal-made pipeline with a flaw on purpose: "Negotiation" (40 %) is less likely than the
  // earlier "Renewal upcoming" (50 %), which the product's stage-probability check must flag.
  sink.pipeline('deals', {
    id: RENEWALS_PIPELINE_ID, label: 'Renewals', displayOrder: 1,
    stages: [
      stage('renewalupcoming', 'Renewal upcoming', 0, open(0.5)),
      stage('renewalnegotiation', 'Negotiation', 1, open(0.4)),
      stage('renewalcommitted', 'Verbal commit', 2, open(0.9)),
      stage('renewalwon', 'Renewed', 3, { probability: '1.0', isClosed: 'true' }),
      stage('renewallost', 'Not renewed', 4, { probability: '0.0', isClosed: 'true' }),
    ],
  });
  sink.pipeline('tickets', {
    id: '0', label: 'Support Pipeline', displayOrder: 0,
    stages: [
      stage('1', 'New', 0, { ticketState: 'OPEN' }),
      stage('2', 'Waiting on contact', 1, { ticketState: 'OPEN' }),
      stage('3', 'Waiting on us', 2, { ticketState: 'OPEN' }),
      stage('4', 'Closed', 3, { ticketState: 'CLOSED' }),
    ],
  });
}

export function seedProperties(sink: SeedSink): void {
  sink.property({
    objectType: 'companies', name: DEMO_PROPERTIES.companySegment, label: 'CS segment', type: 'enumeration', fieldType: 'select', groupName: 'companyinformation',
    options: ['gold', 'silver', 'bronze'].map((value, displayOrder) => ({ label: value[0].toUpperCase() + value.slice(1), value, displayOrder })),
  });
  sink.property({ objectType: 'companies', name: DEMO_PROPERTIES.companyUsageScore, label: 'Product usage score', type: 'number', fieldType: 'number', groupName: 'companyinformation' });
  sink.property({ objectType: 'deals', name: DEMO_PROPERTIES.dealContractEnd, label: 'Contract end date', type: 'date', fieldType: 'date', groupName: 'dealinformation' });
  sink.property({
    objectType: 'deals', name: DEMO_PROPERTIES.dealChurnControllable, label: 'Churn controllable by CS', type: 'bool', fieldType: 'booleancheckbox', groupName: 'dealinformation',
    options: [{ label: 'Yes', value: 'true', displayOrder: 0 }, { label: 'No', value: 'false', displayOrder: 1 }],
  });
}

/** Per CSM, for the previous and the current quarter: the targets of the CSM plan as HubSpot Goals. */
export const CSM_GOALS = [['NRR', 105], ['GRR', 92], ['CSAT', 85], ['Accounts contacted %', 90]] as const;

export function seedGoalTargets(writer: DemoWriter, csms: readonly DemoOwner[], asOf: number): void {
  for (const period of [quarter(asOf, -1), quarter(asOf, 0)]) {
    for (const csm of csms) {
      for (const [goal, target] of CSM_GOALS) {
        writer.create('goal_targets', {
          hs_goal_name: `${goal} ${period.label} - ${csm.name}`,
          hs_target_amount: String(target),
          hs_start_datetime: isoDateTime(period.start),
          hs_end_datetime: isoDateTime(period.end),
          hs_assignee_user_id: String(csm.userId),
        }, Math.min(period.start, asOf));
      }
    }
  }
}
