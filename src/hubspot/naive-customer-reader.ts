import type { PortalMapping } from '../domain/config/portal-mapping';
import type { Customer } from '../domain/customer';
import { parseObjects } from './batch-reads';
import type { HubSpotGateway } from './hubspot-gateway';
import type { PortalContext } from './portal-context';
import { parseCompany, parseContact, parseDeal, parseFeedback, parseTicket, propertiesToRead } from './record-parsers';

/**
 * The baseline the benchmark compares against: what a straightforward integration does, one
 * company at a time with one GET per linked object and one PATCH per company. Same parsing as the
 * real reader, so both produce the same Customers; only the API cost differs.
 */
export async function readCustomerNaively(gateway: HubSpotGateway, context: PortalContext, mapping: PortalMapping, companyId: string): Promise<Customer> {
  const properties = propertiesToRead(mapping);
  const get = async (type: string, id: string, names: string[], associations?: string[]) => {
    const object = await gateway.call(`naive.${type}.get`, (client) => client.crm.objects.basicApi.getById(type, id, [names.join(',')], undefined, associations));
    return parseObjects(gateway, type, [object])[0];
  };
  const company = await get('companies', companyId, properties.companies, ['contacts', 'deals', 'tickets']);
  const ids = (type: string) => [...new Set((company.associations?.[type]?.results ?? []).map((r) => r.id))];
  const deals = await Promise.all(ids('deals').map((id) => get('deals', id, properties.deals)));
  const tickets = await Promise.all(ids('tickets').map((id) => get('tickets', id, properties.tickets)));
  const contacts = await Promise.all(ids('contacts').map((id) => get('contacts', id, properties.contacts, ['feedback_submissions'])));
  const feedback = await Promise.all(
    contacts.flatMap((contact) => [...new Set((contact.associations?.feedback_submissions?.results ?? []).map((r) => r.id))].map(async (id) => ({ contactId: contact.id, answer: await get('feedback_submissions', id, properties.feedback_submissions) }))),
  );
  return {
    ...parseCompany(company, mapping, gateway.warnings),
    deals: deals.flatMap((deal) => parseDeal(deal, context, mapping, gateway.warnings) ?? []),
    tickets: tickets.flatMap((ticket) => parseTicket(ticket, context, mapping, gateway.warnings) ?? []),
    contacts: contacts.map((contact) => parseContact(contact, gateway.warnings)),
    feedback: feedback.flatMap(({ contactId, answer }) => parseFeedback(answer, contactId, mapping, gateway.warnings) ?? []),
  };
}

/** One PATCH per company, as the baseline writes. */
export async function writeCompanyNaively(gateway: HubSpotGateway, companyId: string, properties: Record<string, string>): Promise<void> {
  await gateway.call('naive.companies.update', (client) => client.crm.objects.basicApi.update('companies', companyId, { properties }));
}
