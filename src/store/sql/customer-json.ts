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

/** Turns the known date fields holding an ISO instant back into Dates, in place. */
function reviveDates(value: Record<string, unknown> | unknown[]): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object') reviveDates(item as Record<string, unknown>);
    return;
  }
  for (const key in value) {
    const item = value[key];
    if (typeof item === 'string') {
      if (DATE_FIELDS.has(key) && ISO_INSTANT.test(item)) value[key] = new Date(item);
    } else if (item !== null && typeof item === 'object') reviveDates(item as Record<string, unknown>);
  }
}

/**
 * The customer back with its Dates: only the known date fields holding an ISO instant are revived.
 * A plain parse and one walk: half the CPU of a `JSON.parse` reviver, which the app pages pay for
 * every company they read.
 */
export function customerFromJson(text: string): Customer {
  const customer = JSON.parse(text) as Record<string, unknown>;
  reviveDates(customer);
  return customer as unknown as Customer;
}
