import type { DemoOwner } from './demo-portal-setup';
import type { DemoRandom } from './demo-random';
import { DAY, HOUR, isoDateTime } from './demo-time';
import { CALL_TITLES, EMAIL_SUBJECTS, MEETING_TITLES } from './demo-vocabulary';
import type { DemoWriter } from './demo-writer';

export type TouchType = 'calls' | 'emails' | 'meetings';
const TOUCH_MIX: Record<TouchType, number> = { emails: 45, calls: 30, meetings: 25 };

/** A call, email or meeting with one contact of the company, by one owner. */
export interface Touch {
  type: TouchType;
  at: number;
  contactId: string;
  owner: DemoOwner;
  title?: string;
}

/**
 * Emits the touches, associated to the company and the contact, and returns the `notes_last_contacted`
 * they imply: every logged call, email or meeting counts, whatever its outcome, for the company and
 * for the contact it was with (HubSpot's "Last contacted").
 */
export function emitTouches(writer: DemoWriter, random: DemoRandom, companyId: string, touches: readonly Touch[]): { companyLast?: number; byContact: Map<string, number> } {
  let companyLast: number | undefined;
  const byContact = new Map<string, number>();
  for (const touch of touches) {
    const properties: Record<string, string> = { hs_timestamp: isoDateTime(touch.at), hubspot_owner_id: touch.owner.id };
    if (touch.type === 'calls') {
      const answered = random.chance(0.85);
      properties.hs_call_title = touch.title ?? random.pick(CALL_TITLES);
      properties.hs_call_direction = random.chance(0.85) ? 'OUTBOUND' : 'INBOUND';
      properties.hs_call_status = answered ? 'COMPLETED' : 'NO_ANSWER';
      properties.hs_call_duration = String(answered ? random.int(3, 40) * 60_000 : 0);
    } else if (touch.type === 'emails') {
      properties.hs_email_subject = touch.title ?? random.pick(EMAIL_SUBJECTS);
      properties.hs_email_direction = random.chance(0.8) ? 'EMAIL' : 'INCOMING_EMAIL';
      properties.hs_email_status = 'SENT';
    } else {
      const minutes = random.pick([30, 45, 60]);
      properties.hs_meeting_title = touch.title ?? random.pick(MEETING_TITLES);
      properties.hs_meeting_start_time = isoDateTime(touch.at);
      properties.hs_meeting_end_time = isoDateTime(touch.at + minutes * 60_000);
      properties.hs_meeting_outcome = 'COMPLETED';
    }
    const id = writer.create(touch.type, properties, touch.at);
    writer.link(touch.type, id, 'companies', companyId);
    writer.link(touch.type, id, 'contacts', touch.contactId);
    if (companyLast === undefined || touch.at > companyLast) companyLast = touch.at;
    if (touch.at > (byContact.get(touch.contactId) ?? 0)) byContact.set(touch.contactId, touch.at);
  }
  return { companyLast, byContact };
}

/**
 * The regular touches of a relationship: the latest `lastDaysAgo` days before the end of activity,
 * the others spread over the year before it (never before the first close minus a week).
 */
export function planTouches(
  random: DemoRandom,
  input: { count: readonly [number, number]; lastDaysAgo: readonly [number, number]; firstClose: number; activeUntil: number; asOf: number; contactIds: readonly string[]; owner: DemoOwner },
): Touch[] {
  const count = random.int(input.count[0], input.count[1]);
  const earliest = Math.max(input.firstClose - 7 * DAY, input.activeUntil - 330 * DAY);
  const latest = Math.max(earliest, Math.min(input.asOf - HOUR, input.activeUntil - random.int(input.lastDaysAgo[0], input.lastDaysAgo[1]) * DAY + random.int(0, 23) * HOUR));
  const touches: Touch[] = [];
  for (let index = 0; index < count; index++) {
    const at = index === 0 ? latest : Math.floor(random.between(earliest, latest));
    touches.push({ type: random.weighted(TOUCH_MIX), at, contactId: random.pick(input.contactIds), owner: input.owner });
  }
  return touches;
}
