import type { Customer } from '../../domain/customer';

/** Every Date-valued field of a `Customer` and what it holds (deals, tickets, answers, contacts, override). */
const DATE_FIELDS = new Set(['createdAt', 'closedAt', 'contractStart', 'contractEnd', 'submittedAt', 'lastContactedAt', 'lastTouchAt', 'expiresAt', 'at']);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * A customer as the store keeps it: what the engine reads, without the property values HubSpot
 * shows today (`currentProperties`, stale the moment the sync writes) or the property history
 * (the daily snapshots hold it). Dates become ISO instants (UTC) in JSON.
 */
export function customerToJson(customer: Customer): string {
  const { currentProperties: _current, healthHistory: _history, ...kept } = customer;
  return JSON.stringify(kept);
}

/** The customer back with its Dates: only the known date fields holding an ISO instant are revived. */
export function customerFromJson(text: string): Customer {
  return JSON.parse(text, (key, value) => (DATE_FIELDS.has(key) && typeof value === 'string' && ISO_INSTANT.test(value) ? new Date(value) : value)) as Customer;
}
