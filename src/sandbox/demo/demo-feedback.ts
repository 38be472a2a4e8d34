import type { ArchetypeProfile } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import type { ClosedTicket } from './demo-tickets';
import { DAY, HOUR, isoDateTime } from './demo-time';
import { CES_VERBATIMS, CSAT_VERBATIMS, NPS_VERBATIMS } from './demo-vocabulary';
import type { DemoWriter } from './demo-writer';

export type SurveyType = 'NPS' | 'CSAT' | 'CES';

/** Survey names as a HubSpot portal would call them; employee answers use {@link EMPLOYEE_SURVEY_NAME}. */
export const SURVEY_NAMES: Record<SurveyType, string> = { NPS: 'Customer NPS', CSAT: 'Support ticket CSAT', CES: 'Customer effort survey' };
export const EMPLOYEE_SURVEY_NAME = 'Employee NPS';

/** A submission's response group and sentiment from its scale: NPS 9-10 / 7-8 / 0-6; CSAT 4-5 / 3 / 1-2; CES 5-7 / 4 / 1-3. */
export function responseGroup(type: SurveyType, value: number): { group: string; sentiment: 'POSITIVE' | 'NEUTRAL' | 'NEGATIVE' } {
  const [good, neutral] = type === 'NPS' ? [9, 7] : type === 'CSAT' ? [4, 3] : [5, 4];
  const level = value >= good ? 0 : value >= neutral ? 1 : 2;
  const groups = type === 'NPS' ? ['promoter', 'passive', 'detractor'] : ['satisfied', 'neutral', 'dissatisfied'];
  return { group: groups[level], sentiment: (['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const)[level] };
}

/** Emits one feedback submission associated to its contact (and ticket); returns its id. */
export function emitSubmission(
  writer: DemoWriter,
  random: DemoRandom,
  answer: { type: SurveyType; value: number; at: number; contactId: string; ticketId?: string; surveyName?: string; content?: string | null },
): string {
  const { group, sentiment } = responseGroup(answer.type, answer.value);
  const verbatims = answer.type === 'NPS' ? NPS_VERBATIMS : answer.type === 'CSAT' ? CSAT_VERBATIMS : CES_VERBATIMS;
  const properties: Record<string, string> = {
    hs_survey_type: answer.type,
    hs_survey_name: answer.surveyName ?? SURVEY_NAMES[answer.type],
    hs_value: String(answer.value),
    hs_response_group: group,
    hs_sentiment: sentiment,
    hs_submission_timestamp: isoDateTime(answer.at),
    hs_contact_id: answer.contactId,
  };
  // A verbatim is optional in HubSpot surveys: `null` leaves it out, undefined picks a believable one.
  if (answer.content !== null) properties.hs_content = answer.content ?? random.pick((verbatims as Record<string, readonly string[]>)[group]);
  const id = writer.create('feedback_submissions', properties, answer.at);
  writer.link('contacts', answer.contactId, 'feedback_submissions', id);
  if (answer.ticketId) writer.link('feedback_submissions', id, 'tickets', answer.ticketId);
  return id;
}

export interface FeedbackInput {
  random: DemoRandom;
  writer: DemoWriter;
  profile: ArchetypeProfile;
  slipping: boolean;
  contactIds: readonly string[];
  closedTickets: readonly ClosedTicket[];
  firstClose: number;
  activeUntil: number;
  asOf: number;
}

/** An NPS detractor answer, for the follow-up call that may (or may not) come after it. */
export interface DetractorAnswer {
  contactId: string;
  at: number;
}

const draw = (random: DemoRandom, range: readonly [number, number]) => random.int(range[0], range[1]);

/**
 * The customer's survey answers: a relationship NPS from the champion (recent for accounts in
 * trouble), often a second one from another contact, a slipping account's earlier promoter answer
 * (so its NPS is seen falling), CSAT after some closed tickets, and now and then a CES.
 */
export function emitFeedback(input: FeedbackInput): DetractorAnswer[] {
  const { random, writer, profile, contactIds, firstClose, activeUntil, asOf } = input;
  const detractors: DetractorAnswer[] = [];
  // Answers fall between a week after the first close and the end of activity.
  const within = (at: number) => Math.min(asOf - HOUR, activeUntil, Math.max(firstClose + 7 * DAY, at));
  const nps = (value: number, at: number, contactId: string) => {
    const when = within(at);
    emitSubmission(writer, random, { type: 'NPS', value, at: when, contactId });
    if (value <= 6) detractors.push({ contactId, at: when });
  };
  const worried = profile.nps[1] <= 6;
  if (input.slipping) nps(random.int(8, 10), activeUntil - random.int(200, 330) * DAY + random.int(0, 86_399) * 1000, contactIds[0]);
  nps(draw(random, profile.nps), activeUntil - (worried ? random.int(1, 20) : random.int(20, 200)) * DAY + random.int(0, 86_399) * 1000, contactIds[0]);
  if (contactIds.length > 1 && random.chance(0.6)) nps(draw(random, profile.nps), activeUntil - random.int(30, 300) * DAY + random.int(0, 86_399) * 1000, contactIds[1]);
  let csat = 0;
  for (const ticket of input.closedTickets) {
    if (csat >= 3 || !random.chance(0.2)) continue;
    const at = ticket.closedAt + random.int(1, 48) * HOUR;
    if (at > asOf) continue;
    emitSubmission(writer, random, { type: 'CSAT', value: draw(random, profile.csat), at, contactId: ticket.contactId, ticketId: ticket.id });
    csat += 1;
  }
  if (random.chance(0.3)) {
    emitSubmission(writer, random, { type: 'CES', value: draw(random, profile.ces), at: within(activeUntil - random.int(10, 200) * DAY), contactId: random.pick(contactIds) });
  }
  return detractors;
}
