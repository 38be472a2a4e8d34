import { randomUUID } from 'node:crypto';
import { batchReadAssociations, type HubSpotGateway } from '../hubspot';
import { batchReadObjects } from '../hubspot/batch-reads';
import type { HubSpotObject } from '../hubspot/property-values';
import type { CustomerAssessment } from '../domain/assessment/assess-customer';

/** The three changes the bench mixes, each one a customer success manager sees move a score. */
export type ChangeKind = 'urgent ticket' | 'deal amount' | 'detractor answer';
const KINDS: ChangeKind[] = ['urgent ticket', 'deal amount', 'detractor answer'];

export interface PlannedChange {
  kind: ChangeKind;
  companyId: string;
  /** The ticket or deal changed, or the contact who answers the survey. */
  recordId: string;
}

/** What HubSpot posts to the backend's webhook URL after the change (one event per subscribed property changed). */
export type WebhookEventBody = Record<string, unknown>;

const WON = new Set(['closedwon', 'renewalwon']);

/**
 * Whether a change of this kind must move one of the company's values from its last assessment, so
 * the rewrite is there to be seen (`recomputeCompanies` writes nothing when nothing moved).
 */
const movesAValue: Record<ChangeKind, (a: CustomerAssessment) => boolean> = {
  // Support load is the worse of open high-priority tickets and volume: with none open, one urgent ticket caps it at 60.
  'urgent ticket': (a) => {
    const reading = a.health?.components.find((c) => c.key === 'supportLoad')?.reading;
    return reading?.status === 'scored' && reading.value === 0 && reading.subScore > 60;
  },
  'deal amount': (a) => a.hasRevenue && a.mrr > 0,
  'detractor answer': (a) => a.feedback.nps.kind === 'no_data' || a.feedback.nps.value.score > -100,
};

/** A kind's records linked to each company (company id to record ids) and their properties (ids are per type: ticket 1001 is not deal 1001). */
interface Linked {
  ids: Map<string, string[]>;
  records: Map<string, HubSpotObject>;
}

function recordFor(kind: ChangeKind, companyId: string, linked: Linked, asOf: Date): string | undefined {
  const ids = linked.ids.get(companyId) ?? [];
  const properties = (id: string) => linked.records.get(id)?.properties ?? {};
  if (kind === 'detractor answer') return ids[0];
  // An open ticket of low or medium priority (one without a close date), as a CSM would escalate it.
  if (kind === 'urgent ticket') return ids.find((id) => !properties(id).closed_date && ['LOW', 'MEDIUM'].includes(properties(id).hs_ticket_priority ?? ''));
  // The newest won deal with recurring revenue, closed by now: the contract the company pays on.
  const closed = (id: string) => Date.parse(properties(id).closedate ?? '');
  const won = ids.filter((id) => WON.has(properties(id).dealstage ?? '') && Number(properties(id).hs_mrr) > 0 && closed(id) <= asOf.getTime());
  return won.sort((x, y) => closed(y) - closed(x))[0];
}

/**
 * `count` changes on distinct active companies, the kinds taken in turn, each on a company whose last
 * assessment (`baseline`, what the nightly sync wrote) it must move; a company that does not qualify
 * for the kind due is passed over. Read through `admin`, not the app's budget.
 */
export async function planChanges(admin: HubSpotGateway, baseline: CustomerAssessment[], count: number): Promise<PlannedChange[]> {
  const active = baseline.filter((a) => a.health && !a.health.override);
  const ids = active.map((a) => a.customerId);
  const linkedOf = async (type: string, properties: string[]): Promise<Linked> => {
    const links = await batchReadAssociations(admin, 'companies', type, active.map((a) => a.customerId));
    return { ids: links, records: properties.length ? await batchReadObjects(admin, type, [...links.values()].flat(), properties) : new Map() };
  };
  const [tickets, deals, contacts] = await Promise.all([linkedOf('tickets', ['hs_ticket_priority', 'closed_date']), linkedOf('deals', ['dealstage', 'hs_mrr', 'closedate']), linkedOf('contacts', [])]);
  const linked: Record<ChangeKind, Linked> = { 'urgent ticket': tickets, 'deal amount': deals, 'detractor answer': contacts };
  // The kinds in turn; the rarest kind (an open, not yet urgent ticket at full support marks) picks its companies first.
  const used = new Set<string>();
  const picks = new Map<ChangeKind, PlannedChange[]>();
  for (const kind of KINDS) {
    const wanted = Math.ceil((count - KINDS.indexOf(kind)) / KINDS.length);
    const chosen: PlannedChange[] = [];
    for (const assessment of active) {
      if (chosen.length === wanted) break;
      const recordId = !used.has(assessment.customerId) && movesAValue[kind](assessment) ? recordFor(kind, assessment.customerId, linked[kind], assessment.asOf) : undefined;
      if (recordId) chosen.push({ kind, companyId: assessment.customerId, recordId });
    }
    for (const change of chosen) used.add(change.companyId);
    picks.set(kind, chosen);
  }
  const planned = Array.from({ length: count }, (_, i) => picks.get(KINDS[i % KINDS.length]!)![Math.floor(i / KINDS.length)]).filter((change): change is PlannedChange => change !== undefined);
  if (planned.length < count) throw new Error(`freshness bench: only ${planned.length} of ${count} changes found among ${baseline.length} companies (${active.length} active): ${KINDS.map((kind) => `${picks.get(kind)!.length} ${kind}`).join(', ')}`);
  return planned;
}

const propertyChange = (objectTypeId: string, objectId: string, propertyName: string, propertyValue: string, portalId: number): WebhookEventBody => ({
  eventId: randomUUID(),
  subscriptionType: 'object.propertyChange',
  objectTypeId,
  objectId: Number(objectId),
  propertyName,
  propertyValue,
  occurredAt: Date.now(),
  portalId,
  attemptNumber: 0,
  changeSource: 'CRM_UI',
});

/**
 * Makes the change in the sandbox as a user would (through `admin`, or the sandbox's survey route,
 * since HubSpot's API cannot create answers) and answers the webhook events HubSpot would post for it.
 */
export async function makeChange(admin: HubSpotGateway, sandboxUrl: string, change: PlannedChange, portalId: number, now: Date): Promise<WebhookEventBody[]> {
  if (change.kind === 'urgent ticket') {
    await admin.call('tickets.update', (client) => client.crm.objects.basicApi.update('tickets', change.recordId, { properties: { hs_ticket_priority: 'URGENT' } }));
    return [propertyChange('0-5', change.recordId, 'hs_ticket_priority', 'URGENT', portalId)];
  }
  if (change.kind === 'deal amount') {
    const [deal] = (await batchReadObjects(admin, 'deals', [change.recordId], ['amount', 'hs_mrr'])).values();
    // An upsell: half as much again, the recurring revenue with it.
    const properties = { amount: String(Math.round(Number(deal?.properties.amount ?? 0) * 1.5)), hs_mrr: String(Math.round(Number(deal?.properties.hs_mrr) * 1.5)) };
    await admin.call('deals.update', (client) => client.crm.objects.basicApi.update('deals', change.recordId, { properties }));
    return Object.entries(properties).map(([name, value]) => propertyChange('0-3', change.recordId, name, value, portalId));
  }
  const response = await fetch(`${sandboxUrl}/_sandbox/survey-answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ properties: { hs_survey_type: 'NPS', hs_value: '0', hs_submission_timestamp: now.toISOString() }, contactId: change.recordId, portalId }),
  });
  if (response.status !== 201) throw new Error(`freshness bench: the sandbox refused the survey answer of contact ${change.recordId} (${response.status}: ${await response.text()})`);
  return [((await response.json()) as { event: WebhookEventBody }).event];
}
