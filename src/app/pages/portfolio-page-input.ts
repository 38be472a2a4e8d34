import type { CardDependencies } from '../card-dependencies';
import type { PortfolioPageInput } from './portfolio-page';
import { assessCustomer } from '../../domain/assessment/assess-customer';
import type { Customer, Owner } from '../../domain/customer';
import { objectiveAttainment } from '../../domain/objectives/objective-attainment';
import { DEFAULT_PLANS, rolePlanSchema } from '../../domain/objectives/plan-schema';
import type { Org, Person } from '../../domain/objectives/visibility';
import { portfolioEntry, type PortfolioEntry } from '../../domain/portfolio/portfolio-entry';
import { subtractMonthsUtc } from '../../domain/time/days';
import { readCustomerPages } from '../../hubspot';

/** A viewer the preview can switch to: the owners of the portal, managers first. */
export interface PreviewViewer {
  userId: number;
  name: string;
  role: string;
}

const nameOf = (o: Owner) => [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`;

/** The objectives role: configured managers first, then the owner's own role, else a CSM. */
const roleOf = (o: Owner, managers: readonly string[]) => (managers.includes(o.id) ? 'cs_manager' : o.role ?? 'csm');

/**
 * What the app pages' backend gives `portfolioPage(input)`, built from the sandbox portal the
 * preview reads: every company assessed by the engine, the owners and their teams as the identity
 * rules read them, the viewer found by their HubSpot user id (as `hubspot.fetch` signs it), and
 * each CSM's individual attainment for the plan period. No churn model report: the preview's
 * backend holds none, and the page says so.
 */
export async function loadPortfolioPageInput(deps: CardDependencies, userId: number | undefined): Promise<{ input: PortfolioPageInput; viewers: PreviewViewer[] }> {
  const context = await deps.portalContext();
  const asOf = deps.now();
  const entries: PortfolioEntry[] = [];
  const books = new Map<string, Customer[]>();
  for await (const page of readCustomerPages(deps.gateway, context, deps.config.mapping)) {
    for (const customer of page.customers) {
      const assessment = assessCustomer(customer, deps.config, asOf, deps.model);
      entries.push(portfolioEntry(customer, assessment));
      if (customer.ownerId) books.set(customer.ownerId, [...(books.get(customer.ownerId) ?? []), customer]);
    }
  }
  const managers = deps.plans?.managers ?? [];
  const org: Org = { owners: context.owners.map((o) => ({ id: o.id, teamIds: o.teamIds, role: roleOf(o, managers) })) };
  const me = userId === undefined ? undefined : context.owners.find((o) => o.userId === userId);
  const viewer: Person | undefined = me && { ownerId: me.id, role: roleOf(me, managers), teamIds: me.teamIds };
  const plan = deps.plans?.roles.csm ?? rolePlanSchema.parse(DEFAULT_PLANS.csm);
  const period = deps.plans?.period ?? { start: subtractMonthsUtc(asOf, 3), end: asOf };
  const attainments = [...books.entries()].map(([ownerId, customers]) => ({
    ownerId,
    overall: objectiveAttainment({ plan, period, scopes: { individual: { customers, ownerIds: [ownerId] } } }).overall,
  }));
  const viewers = context.owners
    .filter((o): o is Owner & { userId: number } => o.userId !== undefined)
    .map((o) => ({ userId: o.userId, name: nameOf(o), role: roleOf(o, managers) }))
    .sort((a, b) => Number(b.role === 'cs_manager') - Number(a.role === 'cs_manager') || a.name.localeCompare(b.name));
  return {
    input: { asOf, config: deps.config, entries, owners: context.owners.map((o) => ({ id: o.id, name: nameOf(o) })), viewer, org, attainments },
    viewers,
  };
}
