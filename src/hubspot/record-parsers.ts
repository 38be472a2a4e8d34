import { addMonthsUtc } from '../domain/time/days';
import type { PortalMapping } from '../domain/config/portal-mapping';
import { COMPANY_INPUT_PROPERTIES, COMPANY_PROPERTIES, DEAL_PROPERTIES } from '../domain/computed-properties';
import type { Contact, Customer, Deal, FeedbackResponse, HealthOverride, HistoryPoint, Ticket } from '../domain/customer';
import type { PortalContext } from './portal-context';
import { PropertyReader, type HubSpotObject } from './property-values';
import type { WarningCounter } from './warning-counter';

/** The properties each object type is read with, given the portal's mapping. */
export function propertiesToRead(mapping: PortalMapping) {
  const revenue = mapping.revenue;
  return {
    companies: [
      'name', 'hubspot_owner_id', 'createdate', 'notes_last_contacted', mapping.company.segment, mapping.company.usageScore,
      ...COMPANY_PROPERTIES.map((property) => property.name), ...COMPANY_INPUT_PROPERTIES.map((property) => property.name),
    ],
    deals: [
      'dealname', 'hubspot_owner_id', 'pipeline', 'dealstage', 'amount', 'dealtype', 'createdate', 'closedate',
      mapping.churn.reason, mapping.churn.controllable,
      ...(revenue.source === 'deal' ? [revenue.mrr, revenue.start, revenue.end] : []),
      // The retention-target values cs-health wrote last: the sync compares with them, reading nothing more.
      ...DEAL_PROPERTIES.map((property) => property.name),
    ],
    tickets: ['hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'createdate', 'closed_date', 'hubspot_owner_id'],
    contacts: ['email', 'notes_last_contacted'],
    feedback_submissions: ['hs_survey_type', 'hs_value', 'hs_submission_timestamp', 'hs_sentiment', 'hs_content'],
    line_items: revenue.source === 'line_items' ? [revenue.mrr, revenue.start, revenue.termMonths] : [],
  };
}

/** A recurring contract read from a deal's line items (line-items revenue mode). */
export interface LineItemRevenue {
  mrr?: number;
  start?: Date;
  end?: Date;
}

export function parseLineItems(items: HubSpotObject[], mapping: PortalMapping, warnings: WarningCounter): LineItemRevenue {
  if (mapping.revenue.source !== 'line_items' || items.length === 0) return {};
  const revenue = mapping.revenue;
  let mrr: number | undefined;
  let start: Date | undefined;
  let end: Date | undefined;
  for (const item of items) {
    const values = new PropertyReader('line_item', item.properties, warnings);
    const itemMrr = values.number('mrr', revenue.mrr);
    if (itemMrr === undefined) continue;
    mrr = (mrr ?? 0) + itemMrr;
    const itemStart = values.date('start', revenue.start);
    const term = values.number('term', revenue.termMonths, { min: 0 });
    if (itemStart && (start === undefined || itemStart < start)) start = itemStart;
    const itemEnd = itemStart && term ? addMonthsUtc(itemStart, term) : undefined;
    if (itemEnd && (end === undefined || itemEnd > end)) end = itemEnd;
  }
  return { mrr, start, end };
}

/** A deal, or undefined (counted) when its stage is unknown: without it the outcome cannot be told. */
export function parseDeal(object: HubSpotObject, context: PortalContext, mapping: PortalMapping, warnings: WarningCounter, lineItems?: LineItemRevenue): Deal | undefined {
  const values = new PropertyReader('deal', object.properties, warnings);
  const stageId = values.text('dealstage');
  const stage = stageId === undefined ? undefined : context.dealStages.get(stageId);
  if (!stage) {
    warnings.add(stageId === undefined ? 'deal.stage.missing' : 'deal.stage.unknown');
    return undefined;
  }
  const outcome = !stage.isClosed ? 'open' : (stage.probability ?? 0) >= 1 ? 'won' : 'lost';
  const closedAt = values.date('closedate', 'closedate');
  const revenue = mapping.revenue;
  let mrr = lineItems?.mrr;
  let contractStart = lineItems?.start;
  let contractEnd = lineItems?.end;
  if (revenue.source === 'deal') {
    mrr = values.number('mrr', revenue.mrr);
    contractStart = revenue.start === 'closedate' ? closedAt : values.date('contract_start', revenue.start);
    contractEnd = values.date('contract_end', revenue.end);
    if (contractEnd === undefined && contractStart && revenue.termFallbackMonths) contractEnd = addMonthsUtc(contractStart, revenue.termFallbackMonths);
  }
  return {
    id: object.id,
    name: values.text('dealname'),
    ownerId: values.text('hubspot_owner_id'),
    pipelineId: stage.pipelineId,
    stageId,
    stageProbability: stage.probability,
    stageOrder: stage.order,
    outcome,
    amount: values.number('amount', 'amount', { required: true }),
    dealType: values.text('dealtype'),
    createdAt: values.date('createdate', 'createdate'),
    closedAt,
    mrr,
    contractStart,
    contractEnd,
    churnReason: values.text(mapping.churn.reason),
    churnControllable: values.boolean('churn_controllable', mapping.churn.controllable),
    currentProperties: Object.fromEntries(DEAL_PROPERTIES.map((property) => [property.name, values.text(property.name) ?? null])),
  };
}

const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;

export function parseTicket(object: HubSpotObject, context: PortalContext, mapping: PortalMapping, warnings: WarningCounter): Ticket | undefined {
  const values = new PropertyReader('ticket', object.properties, warnings);
  const stageId = values.text('hs_pipeline_stage');
  const stage = stageId === undefined ? undefined : context.ticketStages.get(stageId);
  if (!stage) {
    warnings.add(stageId === undefined ? 'ticket.stage.missing' : 'ticket.stage.unknown');
    return undefined;
  }
  const createdAt = values.date('createdate', 'createdate', { required: true });
  if (createdAt === undefined) return undefined;
  const isClosedStage = (s: { ticketState?: string; isClosed: boolean }) => (s.ticketState !== undefined ? mapping.tickets.closedStates.includes(s.ticketState) : s.isClosed);
  const stateChanges = ticketStateChanges(object, (id) => {
    const known = context.ticketStages.get(id);
    return known && isClosedStage(known);
  });
  const isClosed = isClosedStage(stage);
  // Without a close date, the last move into a closed stage is when it closed.
  const lastClose = isClosed ? stateChanges?.filter((c) => c.closed).at(-1)?.at : undefined;
  return {
    id: object.id,
    priority: values.oneOf('priority', 'hs_ticket_priority', PRIORITIES),
    createdAt,
    closedAt: values.date('closed_date', 'closed_date') ?? lastClose,
    isClosed,
    stateChanges,
    ownerId: values.text('hubspot_owner_id'),
  };
}

/** The ticket's moves between open and closed stages, oldest first, from `hs_pipeline_stage` history. */
function ticketStateChanges(object: HubSpotObject, closedStage: (stageId: string) => boolean | undefined): Ticket['stateChanges'] {
  const entries = object.propertiesWithHistory?.hs_pipeline_stage;
  if (!entries || entries.length === 0) return undefined;
  const changes: NonNullable<Ticket['stateChanges']> = [];
  const ordered = entries
    .map((entry) => ({ at: entry.timestamp instanceof Date ? entry.timestamp : new Date(entry.timestamp), closed: entry.value ? closedStage(entry.value) : undefined }))
    .filter((entry): entry is { at: Date; closed: boolean } => entry.closed !== undefined && !Number.isNaN(entry.at.getTime()))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const entry of ordered) if (changes.length === 0 || changes[changes.length - 1].closed !== entry.closed) changes.push(entry);
  return changes.length ? changes : undefined;
}

const SURVEY_TYPES = ['NPS', 'CSAT', 'CES', 'CUSTOM'] as const;
const SCALE_MAX: Record<(typeof SURVEY_TYPES)[number], number> = { NPS: 10, CSAT: 5, CES: 7, CUSTOM: Number.POSITIVE_INFINITY };

/** A survey answer, or undefined (counted) without a type, a value on its scale or a timestamp. */
export function parseFeedback(object: HubSpotObject, contactId: string | undefined, mapping: PortalMapping, warnings: WarningCounter): FeedbackResponse | undefined {
  const values = new PropertyReader('feedback', object.properties, warnings);
  const surveyType = values.oneOf('survey_type', 'hs_survey_type', SURVEY_TYPES);
  if (surveyType === undefined) return undefined;
  const max = surveyType === 'CSAT' ? mapping.feedback.csatScaleMax : SCALE_MAX[surveyType];
  const value = values.number('value', 'hs_value', { required: true, min: 0, max });
  const submittedAt = values.date('submitted_at', 'hs_submission_timestamp', { required: true });
  if (value === undefined || submittedAt === undefined) return undefined;
  return {
    id: object.id,
    surveyType,
    value,
    submittedAt,
    contactId,
    sentiment: values.oneOf('sentiment', 'hs_sentiment', ['POSITIVE', 'NEUTRAL', 'NEGATIVE']),
    content: values.text('hs_content'),
  };
}

export function parseContact(object: HubSpotObject, warnings: WarningCounter): Contact {
  const values = new PropertyReader('contact', object.properties, warnings);
  return { id: object.id, email: values.text('email'), lastContactedAt: values.date('last_contacted', 'notes_last_contacted') };
}

function parseOverride(values: PropertyReader): HealthOverride | undefined {
  const score = values.number('override_score', 'cs_health_override_score', { min: 0, max: 100 });
  if (score === undefined) return undefined;
  const expiresAt = values.date('override_expires_at', 'cs_health_override_expires_at', { required: true });
  if (expiresAt === undefined) return undefined;
  return { score, expiresAt, reason: values.text('cs_health_override_reason') ?? '', author: values.text('cs_health_override_author') };
}

function parseHistory(object: HubSpotObject, warnings: WarningCounter): HistoryPoint[] | undefined {
  const entries = object.propertiesWithHistory?.cs_health_score;
  if (!entries) return undefined;
  const points: HistoryPoint[] = [];
  for (const entry of entries) {
    const at = entry.timestamp instanceof Date ? entry.timestamp : new Date(entry.timestamp);
    const value = entry.value === null || entry.value === undefined || entry.value === '' ? undefined : Number(entry.value);
    if (value === undefined) continue;
    if (!Number.isFinite(value) || Number.isNaN(at.getTime())) warnings.add('company.health_history.invalid');
    else points.push({ at, value });
  }
  return points.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The company fields of a Customer; deals, tickets, contacts and feedback are attached by the reader. */
export function parseCompany(object: HubSpotObject, mapping: PortalMapping, warnings: WarningCounter): Omit<Customer, 'deals' | 'tickets' | 'contacts' | 'feedback'> {
  const values = new PropertyReader('company', object.properties, warnings);
  return {
    id: object.id,
    name: values.text('name'),
    ownerId: values.text('hubspot_owner_id'),
    segment: values.text(mapping.company.segment),
    createdAt: values.date('createdate', 'createdate'),
    engagement: {
      lastTouchAt: values.date('last_contacted', 'notes_last_contacted'),
      usageScore: values.number('usage_score', mapping.company.usageScore, { min: 0, max: 100 }),
    },
    override: parseOverride(values),
    healthHistory: parseHistory(object, warnings),
    currentProperties: Object.fromEntries(COMPANY_PROPERTIES.map((property) => [property.name, values.text(property.name) ?? null])),
  };
}
