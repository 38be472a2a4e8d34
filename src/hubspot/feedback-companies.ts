import { batchReadAssociations } from './batch-reads';
import type { HubSpotGateway } from './hubspot-gateway';

/** The record types whose change is resolved to companies before a recompute. */
export type ChangedRecordType = 'deals' | 'tickets' | 'contacts' | 'feedback_submissions';

/** Counted on the gateway once per answer that reaches no company (an anonymous answer, a contact of no company). */
export const UNLINKED_ANSWER_WARNING = 'feedback.no_company';

export interface FeedbackCompanies {
  /** The companies the answers belong to, once each, in numeric order. */
  companies: string[];
  /** Answers linked to no company through a contact or a ticket: nothing to recompute for them. */
  unlinked: string[];
}

const flat = (links: Map<string, string[]>) => [...links.values()].flat();
const numeric = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * The companies survey answers belong to, the way the customer reader counts them: through the
 * contact who answered and, for a support survey, the ticket it rates. Any number of answers costs
 * two rounds of association batch reads (1,000 records a call): answer -> contact and answer ->
 * ticket side by side, then contact -> company and ticket -> company side by side; a round with no
 * records to ask about makes no call. An answer that reaches no company is counted as the
 * `feedback.no_company` warning and listed, never an error: the others still resolve.
 *
 * @example
 * await companiesOfFeedback(gateway, ['400017']); // { companies: ['9'], unlinked: [] }, 3 calls
 */
export async function companiesOfFeedback(gateway: HubSpotGateway, answerIds: Iterable<string>): Promise<FeedbackCompanies> {
  const answers = [...new Set(answerIds)];
  const [contactsOf, ticketsOf] = await Promise.all([
    batchReadAssociations(gateway, 'feedback_submissions', 'contacts', answers),
    batchReadAssociations(gateway, 'feedback_submissions', 'tickets', answers),
  ]);
  const [contactCompanies, ticketCompanies] = await Promise.all([
    batchReadAssociations(gateway, 'contacts', 'companies', flat(contactsOf)),
    batchReadAssociations(gateway, 'tickets', 'companies', flat(ticketsOf)),
  ]);
  const companies = new Set<string>();
  const unlinked: string[] = [];
  for (const answer of answers) {
    const reached = [...(contactsOf.get(answer) ?? []).flatMap((id) => contactCompanies.get(id) ?? []), ...(ticketsOf.get(answer) ?? []).flatMap((id) => ticketCompanies.get(id) ?? [])];
    if (reached.length === 0) unlinked.push(answer);
    for (const company of reached) companies.add(company);
  }
  if (unlinked.length > 0) gateway.warnings.add(UNLINKED_ANSWER_WARNING, unlinked.length);
  return { companies: [...companies].sort(numeric), unlinked };
}

/**
 * The companies changed records belong to, for a recompute: a deal, ticket or contact through one
 * association batch read, a survey answer through {@link companiesOfFeedback}. `onUnlinked` hears of
 * the answers that reach no company (to log them); they are already counted on the gateway.
 */
export async function companiesOfRecords(gateway: HubSpotGateway, objectType: ChangedRecordType, ids: readonly string[], onUnlinked: (answerIds: string[]) => void = () => undefined): Promise<string[]> {
  if (objectType !== 'feedback_submissions') return [...new Set(flat(await batchReadAssociations(gateway, objectType, 'companies', ids)))];
  const { companies, unlinked } = await companiesOfFeedback(gateway, ids);
  if (unlinked.length > 0) onUnlinked(unlinked);
  return companies;
}
