import { z } from 'zod';

const statsSchema = z.object({ objects: z.record(z.string(), z.number()) });

/** What a portal holds, from the sandbox's own stats (outside HubSpot's API: costs no API call). */
export interface PortalSize {
  companies: number;
  deals: number;
  tickets: number;
  contacts: number;
  answers: number;
}

export async function portalSize(sandboxUrl: string): Promise<PortalSize> {
  const response = await fetch(`${sandboxUrl}/_sandbox/stats`);
  const { objects } = statsSchema.parse(await response.json());
  return { companies: objects.companies ?? 0, deals: objects.deals ?? 0, tickets: objects.tickets ?? 0, contacts: objects.contacts ?? 0, answers: objects.feedback_submissions ?? 0 };
}

/**
 * The fewest reads any sync could make: every company, deal, ticket, contact and answer once, 100
 * per call (HubSpot's list and batch-read maximum), plus one write per 100 changed companies.
 *
 * @example
 * readFloor({ companies: 1000, deals: 5672, tickets: 100, contacts: 2201, answers: 0 }); // 10 + 57 + 1 + 23 = 91
 */
export function readFloor(size: PortalSize): number {
  return [size.companies, size.deals, size.tickets, size.contacts, size.answers].reduce((sum, count) => sum + Math.ceil(count / 100), 0);
}

export const writeFloor = (changedCompanies: number): number => Math.ceil(changedCompanies / 100);
