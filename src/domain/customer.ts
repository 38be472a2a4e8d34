/**
 * The domain's view of one customer (a HubSpot company) with everything the engine reads.
 *
 * This is the contract between the data layer (`src/hubspot/`), which builds these records from the
 * HubSpot API, and the engine (`src/domain/`), which computes from them. It carries no SDK types and
 * no I/O: dates are `Date`, money is a number in the portal currency, absent values are `undefined`
 * (never 0), so the engine can tell "no data" from "zero".
 */

/** A recurring-revenue contract: `mrr` is earned every day of [start, end). `end` undefined = open-ended. */
export interface RevenueContract {
  dealId: string;
  mrr: number;
  start: Date;
  end?: Date;
  /** When the contract was signed (the deal's close date), so a past date does not see later renewals. */
  signedAt?: Date;
}

export type DealOutcome = 'won' | 'lost' | 'open';

export interface Deal {
  id: string;
  name?: string;
  ownerId?: string;
  pipelineId?: string;
  stageId?: string;
  /** Probability of the current stage, 0..1, from the pipeline definition. */
  stageProbability?: number;
  /** Order of the stage in its pipeline (0-based), to check that probability rises with the stage. */
  stageOrder?: number;
  outcome: DealOutcome;
  amount?: number;
  /** `newbusiness`, `existingbusiness`, `renewal`, ... as the portal records it. */
  dealType?: string;
  createdAt?: Date;
  closedAt?: Date;
  /** Monthly recurring revenue of the deal (hs_mrr or the configured mapping). */
  mrr?: number;
  contractStart?: Date;
  contractEnd?: Date;
  /** Why a renewal was lost (churn reason), and whether the CS team could have controlled it. */
  churnReason?: string;
  churnControllable?: boolean;
  /** Values currently stored on the deal for cs-health's deal properties, to write only what changed. */
  currentProperties?: Record<string, string | null>;
}

export type TicketPriority = 'LOW' | 'MEDIUM' | 'HIGH' | 'URGENT';

export interface Ticket {
  id: string;
  priority?: TicketPriority;
  createdAt: Date;
  closedAt?: Date;
  /** True when the ticket's pipeline stage is a closed state. */
  isClosed: boolean;
  /**
   * When the ticket entered and left closed stages, oldest first (from the stage's property
   * history), so its state at a past date is the one it had then, not today's.
   */
  stateChanges?: { at: Date; closed: boolean }[];
  ownerId?: string;
}

export type SurveyType = 'NPS' | 'CSAT' | 'CES' | 'CUSTOM';

export interface FeedbackResponse {
  id: string;
  surveyType: SurveyType;
  /** The raw answer on the survey's own scale (NPS 0-10, CSAT 1-5 by default, CES 1-7). */
  value: number;
  submittedAt: Date;
  contactId?: string;
  ticketId?: string;
  sentiment?: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE';
  content?: string;
  /** True for employee surveys (eNPS). */
  isEmployeeSurvey?: boolean;
}

export interface Contact {
  id: string;
  email?: string;
  /** Last call, email or meeting with this contact (HubSpot's `notes_last_contacted`). */
  lastContactedAt?: Date;
}

/** Engagement aggregates for a company, as HubSpot keeps them or as counted through search totals. */
export interface EngagementSummary {
  /** Last call/email/meeting logged on the company (HubSpot's `notes_last_contacted`). */
  lastTouchAt?: Date;
  /** Touches (calls + emails + meetings) in the trailing 90 days, when known. */
  touchesLast90Days?: number;
  /** Product-usage signal, 0..100, when the portal records one (configurable property). */
  usageScore?: number;
}

/** A CSM's manual override of the health score: it wins until it expires. */
export interface HealthOverride {
  score: number;
  reason: string;
  author?: string;
  expiresAt: Date;
}

export interface HistoryPoint {
  at: Date;
  value: number;
}

export interface Customer {
  id: string;
  name?: string;
  /** The CSM who owns the account (`hubspot_owner_id`). */
  ownerId?: string;
  /** Segment (gold / silver / bronze by default; the property is configurable). */
  segment?: string;
  createdAt?: Date;
  deals: Deal[];
  tickets: Ticket[];
  contacts: Contact[];
  feedback: FeedbackResponse[];
  engagement: EngagementSummary;
  override?: HealthOverride;
  /** Past values of `cs_health_score`, oldest first (from propertiesWithHistory). */
  healthHistory?: HistoryPoint[];
  /** Values currently stored on the company for the computed properties, to write only what changed. */
  currentProperties?: Record<string, string | null>;
}

export interface Owner {
  id: string;
  /** The HubSpot user id behind the owner, used to match the viewer of a card. */
  userId?: number;
  email?: string;
  firstName?: string;
  lastName?: string;
  teamIds: string[];
  /** The teams' names as HubSpot shows them ("Customer Success", "Sales"...). */
  teamNames?: string[];
  /** Role for objectives: csm, am, cs_manager, sales_rep. */
  role?: string;
}

/** A HubSpot Goals target assigned to a user (goal_targets). */
export interface GoalTarget {
  id: string;
  ownerUserId?: number;
  name: string;
  /** The measure this goal targets, when it can be matched (e.g. "nrr", "csat"). */
  measure?: string;
  target: number;
  start: Date;
  end: Date;
}
