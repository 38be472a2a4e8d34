import { portalMappingSchema } from '../../src/domain/config/portal-mapping';
import { readCustomerPages, readCustomers, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY } from '../../src/hubspot';
import type { Customer } from '../../src/domain/customer';
import { assessCustomer } from '../../src/domain/assessment/assess-customer';
import { companyPropertyValues } from '../../src/domain/assessment/company-property-values';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { AS_OF, DEFAULT_SHAPE, seedPortal, withPortal } from './hubspot-test-portal';

const mapping = portalMappingSchema.parse({});
jest.setTimeout(60_000);

/**
 * The default portal plus one NPS detractor from the last of company 1's 602 contacts, past the
 * inline association page: only a reader that follows the cut list finds that contact.
 */
const LATE_DETRACTOR = String(100_000 + DEFAULT_SHAPE.contactsPerCompany + DEFAULT_SHAPE.bigCompanyContacts);
const seedWithLateDetractor = (sink: Parameters<ReturnType<typeof seedPortal>>[0]) => {
  seedPortal()(sink);
  sink.object('feedback_submissions', { id: '499999', createdAt: '2026-10-01T00:00:00Z', properties: { hs_survey_type: 'NPS', hs_value: '2', hs_submission_timestamp: '2026-10-01T00:00:00Z' } });
  sink.associate('contacts', LATE_DETRACTOR, 'feedback_submissions', '499999');
};

/** Contacts of companies `from`..`to` of the default portal whose NPS answer is a detractor's: the seed gives contact c of company i the value (i + c) % 11. */
const detractorContacts = (from: number, to: number) => {
  let count = 0;
  for (let index = from; index <= to; index += 1) for (let c = 0; c < DEFAULT_SHAPE.contactsPerCompany; c += 1) if ((index + c) % 11 <= 6) count += 1;
  return count;
};

describe('reading customers', () => {
  it('reads a portal page by page in batch calls, not one call per object, and only the contacts the engine reads', async () => {
    await withPortal({ seed: seedWithLateDetractor }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const contextCalls = gateway.totalCalls();
      const customers: Customer[] = [];
      const cursors: (string | undefined)[] = [];
      for await (const page of readCustomerPages(gateway, context, mapping)) {
        customers.push(...page.customers);
        cursors.push(page.after);
      }
      const { companies, contactsPerCompany, dealsPerCompany, ticketsPerCompany } = DEFAULT_SHAPE;
      expect(customers).toHaveLength(companies);
      expect(cursors).toHaveLength(2);
      expect(cursors[1]).toBeUndefined();
      const first = customers.find((customer) => customer.id === '1') as Customer;
      // Its two answering contacts (NPS 1 and 2) and the detractor past the inline page; none of its other 599 contacts.
      expect(first.contacts.map((contact) => contact.id)).toEqual(['100001', '100002', LATE_DETRACTOR]);
      expect(first.deals).toHaveLength(dealsPerCompany);
      expect(first.tickets).toHaveLength(ticketsPerCompany);
      expect(first.feedback).toHaveLength(contactsPerCompany + 1);
      expect(first.segment).toBe('gold');
      expect(first.deals.filter((deal) => deal.outcome === 'won').map((deal) => deal.mrr)).toEqual([100, 200]);
      expect(first.deals.find((deal) => deal.outcome === 'open')?.stageProbability).toBe(0.2);
      expect(first.tickets.filter((ticket) => ticket.isClosed)).toHaveLength(1);

      const counts = gateway.callCounts();
      // Page 1 holds 100 companies (800 contacts with company 1's 600), page 2 holds 50.
      expect(counts['companies.list']).toBe(2);
      expect(counts['deals.batchRead']).toBe(Math.ceil(300 / 100) + Math.ceil(150 / 100));
      expect(counts['tickets.batchRead']).toBe(Math.ceil(200 / 100) + Math.ceil(100 / 100));
      // Contacts: only those with a detractor answer (whether they were followed up is all the engine reads of them).
      expect(counts['contacts.batchRead']).toBe(Math.ceil((detractorContacts(1, 100) + 1) / 100) + Math.ceil(detractorContacts(101, 150) / 100));
      expect(counts['feedback_submissions.batchRead']).toBe(Math.ceil(201 / 100) + Math.ceil(100 / 100));
      // contacts -> feedback once per page, plus company 1's truncated inline contacts.
      expect(counts['associations.batchRead']).toBeLessThanOrEqual(2 + 2 + 2); // and tickets -> feedback once per page
      const readCalls = gateway.totalCalls() - contextCalls;
      const objects = companies * (1 + contactsPerCompany * 2 + dealsPerCompany + ticketsPerCompany);
      expect(readCalls).toBeLessThan(objects / 30);
      expect(gateway.warnings.toJSON()).toEqual({});
    });
  });

  it('batches linked reads across list pages: each object type costs ceil(objects / 100) calls in all', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const byPage: Customer[] = [];
      for await (const page of readCustomerPages(gateway, context, mapping, { pageSize: 40 })) byPage.push(...page.customers);
      const perPageCounts = gateway.callCounts();
      const before = (kind: string) => perPageCounts[kind] ?? 0;

      const customers: Customer[] = [];
      const cursors: (string | undefined)[] = [];
      for await (const page of readCustomerPages(gateway, context, mapping, { pageSize: 40, companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
        customers.push(...page.customers);
        cursors.push(page.after);
      }
      // Four list pages of 40, 40, 40 and 30 companies, assembled once (fewer than 1,000).
      expect(cursors).toEqual([undefined]);
      expect(customers).toEqual(byPage);
      const { companies, contactsPerCompany, dealsPerCompany, ticketsPerCompany } = DEFAULT_SHAPE;
      const counts = gateway.callCounts();
      const spent = (kind: string) => counts[kind] - before(kind);
      expect(spent('companies.list')).toBe(Math.ceil(companies / 40));
      expect(spent('deals.batchRead')).toBe(Math.ceil((companies * dealsPerCompany) / 100));
      expect(spent('tickets.batchRead')).toBe(Math.ceil((companies * ticketsPerCompany) / 100));
      expect(spent('contacts.batchRead')).toBe(Math.ceil(detractorContacts(1, companies) / 100));
      expect(spent('feedback_submissions.batchRead')).toBe(Math.ceil((companies * contactsPerCompany) / 100));
      // Page by page, each list page of 40 rounds every type up on its own: 2 + 2 + 2 + 1 deal reads.
      expect(before('deals.batchRead')).toBeGreaterThan(spent('deals.batchRead'));
    });
  });

  it('resumes from a checkpointed cursor without re-reading the first page', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const pages = readCustomerPages(gateway, context, mapping);
      const first = await pages.next();
      const after = first.done ? undefined : first.value.after;
      await pages.return(undefined);
      const resumed: string[] = [];
      for await (const page of readCustomerPages(gateway, context, mapping, { after })) resumed.push(...page.customers.map((customer) => customer.id));
      expect(resumed).toHaveLength(DEFAULT_SHAPE.companies - 100);
      expect(gateway.callCounts()['companies.list']).toBe(2);
    });
  });

  it('reads one company for an incremental recompute in at most 8 calls', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const before = gateway.totalCalls();
      const [customer] = await readCustomers(gateway, context, mapping, ['7'], { withHealthHistory: true });
      expect(gateway.totalCalls() - before).toBeLessThanOrEqual(8);
      expect(customer.id).toBe('7');
      expect(customer.deals).toHaveLength(3);
      expect(customer.feedback).toHaveLength(2);
      expect(customer.healthHistory).toEqual([]);
    });
  });

  it('reads only detractors\' contacts when asked for the fewest calls, with the same figures as a card\'s read', async () => {
    await withPortal({ seed: seedPortal() }, async (gateway) => {
      const context = await readPortalContext(gateway);
      // Company 6's contacts answered NPS 6 (a detractor, contacted since) and 7; company 7's 7 and 8.
      const ids = ['6', '7'];
      const contactReads = () => gateway.callCounts()['contacts.batchRead'] ?? 0;
      const answering = await readCustomers(gateway, context, mapping, ids);
      const before = contactReads();
      const detractors = await readCustomers(gateway, context, mapping, ids, { contacts: 'detractors' });
      expect(contactReads()).toBe(before + 1);
      const contactIds = (customers: Customer[]) => customers.map((customer) => [customer.id, customer.contacts.map((contact) => contact.id)]);
      expect(contactIds(answering)).toEqual([['6', ['100611', '100612']], ['7', ['100613', '100614']]]);
      expect(contactIds(detractors)).toEqual([['6', ['100611']], ['7', []]]);
      const figures = (customers: Customer[]) => customers.map((customer) => companyPropertyValues(assessCustomer(customer, DEFAULT_ENGINE_CONFIG, AS_OF)));
      expect(figures(detractors)).toEqual(figures(answering));
      // The detractor was followed up: without its contact the follow-up would be due.
      expect(figures(detractors)[0].cs_detractor_followup_due).toBeNull();
    });
  });

  it('reads many companies by id with batch and association reads and counts unknown ids', async () => {
    await withPortal({ seed: seedWithLateDetractor }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const before = gateway.totalCalls();
      const ids = ['1', '2', '3', '4', '99999'];
      const customers = await readCustomers(gateway, context, mapping, ids);
      expect(customers.map((customer) => customer.id).sort()).toEqual(['1', '2', '3', '4']);
      expect(customers.find((customer) => customer.id === '1')?.contacts.map((contact) => contact.id)).toEqual(['100001', '100002', LATE_DETRACTOR]);
      expect(gateway.warnings.get('company.not_found')).toBe(1);
      expect(gateway.totalCalls() - before).toBeLessThanOrEqual(20);
    });
  });

  it('reads owners with teams, pipelines and goal targets once', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 1, bigCompanyContacts: 0 }) }, async (gateway) => {
      const context = await readPortalContext(gateway);
      expect(context.owners.find((owner) => owner.id === '501')).toMatchObject({ userId: 9001, teamIds: ['t1'] });
      expect(context.dealStages.get('closedwon')).toMatchObject({ isClosed: true, probability: 1 });
      expect(context.ticketStages.get('4')).toMatchObject({ ticketState: 'CLOSED' });
      expect(context.goalTargets).toEqual([expect.objectContaining({ target: 105, ownerUserId: 9001, measure: 'nrr' })]);
      expect(gateway.callCounts()).toEqual({ owners: 1, pipelines: 2, 'goal_targets.list': 1 });
    });
  });
});

describe('reading a company that does not exist', () => {
  it('counts it and returns the others', async () => {
    await withPortal({ seed: seedPortal({ ...DEFAULT_SHAPE, companies: 2, bigCompanyContacts: 0 }) }, async (gateway) => {
      const context = await readPortalContext(gateway);
      const customers = await readCustomers(gateway, context, mapping, ['2', '404404']);
      expect(customers.map((customer) => customer.id)).toEqual(['2']);
      expect(gateway.warnings.get('company.not_found')).toBe(1);
    });
  });
});
