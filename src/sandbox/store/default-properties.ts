import type { ObjectType, PropertySeed } from '../seed-format';

type PropertyType = PropertySeed['type'];
type Row = readonly [name: string, type: PropertyType, fieldType: string, calculated?: boolean];

/**
 * The HubSpot-defined properties each object type starts with (a subset: the ones the app reads or
 * writes, plus the timestamps every object has). Their types drive search comparison and write
 * validation, so a fresh sandbox behaves like a fresh portal.
 */
const COMMON: Row[] = [
  ['hs_object_id', 'number', 'number', true],
  ['createdate', 'datetime', 'date', true],
  ['hs_lastmodifieddate', 'datetime', 'date', true],
  ['hubspot_owner_id', 'enumeration', 'select'],
];

const BY_TYPE: Record<ObjectType, Row[]> = {
  companies: [
    ['name', 'string', 'text'],
    ['domain', 'string', 'text'],
    ['industry', 'enumeration', 'select'],
    ['numberofemployees', 'number', 'number'],
    ['annualrevenue', 'number', 'number'],
    ['lifecyclestage', 'enumeration', 'radio'],
    ['country', 'string', 'text'],
    ['city', 'string', 'text'],
    ['hs_num_open_deals', 'number', 'number', true],
    ['num_associated_contacts', 'number', 'number', true],
    ['num_associated_deals', 'number', 'number', true],
  ],
  contacts: [
    ['firstname', 'string', 'text'],
    ['lastname', 'string', 'text'],
    ['email', 'string', 'text'],
    ['jobtitle', 'string', 'text'],
    ['phone', 'string', 'phonenumber'],
    ['lifecyclestage', 'enumeration', 'radio'],
    ['lastmodifieddate', 'datetime', 'date', true],
  ],
  deals: [
    ['dealname', 'string', 'text'],
    ['amount', 'number', 'number'],
    ['closedate', 'datetime', 'date'],
    ['pipeline', 'enumeration', 'select'],
    ['dealstage', 'enumeration', 'radio'],
    ['dealtype', 'enumeration', 'radio'],
    ['hs_is_closed', 'bool', 'booleancheckbox', true],
    ['hs_is_closed_won', 'bool', 'booleancheckbox', true],
    ['closed_lost_reason', 'string', 'textarea'],
    ['hs_mrr', 'number', 'number', true],
    ['hs_arr', 'number', 'number', true],
    ['hs_acv', 'number', 'number', true],
    ['hs_tcv', 'number', 'number', true],
  ],
  tickets: [
    ['subject', 'string', 'text'],
    ['content', 'string', 'textarea'],
    ['hs_pipeline', 'enumeration', 'select'],
    ['hs_pipeline_stage', 'enumeration', 'select'],
    ['hs_ticket_priority', 'enumeration', 'select'],
    ['hs_ticket_category', 'enumeration', 'checkbox'],
    ['closed_date', 'datetime', 'date'],
    ['time_to_close', 'number', 'number', true],
  ],
  line_items: [
    ['name', 'string', 'text'],
    ['quantity', 'number', 'number'],
    ['price', 'number', 'number'],
    ['amount', 'number', 'number', true],
    ['recurringbillingfrequency', 'enumeration', 'select'],
    ['hs_recurring_billing_period', 'string', 'text'],
    ['hs_recurring_billing_start_date', 'date', 'date'],
    ['hs_mrr', 'number', 'number', true],
    ['hs_arr', 'number', 'number', true],
    ['hs_product_id', 'string', 'text'],
  ],
  feedback_submissions: [
    ['hs_survey_type', 'enumeration', 'select'],
    ['hs_survey_name', 'string', 'text'],
    ['hs_value', 'number', 'number'],
    ['hs_response_group', 'enumeration', 'select'],
    ['hs_sentiment', 'enumeration', 'select'],
    ['hs_content', 'string', 'textarea'],
    ['hs_submission_timestamp', 'datetime', 'date'],
    ['hs_contact_id', 'string', 'text'],
  ],
  goal_targets: [
    ['hs_goal_name', 'string', 'text'],
    ['hs_target_amount', 'number', 'number'],
    ['hs_start_datetime', 'datetime', 'date'],
    ['hs_end_datetime', 'datetime', 'date'],
    ['hs_assignee_user_id', 'string', 'text'],
    ['hs_kpi_display_type', 'string', 'text'],
  ],
  calls: [
    ['hs_timestamp', 'datetime', 'date'],
    ['hs_call_title', 'string', 'text'],
    ['hs_call_body', 'string', 'textarea'],
    ['hs_call_duration', 'number', 'number'],
    ['hs_call_direction', 'enumeration', 'select'],
    ['hs_call_status', 'enumeration', 'select'],
  ],
  emails: [
    ['hs_timestamp', 'datetime', 'date'],
    ['hs_email_subject', 'string', 'text'],
    ['hs_email_text', 'string', 'textarea'],
    ['hs_email_direction', 'enumeration', 'select'],
    ['hs_email_status', 'enumeration', 'select'],
  ],
  meetings: [
    ['hs_timestamp', 'datetime', 'date'],
    ['hs_meeting_title', 'string', 'text'],
    ['hs_meeting_body', 'string', 'textarea'],
    ['hs_meeting_start_time', 'datetime', 'date'],
    ['hs_meeting_end_time', 'datetime', 'date'],
    ['hs_meeting_outcome', 'enumeration', 'select'],
  ],
  tasks: [
    ['hs_timestamp', 'datetime', 'date'],
    ['hs_task_subject', 'string', 'text'],
    ['hs_task_body', 'string', 'textarea'],
    ['hs_task_status', 'enumeration', 'select'],
    ['hs_task_priority', 'enumeration', 'select'],
    ['hs_task_type', 'enumeration', 'select'],
  ],
};

/** The default group HubSpot files an object type's built-in properties under. */
export const DEFAULT_GROUP: Record<ObjectType, string> = {
  companies: 'companyinformation',
  contacts: 'contactinformation',
  deals: 'dealinformation',
  tickets: 'ticketinformation',
  line_items: 'lineiteminformation',
  feedback_submissions: 'feedbacksubmissioninformation',
  goal_targets: 'goal_target_information',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  tasks: 'task',
};

export interface DefaultProperty extends PropertySeed {
  calculated: boolean;
}

/** The built-in property definitions of one object type. */
export function defaultProperties(objectType: ObjectType): DefaultProperty[] {
  const rows = [...COMMON, ...BY_TYPE[objectType]];
  return rows.map(([name, type, fieldType, calculated]) => ({
    objectType,
    name,
    label: name,
    type,
    fieldType,
    groupName: DEFAULT_GROUP[objectType],
    calculated: calculated ?? false,
  }));
}

/**
 * Properties a list/get/search answer carries when the caller names none — HubSpot's defaults per
 * type. Contacts use `lastmodifieddate`, not `hs_lastmodifieddate`, as HubSpot does.
 */
export const DEFAULT_RETURNED: Record<ObjectType, readonly string[]> = {
  companies: ['name', 'domain', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  contacts: ['firstname', 'lastname', 'email', 'createdate', 'lastmodifieddate', 'hs_object_id'],
  deals: ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tickets: ['subject', 'content', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_priority', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  line_items: ['name', 'quantity', 'price', 'amount', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  feedback_submissions: ['hs_survey_type', 'hs_value', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  goal_targets: ['hs_goal_name', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  calls: ['hs_timestamp', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  emails: ['hs_timestamp', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  meetings: ['hs_timestamp', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  tasks: ['hs_timestamp', 'hs_task_subject', 'hs_task_status', 'createdate', 'hs_lastmodifieddate', 'hs_object_id'],
};
