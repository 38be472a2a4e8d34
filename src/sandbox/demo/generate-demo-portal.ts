import type { ObjectType, SeedSink } from '../seed-format';
import { emitCompany } from './demo-company';
import { emitEmployeeSurvey } from './demo-employee-survey';
import { parseDemoOptions, type DemoOptions } from './demo-options';
import { OWNER_ID_BASE, seedGoalTargets, seedOwners, seedPipelines, seedProperties } from './demo-portal-setup';
import { ARCHETYPE_MIX, ARCHETYPES, SEGMENT_MIX, SEGMENTS, type Archetype, type Segment } from './demo-profiles';
import { DemoRandom } from './demo-random';
import { DemoWriter } from './demo-writer';

/**
 * A deterministic demo portal of a B2B SaaS vendor, pushed into a SeedSink one record at a time
 * (nothing but the summary's id lists is kept, so 100,000 companies stream in a few seconds).
 * Same options, same calls to the sink, byte for byte; nothing reads the clock: every date is
 * relative to `asOf`.
 *
 * PROPERTY CONVENTIONS (what the data layer's default mapping can rely on). All values are strings.
 * Datetimes are ISO-8601 UTC with milliseconds; properties HubSpot types as `date` are `YYYY-MM-DD`.
 * Ids are numeric strings counted from 1001 per object type; company ids follow the company index
 * (the first company is 1001, owned by CSM 101).
 *
 * - owners: CS manager 100, CSMs 101.. (about one per 50 companies, 2 to 300; team 11 "Customer
 *   Success"), sales manager 500, reps 501.. (one per 100 companies, 2 to 50; team 12 "Sales"),
 *   AMs 900.. (2 to 6; team 13 "Account Management"). `userId` = 70,000 + owner id.
 * - pipelines: deals "default" (HubSpot's stage ids, probabilities 0.2/0.4/0.6/0.8/0.9, closedwon
 *   1.0, closedlost 0.0) and "renewals" (renewalupcoming 0.5, renewalnegotiation 0.4 - a stage
 *   less likely than the one before it, on purpose, for the stage-probability check -,
 *   renewalcommitted 0.9, renewalwon 1.0 / renewallost 0.0 closed); tickets "0" with stages
 *   "1" New, "2" Waiting on contact, "3" Waiting on us (ticketState OPEN), "4" Closed (CLOSED).
 * - custom properties (`DEMO_PROPERTIES`): company cs_segment (gold/silver/bronze), company
 *   cs_usage_score (0-100), deal cs_contract_end_date (date), deal cs_churn_controllable
 *   ("true"/"false", only on lost renewals).
 * - companies: name, domain, industry, numberofemployees, hubspot_owner_id (a CSM), cs_segment,
 *   cs_usage_score, createdate, lifecyclestage ("customer"; "other" once churned),
 *   notes_last_contacted (the latest call/email/meeting associated to it, whatever its outcome;
 *   absent when there is none) and num_contacted_notes (how many there are).
 * - contacts: 1-3 per company (about 2.2), the first being the champion every deal is associated
 *   to: firstname, lastname, email (at the company's domain), jobtitle, createdate,
 *   lifecyclestage, notes_last_contacted (latest touch with that contact).
 * - deals (about 6 per company): one won deal per contract, `closedate` = contract start,
 *   `cs_contract_end_date` = end (exclusive), `hs_mrr`, `hs_arr` = 12 x MRR, `amount` = MRR x
 *   months of the contract. First contract: dealtype newbusiness in "default", owned by a rep.
 *   Renewals: existingbusiness in "renewals" (renewalwon), starting at the previous end, owned by
 *   an AM (gold accounts) or the CSM; a downgrade is a renewal with a lower MRR. Upsells:
 *   existingbusiness in "default", co-terminous with the running contract. Terms are 12 months
 *   (half of bronze accounts: 6). Churn: a renewallost deal with closed_lost_reason and
 *   cs_churn_controllable (about a quarter controllable); early-life churn: a contract ended
 *   2 months after the first close (its line item says P2M), sold mostly by the first rep(s).
 *   Reactivated: a second newbusiness deal (win-back) after a lost renewal. Lost prospects: a
 *   closedlost newbusiness deal before the first win (closed_lost_reason, no controllable flag).
 *   Open deals: a renewal (renewals pipeline) when the contract ends within 150 days, and
 *   expansions in "default" mid stages; they carry hs_forecast_probability (the stage's
 *   probability, or a lower one on about 1 in 10) and no hs_mrr.
 * - line_items: one per won deal: name, price = hs_mrr, quantity 1, hs_recurring_billing_period
 *   P<n>M, recurringbillingfrequency monthly, hs_recurring_billing_start_date (date),
 *   hs_term_in_months (start + term = the deal's cs_contract_end_date).
 * - tickets (about 10 per company): subject, hs_ticket_category, hs_pipeline "0",
 *   hs_pipeline_stage, hs_ticket_priority LOW/MEDIUM/HIGH/URGENT, createdate, hubspot_owner_id (the
 *   CSM); closed ones also closed_date and time_to_close (ms). Associated to company and contact.
 * - feedback_submissions (about 3 per company): hs_survey_type NPS (0-10) / CSAT (1-5, after a
 *   closed ticket, associated to it) / CES (1-7), hs_survey_name, hs_value, hs_response_group
 *   (promoter/passive/detractor for NPS; satisfied/neutral/dissatisfied otherwise), hs_sentiment
 *   POSITIVE/NEUTRAL/NEGATIVE, hs_content (verbatim, several languages), hs_submission_timestamp,
 *   hs_contact_id; associated to the contact who answered. Recent detractors are sometimes called
 *   back within 2-40 h ("Follow-up on your NPS feedback" call with that contact), sometimes not.
 *   Employee NPS: hs_survey_name "Employee NPS" (type NPS), answered by employee contacts that
 *   belong to no company.
 * - calls (hs_call_title, hs_call_direction, hs_call_status COMPLETED/NO_ANSWER, hs_call_duration
 *   ms), emails (hs_email_subject, hs_email_direction EMAIL/INCOMING_EMAIL, hs_email_status),
 *   meetings (hs_meeting_title, hs_meeting_start_time/end_time, hs_meeting_outcome COMPLETED):
 *   hs_timestamp and hubspot_owner_id on all, associated to the company and one contact.
 * - goal_targets: per CSM, for the previous and the current quarter, "NRR" 105, "GRR" 92, "CSAT"
 *   85 and "Accounts contacted %" 90 (`hs_goal_name` "NRR Q4 2026 - <CSM name>",
 *   hs_target_amount, hs_start_datetime, hs_end_datetime, hs_assignee_user_id = the CSM's userId).
 *
 * ARCHETYPES (the summary lists each one's company ids): thriving (usage 78+, promoters, upsells,
 * price-up renewals, touched in the last 10 days), steady, slipping (usage 30-52, an earlier
 * promoter then a detractor in the last 20 days, ticket surge, a downgrade at renewal), failing
 * (usage 25 or less, 3-4 open HIGH/URGENT tickets 8-45 days old, no touch for 62+ days, an add-on
 * lapsed in the last 90 days, renewal within 90 days), churned (a lost renewal in the past; about
 * a third early-life), reactivated (lost, then won back), new (first close in the last 85 days).
 * The archetypes are what the demo intends; the product's scores are its own reading of the data.
 */

export { ARCHETYPES, type Archetype, SEGMENTS, type Segment } from './demo-profiles';
export { demoOptionsSchema, type DemoOptions } from './demo-options';

/** The demo's CS manager (owner 100, user 70100): paid on the cs_manager plan, sees the CS team. */
export const DEMO_MANAGER_OWNER_IDS = [String(OWNER_ID_BASE.csManager)];

/** Share of churned customers lost within 90 days of their first close. */
const EARLY_CHURN_SHARE = 0.35;

export interface DemoSummary {
  /** Objects the sink received, per type (employee contacts and eNPS answers included). */
  objects: Record<ObjectType, number>;
  owners: number;
  associations: number;
  /** Company ids per archetype, in generation order. */
  archetypes: Record<Archetype, string[]>;
  archetypeCounts: Record<Archetype, number>;
  segments: Record<Segment, number>;
  /** Customers lost within 90 days of their first close, and how many of them each rep (owner id) sold. */
  earlyChurn: { companyIds: string[]; byRep: Record<string, number> };
  /** Companies whose latest NPS detractor of the last 90 days is still waiting for a touch on that contact, or got one. */
  detractorFollowUp: { due: string[]; done: string[] };
  /** Employee NPS answers (not tied to any company). */
  employeeSurveyAnswers: number;
}

/**
 * Seeds `sink` with a demo portal of `options.companies` customers; returns what was seeded.
 * Throws an error naming the field when an option is invalid (e.g. "demo portal: companies:
 * companies must be at most 1,000,000").
 *
 * @example
 * const summary = generateDemoPortal({ companies: 500, seed: 42, asOf: new Date('2026-11-01T00:00:00Z') }, store);
 * summary.archetypes.failing // => ['1007', '1019', ...]
 */
export function generateDemoPortal(options: DemoOptions, sink: SeedSink): DemoSummary {
  const { companies, seed, asOf } = parseDemoOptions(options);
  const now = asOf.getTime();
  const random = new DemoRandom(seed);
  const writer = new DemoWriter(sink);

  const teams = seedOwners(sink, companies);
  seedPipelines(sink);
  seedProperties(sink);
  seedGoalTargets(writer, teams.csms, now);

  // Early-life churn is concentrated on a fifth of the reps (at least one): their retention record is the story.
  const riskyReps = teams.reps.slice(0, Math.max(1, Math.floor(teams.reps.length / 5)));
  const archetypes = Object.fromEntries(ARCHETYPES.map((a) => [a, [] as string[]])) as Record<Archetype, string[]>;
  const segments = Object.fromEntries(SEGMENTS.map((s) => [s, 0])) as Record<Segment, number>;
  const earlyChurn: DemoSummary['earlyChurn'] = { companyIds: [], byRep: {} };
  const detractorFollowUp: DemoSummary['detractorFollowUp'] = { due: [], done: [] };

  for (let index = 0; index < companies; index++) {
    const archetype = random.weighted(ARCHETYPE_MIX);
    const segment = random.weighted(SEGMENT_MIX);
    const early = archetype === 'churned' && random.chance(EARLY_CHURN_SHARE);
    const rep = early && random.chance(0.75) ? random.pick(riskyReps) : random.pick(teams.reps);
    const outcome = emitCompany(writer, random, {
      index, archetype, segment, earlyChurn: early, asOf: now,
      csm: teams.csms[index % teams.csms.length], rep, am: teams.ams[index % teams.ams.length],
    });
    archetypes[archetype].push(outcome.id);
    segments[segment] += 1;
    if (early) {
      earlyChurn.companyIds.push(outcome.id);
      earlyChurn.byRep[rep.id] = (earlyChurn.byRep[rep.id] ?? 0) + 1;
    }
    if (outcome.detractorFollowUp) detractorFollowUp[outcome.detractorFollowUp].push(outcome.id);
  }
  const employeeSurveyAnswers = emitEmployeeSurvey(writer, random, teams, now);

  return {
    objects: { ...writer.counts },
    owners: 2 + teams.csms.length + teams.reps.length + teams.ams.length,
    associations: writer.associations,
    archetypes,
    archetypeCounts: Object.fromEntries(ARCHETYPES.map((a) => [a, archetypes[a].length])) as Record<Archetype, number>,
    segments,
    earlyChurn,
    detractorFollowUp,
    employeeSurveyAnswers,
  };
}
