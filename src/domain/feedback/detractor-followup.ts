import type { Contact, Customer } from '../customer';
import { DAY_MS, HOUR_MS } from '../time/days';
import { isDetractor } from './nps';

/** Detractors should hear from the company within 48 hours of their answer (NPS practice). */
export const DETRACTOR_FOLLOWUP_HOURS = 48;

/**
 * When the follow-up of the latest detractor answer is due: 48 h after the latest detractor (NPS 0-6)
 * of the trailing 365 days that no call, email or meeting with that contact has followed yet.
 * Undefined when every detractor has been followed up, so a workflow only fires on open cases.
 *
 * @example
 * detractorFollowUpDue(customer, new Date('2026-11-22T12:00:00Z')) // => 2026-11-23T09:00:00Z (answered 2026-11-21T09:00Z, not contacted since)
 */
export function detractorFollowUpDue(customer: Pick<Customer, 'feedback' | 'contacts'>, asOf: Date, windowDays = 365): Date | undefined {
  const from = asOf.getTime() - windowDays * DAY_MS;
  let open: Date | undefined;
  for (const r of customer.feedback) {
    const t = r.submittedAt.getTime();
    if (!isDetractor(r) || t <= from || t > asOf.getTime()) continue;
    const contact = r.contactId ? contactOf(customer.contacts, r.contactId) : undefined;
    const followed = contact?.lastContactedAt !== undefined && contact.lastContactedAt.getTime() > t;
    if (!followed && (!open || t > open.getTime())) open = r.submittedAt;
  }
  return open ? new Date(open.getTime() + DETRACTOR_FOLLOWUP_HOURS * HOUR_MS) : undefined;
}

/** The first contact with this id (a loop, not find: no closure per answer on the engine's hot path). */
function contactOf(contacts: readonly Contact[], id: string): Contact | undefined {
  for (const c of contacts) if (c.id === id) return c;
  return undefined;
}
