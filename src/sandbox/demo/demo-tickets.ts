import type { DemoOwner } from './demo-portal-setup';
import type { ArchetypeProfile } from './demo-profiles';
import type { DemoRandom } from './demo-random';
import { DAY, HOUR, isoDateTime } from './demo-time';
import { TICKETS } from './demo-vocabulary';
import type { DemoWriter } from './demo-writer';

export interface TicketInput {
  random: DemoRandom;
  writer: DemoWriter;
  profile: ArchetypeProfile;
  companyId: string;
  contactIds: readonly string[];
  owner: DemoOwner;
  /** Tickets are opened between the first close and the end of activity. */
  firstClose: number;
  activeUntil: number;
  asOf: number;
}

/** A ticket that was closed, for the CSAT survey that may follow it. */
export interface ClosedTicket {
  id: string;
  contactId: string;
  closedAt: number;
}

const OPEN_STAGES = ['1', '2', '3'] as const;
const PRIORITY_MIX = { LOW: 40, MEDIUM: 40, HIGH: 15, URGENT: 5 } as const;

/**
 * Support tickets over the last year of activity. A profile's `recentShare` lands in the last 30
 * days (a surge when high); `openHighPriority` HIGH/URGENT tickets stay open for 8 to 45 days
 * (failing accounts); the others close after `resolutionHours`, or are still open when that is
 * after `asOf` (kept LOW/MEDIUM for accounts whose profile has no open high-priority work).
 */
export function emitTickets(input: TicketInput): ClosedTicket[] {
  const { random, writer, profile, asOf, firstClose, activeUntil } = input;
  const closed: ClosedTicket[] = [];
  const spanStart = Math.max(firstClose, activeUntil - 365 * DAY);
  const recentStart = Math.max(spanStart, activeUntil - 30 * DAY);
  const count = random.int(profile.tickets.count[0], profile.tickets.count[1]);
  const openHigh = random.int(profile.tickets.openHighPriority[0], profile.tickets.openHighPriority[1]);
  for (let index = 0; index < count; index++) {
    const stuck = index < openHigh;
    let createdAt: number;
    if (stuck) createdAt = Math.max(spanStart, activeUntil - random.int(8, 45) * DAY) + random.int(0, 23) * HOUR;
    else if (random.chance(profile.tickets.recentShare) || recentStart === spanStart) createdAt = random.between(recentStart, activeUntil);
    else createdAt = random.between(spanStart, recentStart);
    createdAt = Math.min(Math.floor(createdAt), asOf - HOUR);
    const hours = random.between(profile.tickets.resolutionHours[0], profile.tickets.resolutionHours[1]);
    const closedAt = Math.floor(createdAt + hours * HOUR);
    const open = stuck || closedAt > asOf;
    const priority = stuck ? (index === 0 ? 'URGENT' : 'HIGH')
      : open && profile.tickets.openHighPriority[1] === 0 ? random.pick(['LOW', 'MEDIUM'] as const)
      : random.weighted(PRIORITY_MIX);
    const kind = random.pick(TICKETS);
    const contactId = random.pick(input.contactIds);
    const properties: Record<string, string> = {
      subject: kind.subject,
      hs_ticket_category: kind.category,
      hs_pipeline: '0',
      hs_pipeline_stage: open ? (stuck ? random.pick(['1', '3'] as const) : random.pick(OPEN_STAGES)) : '4',
      hs_ticket_priority: priority,
      createdate: isoDateTime(createdAt),
      hubspot_owner_id: input.owner.id,
    };
    if (!open) {
      properties.closed_date = isoDateTime(closedAt);
      properties.time_to_close = String(closedAt - createdAt);
    }
    const id = writer.create('tickets', properties, createdAt);
    writer.link('tickets', id, 'companies', input.companyId);
    writer.link('tickets', id, 'contacts', contactId);
    if (!open) closed.push({ id, contactId, closedAt });
  }
  return closed;
}
