import { z } from 'zod';

/**
 * Which HubSpot properties hold what, per portal. Every field has a default matching the demo
 * portal (`DEMO_PROPERTIES`) and HubSpot's standard properties, so `portalMappingSchema.parse({})`
 * is a working mapping. The engine's config file nests this under `mapping`.
 */

const propertyName = z.string().min(1, 'a HubSpot property name is required');

/** Revenue read from the deal itself: `hs_mrr` earned from `closedate` to the contract end date. */
const dealRevenueSchema = z.object({
  source: z.literal('deal'),
  mrr: propertyName.default('hs_mrr'),
  start: propertyName.default('closedate'),
  end: propertyName.default('cs_contract_end_date'),
  /** When a won deal has no end date: assume a term of this many months; absent = open-ended. */
  termFallbackMonths: z.number().int().positive().optional(),
});

/** Revenue read from the deal's recurring line items (fetched only in this mode). */
const lineItemRevenueSchema = z.object({
  source: z.literal('line_items'),
  mrr: propertyName.default('hs_mrr'),
  start: propertyName.default('hs_recurring_billing_start_date'),
  termMonths: propertyName.default('hs_term_in_months'),
});

export const portalMappingSchema = z.object({
  company: z
    .object({
      /** Segment field (gold / silver / bronze in the demo). */
      segment: propertyName.default('cs_segment'),
      /** Product-usage score 0..100, when the portal records one. */
      usageScore: propertyName.default('cs_usage_score'),
    })
    .prefault({}),
  revenue: z.discriminatedUnion('source', [dealRevenueSchema, lineItemRevenueSchema]).prefault({ source: 'deal' }),
  churn: z
    .object({
      reason: propertyName.default('closed_lost_reason'),
      controllable: propertyName.default('cs_churn_controllable'),
    })
    .prefault({}),
  tickets: z
    .object({
      /** Values of the pipeline stage metadata `ticketState` that mean the ticket is closed. */
      closedStates: z.array(z.string().min(1)).min(1).default(['CLOSED']),
    })
    .prefault({}),
  feedback: z
    .object({
      /** CSAT answers are on 1..csatScaleMax (HubSpot default 5). */
      csatScaleMax: z.number().int().min(2).default(5),
    })
    .prefault({}),
});

export type PortalMapping = z.infer<typeof portalMappingSchema>;
export type PortalMappingInput = z.input<typeof portalMappingSchema>;
