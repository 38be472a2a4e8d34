import { z } from 'zod';
import type { PortalMapping } from '../domain/config/portal-mapping';
import type { Customer, Deal, FeedbackResponse } from '../domain/customer';
import { isDetractor } from '../domain/feedback/nps';
import { batchReadAssociations, batchReadObjects, batchReadParsed, parseObjects } from './batch-reads';
import { HubSpotError, HubSpotErrorCode } from './hubspot-error';
import type { HubSpotGateway } from './hubspot-gateway';
import type { PortalContext } from './portal-context';
import type { HubSpotObject } from './property-values';
import { parseCompany, parseContact, parseDeal, parseFeedback, parseLineItems, parseTicket, propertiesToRead } from './record-parsers';

/** What a company is read with inline; HubSpot keys line items `"line items"`, not needed here. */
const LINKED_TYPES = ['contacts', 'deals', 'tickets'] as const;
type LinkedType = (typeof LINKED_TYPES)[number];

export interface ReadOptions {
  /** Read `cs_health_score` history (cards draw it); costs payload, so off for the sync. */
  withHealthHistory?: boolean;
  /**
   * Which contacts to read; the engine reads of a contact only whether a detractor was followed up
   * (`detractorFollowUpDue`), so both give the same figures. `detractors` (fewest calls, the default
   * of the sync and recompute): only contacts with a detractor answer, one round-trip after the
   * answers. `answering` (fewest round-trips, the default of `readCustomers` for cards): every
   * contact with an answer, side by side with the answers.
   */
  contacts?: 'detractors' | 'answering';
}

export interface CustomerPage {
  customers: Customer[];
  /** Cursor of the next page; absent on the last. Checkpoint it to resume. */
  after?: string;
}

const listPageSchema = z.object({
  results: z.array(z.unknown()),
  paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
});

/**
 * Company -> linked ids, from the inline associations where complete, and through the v4 batch
 * read (1,000 per call) for the companies whose inline list was cut at its page size.
 */
async function linkedIds(gateway: HubSpotGateway, companies: HubSpotObject[], inlineComplete: boolean): Promise<Record<LinkedType, Map<string, string[]>>> {
  const entries = await Promise.all(
    LINKED_TYPES.map(async (type) => {
      const links = new Map<string, string[]>();
      const truncated: string[] = [];
      for (const company of companies) {
        const inline = company.associations?.[type];
        links.set(company.id, [...new Set(inline?.results.map((result) => result.id) ?? [])]);
        if (!inlineComplete || inline?.paging?.next) truncated.push(company.id);
      }
      if (truncated.length > 0) for (const [id, targets] of await batchReadAssociations(gateway, 'companies', type, truncated)) links.set(id, targets);
      return [type, links] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<LinkedType, Map<string, string[]>>;
}

/**
 * Builds Customers for a set of companies already read: batch-reads their deals and tickets (100
 * per call), their contacts' and tickets' feedback (association batch reads, then batch read),
 * the contacts `contactsToRead` names (see ReadOptions.contacts; the others' reads could not change
 * a figure, issue 15) and, in line-items revenue mode, the deals' line items. Independent reads go
 * out in parallel: three sequential round-trips after the companies, a fourth for detractors' contacts.
 */
export async function assemble(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, companies: HubSpotObject[], inlineComplete: boolean, contactsToRead: ReadOptions['contacts'] = 'detractors'): Promise<Customer[]> {
  const properties = propertiesToRead(mapping);
  const links = await linkedIds(gateway, companies, inlineComplete);
  const all = (type: LinkedType) => [...links[type].values()].flat();
  const withLineItems = mapping.revenue.source === 'line_items';

  // Deals and tickets become records as each page answers (batchReadParsed: the raw pages die
  // young); in line-items mode a deal waits for its items, read in the next round-trip.
  const [rawDeals, deals, tickets, feedbackLinks, ticketFeedbackLinks, lineItemLinks] = await Promise.all([
    withLineItems ? batchReadObjects(gateway, 'deals', all('deals'), properties.deals) : Promise.resolve(new Map<string, HubSpotObject>()),
    withLineItems ? Promise.resolve(new Map<string, Deal>()) : batchReadParsed(gateway, 'deals', all('deals'), properties.deals, (deal) => parseDeal(deal, context, mapping, gateway.warnings)),
    // The stage's history gives each ticket's state at a past date (churn-model features, trend).
    batchReadParsed(gateway, 'tickets', all('tickets'), properties.tickets, (ticket) => parseTicket(ticket, context, mapping, gateway.warnings), ['hs_pipeline_stage']),
    batchReadAssociations(gateway, 'contacts', 'feedback_submissions', all('contacts')),
    // CSAT after a ticket closes is often tied to the ticket only: read those answers too.
    batchReadAssociations(gateway, 'tickets', 'feedback_submissions', all('tickets')),
    withLineItems ? batchReadAssociations(gateway, 'deals', 'line_items', all('deals')) : Promise.resolve(new Map<string, string[]>()),
  ]);
  const answering = contactsToRead === 'answering' ? all('contacts').filter((id) => (feedbackLinks.get(id)?.length ?? 0) > 0) : [];
  const [feedback, lineItems, answeringContacts] = await Promise.all([
    batchReadObjects(gateway, 'feedback_submissions', [...feedbackLinks.values(), ...ticketFeedbackLinks.values()].flat(), properties.feedback_submissions),
    withLineItems ? batchReadObjects(gateway, 'line_items', [...lineItemLinks.values()].flat(), properties.line_items) : Promise.resolve(new Map<string, HubSpotObject>()),
    batchReadParsed(gateway, 'contacts', answering, properties.contacts, (contact) => parseContact(contact, gateway.warnings)),
  ]);
  if (withLineItems) for (const [id, deal] of rawDeals) {
    const parsed = parseDeal(deal, context, mapping, gateway.warnings, parseLineItems(present(lineItems, lineItemLinks.get(id) ?? []), mapping, gateway.warnings));
    if (parsed) deals.set(id, parsed);
  }

  const answers = new Map(
    companies.map((company) => [
      company.id,
      companyAnswers(
        (links.contacts.get(company.id) ?? []).map((contactId) => ({ contactId, answers: present(feedback, feedbackLinks.get(contactId) ?? []) })),
        (links.tickets.get(company.id) ?? []).map((ticketId) => ({ ticketId, answers: present(feedback, ticketFeedbackLinks.get(ticketId) ?? []) })),
        (answer, contactId) => parseFeedback(answer, contactId, mapping, gateway.warnings),
      ),
    ]),
  );
  const detractorContacts = [...answers.values()].flat().flatMap((answer) => (isDetractor(answer) && answer.contactId ? [answer.contactId] : []));
  const contacts = contactsToRead === 'answering' ? answeringContacts : await batchReadParsed(gateway, 'contacts', detractorContacts, properties.contacts, (contact) => parseContact(contact, gateway.warnings));

  // Object.assign, not a spread: node 20's V8 gives `{ ...company, deals }` a hidden class of its own
  // per object, so every engine read of a customer field met hundreds of shapes (megamorphic).
  return companies.map((company) => Object.assign(parseCompany(company, mapping, gateway.warnings), {
    deals: present(deals, links.deals.get(company.id) ?? []),
    tickets: present(tickets, links.tickets.get(company.id) ?? []),
    contacts: present(contacts, links.contacts.get(company.id) ?? []),
    feedback: answers.get(company.id) ?? [],
  }));
}

/** The records of `ids` that were read, in their order (an id HubSpot did not return is left out). */
function present<T>(map: Map<string, T>, ids: string[]): T[] {
  const found: T[] = [];
  for (const id of ids) {
    const record = map.get(id);
    if (record !== undefined) found.push(record);
  }
  return found;
}

/**
 * A company's answers: its contacts' and its tickets', each answer once even when it is tied to a
 * contact and a ticket (then it carries both ids).
 */
function companyAnswers(
  byContact: { contactId: string; answers: HubSpotObject[] }[],
  byTicket: { ticketId: string; answers: HubSpotObject[] }[],
  parse: (answer: HubSpotObject, contactId: string | undefined) => FeedbackResponse | undefined,
): FeedbackResponse[] {
  const answers = new Map<string, FeedbackResponse>();
  for (const { contactId, answers: raw } of byContact) {
    for (const answer of raw) {
      if (answers.has(answer.id)) continue;
      const parsed = parse(answer, contactId);
      if (parsed) answers.set(answer.id, parsed);
    }
  }
  for (const { ticketId, answers: raw } of byTicket) {
    for (const answer of raw) {
      const known = answers.get(answer.id);
      if (known) {
        known.ticketId ??= ticketId;
        continue;
      }
      const parsed = parse(answer, undefined);
      if (parsed) answers.set(answer.id, { ...parsed, ticketId });
    }
  }
  return [...answers.values()];
}

/**
 * Companies a full sync should assemble at once. Batch reads are rounded up once per assembly, so
 * assembling 1,000 companies (10 list pages) at a time instead of 100 cuts the rounding from about
 * one call per type per 100 companies to one per 1,000: the read stays within a few percent of
 * the floor, (companies + deals + tickets + contacts + answers) / 100 (issue 15). The default stays
 * one list page, so a caller that checkpoints per page keeps that granularity unless it opts in.
 */
export const SYNC_COMPANIES_PER_ASSEMBLY = 1_000;

/**
 * Streams the portal's customers: list pages of companies (inline contacts, deals, tickets) are
 * gathered until `companiesPerAssembly` of them are waiting (default: every list page on its own),
 * then what they link to is read in full batches across those pages. Memory holds one assembly;
 * each yielded page carries the cursor after its last list page, to checkpoint.
 *
 * @example
 * for await (const page of readCustomerPages(gateway, context, mapping, { after: checkpoint })) {
 *   await saveCheckpoint(page.after);
 * }
 */
export async function* readCustomerPages(
  gateway: HubSpotGateway,
  context: PortalContext,
  mapping: PortalMapping,
  options: ReadOptions & { pageSize?: number; after?: string; companiesPerAssembly?: number } = {},
): AsyncGenerator<CustomerPage> {
  // One comma-separated value (HubSpot's documented form) keeps the URL short, whatever the count.
  const properties = [propertiesToRead(mapping).companies.join(',')];
  const history = options.withHealthHistory ? ['cs_health_score'] : undefined;
  const perAssembly = Math.max(1, options.companiesPerAssembly ?? 1);
  let after = options.after;
  let waiting: HubSpotObject[] = [];
  do {
    const cursor = after;
    const page = listPageSchema.parse(
      await gateway.call('companies.list', (client) =>
        client.crm.objects.basicApi.getPage('companies', options.pageSize ?? 100, cursor, properties, history, [...LINKED_TYPES]),
      ),
    );
    waiting = waiting.concat(parseObjects(gateway, 'companies', page.results));
    after = page.paging?.next?.after;
    if (waiting.length >= perAssembly || !after) {
      const companies = waiting;
      waiting = [];
      yield { customers: await assemble(gateway, context, mapping, companies, true, options.contacts), after };
    }
  } while (after);
}

/** Below this many ids, one get-with-associations per company beats a batch read plus three association reads. */
const SINGLE_READ_LIMIT = 3;

/**
 * Reads the given companies as Customers (incremental recompute, one card). One company costs its
 * read, deals, tickets, two answer links and answers (6 calls) and its contacts (see `contacts`: by
 * default side by side with the answers, 3 sequential round-trips in all); more companies are
 * batched (companies 100 per call, their links by association batch reads). Unknown ids are
 * counted (`company.not_found`) and left out.
 */
export async function readCustomers(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, ids: string[], options: ReadOptions = {}): Promise<Customer[]> {
  const unique = [...new Set(ids)];
  const properties = propertiesToRead(mapping).companies;
  const history = options.withHealthHistory ? ['cs_health_score'] : [];
  const contacts = options.contacts ?? 'answering';
  if (unique.length <= SINGLE_READ_LIMIT) {
    const joined = [properties.join(',')];
    const companies = await Promise.all(
      unique.map(async (id) => {
        try {
          return await gateway.call('companies.get', (client) => client.crm.objects.basicApi.getById('companies', id, joined, history, [...LINKED_TYPES]));
        } catch (error) {
          if (error instanceof HubSpotError && error.code === HubSpotErrorCode.NotFound) {
            gateway.warnings.add('company.not_found');
            return undefined;
          }
          throw error;
        }
      }),
    );
    return assemble(gateway, context, mapping, parseObjects(gateway, 'companies', companies.filter((company) => company !== undefined)), true, contacts);
  }
  const companies = await batchReadObjects(gateway, 'companies', unique, properties, history);
  return assemble(gateway, context, mapping, [...companies.values()], false, contacts);
}

/**
 * The companies' own fields alone (name, owner, segment, usage, override, the values cs-health
 * wrote), 100 per call: what changed when a webhook names the company itself. The caller takes the
 * deals, tickets and answers from the store's latest reading, which no company property touches.
 * Unknown ids are counted (`company.not_found`, by the batch read) and left out.
 */
export async function readCompanyFields(gateway: HubSpotGateway, mapping: PortalMapping, ids: readonly string[]): Promise<Map<string, Omit<Customer, 'deals' | 'tickets' | 'contacts' | 'feedback'>>> {
  const unique = [...new Set(ids)];
  const companies = await batchReadObjects(gateway, 'companies', unique, propertiesToRead(mapping).companies);
  return new Map([...companies.values()].map((company) => [company.id, parseCompany(company, mapping, gateway.warnings)]));
}
