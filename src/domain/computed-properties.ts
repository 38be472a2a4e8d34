/**
 * The properties the product writes to HubSpot: the contract admins build workflows on.
 * `cs-health setup` creates them, the sync writes them, the cards read them.
 */

export const PROPERTY_GROUP = {
  name: 'customer_success',
  label: 'Customer Success (cs-health)',
  displayOrder: -1,
} as const;

export type PropertyType = 'number' | 'enumeration' | 'string' | 'datetime';
export type FieldType = 'number' | 'select' | 'textarea' | 'text' | 'date';

export interface PropertyDefinition {
  name: string;
  label: string;
  description: string;
  type: PropertyType;
  fieldType: FieldType;
  options?: { label: string; value: string }[];
}

const enumOptions = (...values: string[]) =>
  values.map((value, displayOrder) => ({ label: value.replace(/_/g, ' '), value, displayOrder }));

export const COMPANY_PROPERTIES: PropertyDefinition[] = [
  { name: 'cs_health_score', label: 'Health score', description: 'Customer health score 0-100, computed by cs-health.', type: 'number', fieldType: 'number' },
  { name: 'cs_health_band', label: 'Health band', description: 'healthy / neutral / at_risk, from the health score cut-offs.', type: 'enumeration', fieldType: 'select', options: enumOptions('healthy', 'neutral', 'at_risk') },
  { name: 'cs_health_trend', label: 'Health trend (30 days)', description: 'Change of the health score over the last 30 days, in points.', type: 'number', fieldType: 'number' },
  { name: 'cs_churn_risk', label: 'Churn risk', description: 'low / medium / high.', type: 'enumeration', fieldType: 'select', options: enumOptions('low', 'medium', 'high') },
  { name: 'cs_churn_risk_score', label: 'Churn risk score', description: 'Churn risk 0-100.', type: 'number', fieldType: 'number' },
  { name: 'cs_churn_risk_reasons', label: 'Churn risk reasons', description: 'Ranked reasons behind the churn risk, one per line.', type: 'string', fieldType: 'textarea' },
  { name: 'cs_nps', label: 'NPS (365 days)', description: 'Net Promoter Score of the company contacts over the trailing 365 days (-100..100).', type: 'number', fieldType: 'number' },
  { name: 'cs_csat', label: 'CSAT (365 days)', description: 'Share of satisfied answers (4-5 on 1-5), 0-100.', type: 'number', fieldType: 'number' },
  { name: 'cs_nrr_12m', label: 'NRR 12 months', description: 'Net revenue retention over the trailing 12 months, %.', type: 'number', fieldType: 'number' },
  { name: 'cs_grr_12m', label: 'GRR 12 months', description: 'Gross revenue retention over the trailing 12 months, %.', type: 'number', fieldType: 'number' },
  { name: 'cs_mrr', label: 'MRR', description: 'Current monthly recurring revenue.', type: 'number', fieldType: 'number' },
  { name: 'cs_detractor_followup_due', label: 'Detractor follow-up due', description: '48 h after the latest detractor answer not yet followed by a call, email or meeting; empty when none is open.', type: 'datetime', fieldType: 'date' },
  { name: 'cs_customer_status', label: 'Customer status', description: 'active / churned / prospect, from the won contracts: a prospect never had one; a churned customer had one and has none running; health and churn risk are for active customers only.', type: 'enumeration', fieldType: 'select', options: enumOptions('active', 'churned', 'prospect') },
  { name: 'cs_churned_at', label: 'Churned at', description: 'When the last contract of a churned customer ended; empty otherwise.', type: 'datetime', fieldType: 'date' },
  { name: 'cs_health_computed_at', label: 'Health computed at', description: 'When cs-health last computed values that changed on this company (unchanged values keep their time).', type: 'datetime', fieldType: 'date' },
];

/** Inputs a CSM sets on the company: the health override. Created by setup, read by the engine. */
export const COMPANY_INPUT_PROPERTIES: PropertyDefinition[] = [
  { name: 'cs_health_override_score', label: 'Health override score', description: 'A CSM override of the health score (0-100); wins until it expires.', type: 'number', fieldType: 'number' },
  { name: 'cs_health_override_reason', label: 'Health override reason', description: 'Why the CSM overrode the score.', type: 'string', fieldType: 'text' },
  { name: 'cs_health_override_expires_at', label: 'Health override expires at', description: 'When the override stops applying.', type: 'datetime', fieldType: 'date' },
  { name: 'cs_health_override_author', label: 'Health override author', description: 'Who set the override.', type: 'string', fieldType: 'text' },
];

export const DEAL_PROPERTIES: PropertyDefinition[] = [
  { name: 'cs_customer_health_score', label: 'Customer health score', description: 'Health score of the deal company at the last compute.', type: 'number', fieldType: 'number' },
  { name: 'cs_early_churn_risk', label: 'Early churn risk', description: 'Risk that this customer churns within 90 days of close: low / medium / high.', type: 'enumeration', fieldType: 'select', options: enumOptions('low', 'medium', 'high') },
  { name: 'cs_retention_target_status', label: 'Retention target status', description: 'on_track / at_risk / missed for the rep retention objective.', type: 'enumeration', fieldType: 'select', options: enumOptions('on_track', 'at_risk', 'missed') },
];

export type CompanyPropertyName = (typeof COMPANY_PROPERTIES)[number]['name'];

/** Values to write: a string per property, or null to clear it (absent data never writes 0). */
export type PropertyValues = Record<string, string | null>;
