import { assessCustomer, type CustomerAssessment } from '../domain/assessment/assess-customer';
import { portfolioSummary, type PortfolioSummary } from '../domain/assessment/portfolio-summary';
import type { EngineConfig } from '../domain/config/engine-config';
import { revenueRetention } from '../domain/revenue/retention';
import { revenueContracts } from '../domain/revenue/revenue-contracts';
import { subtractMonthsUtc } from '../domain/time/days';
import type { Customer } from '../domain/customer';
import { objectiveAttainment } from '../domain/objectives/objective-attainment';
import { DEFAULT_PLANS, rolePlanSchema } from '../domain/objectives/plan-schema';
import type { PortalContext } from '../hubspot';

export interface Portfolio {
  summary: PortfolioSummary;
  names: Map<string, string>;
  owners: Map<string, string>;
  ownerOf: Map<string, string | undefined>;
  /** Trailing-12-month NRR and GRR at each of the last six month ends. */
  retentionTrend: { month: string; nrr?: number; grr?: number }[];
  assessments: CustomerAssessment[];
  /** Individual attainment per CSM on the default CSM plan, for the manager's view. */
  attainmentByCsm: { name: string; accounts: number; attainment?: number }[];
}

/** Assesses every company `pages` yields (the store's records, page by page): the app home's portfolio view. */
export async function loadPortfolio(pages: AsyncIterable<readonly Customer[]>, context: PortalContext, config: EngineConfig, asOf: Date): Promise<Portfolio> {
  const assessments: CustomerAssessment[] = [];
  const revenue: { id: string; contracts: ReturnType<typeof revenueContracts> }[] = [];
  const names = new Map<string, string>();
  const ownerOf = new Map<string, string | undefined>();
  const books = new Map<string, Customer[]>();
  for await (const page of pages) {
    for (const customer of page) {
      assessments.push(assessCustomer(customer, config, asOf));
      revenue.push({ id: customer.id, contracts: revenueContracts(customer.deals) });
      names.set(customer.id, customer.name ?? `Company ${customer.id}`);
      ownerOf.set(customer.id, customer.ownerId);
      if (customer.ownerId) books.set(customer.ownerId, [...(books.get(customer.ownerId) ?? []), customer]);
    }
  }
  const retentionTrend = [5, 4, 3, 2, 1, 0].map((monthsBack) => {
    const end = subtractMonthsUtc(asOf, monthsBack);
    const r = revenueRetention(revenue, { start: subtractMonthsUtc(end, 12), end });
    return { month: end.toISOString().slice(0, 7), nrr: r.kind === 'value' ? r.value.nrr : undefined, grr: r.kind === 'value' ? r.value.grr : undefined };
  });
  const owners = new Map(context.owners.map((o) => [o.id, [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`]));
  const plan = rolePlanSchema.parse(DEFAULT_PLANS.csm);
  const quarter = { start: subtractMonthsUtc(asOf, 3), end: asOf };
  const attainmentByCsm = [...books.entries()].map(([ownerId, customers]) => ({
    name: owners.get(ownerId) ?? `Owner ${ownerId}`,
    accounts: customers.length,
    attainment: objectiveAttainment({ plan, period: quarter, scopes: { individual: { customers, ownerIds: [ownerId] } } }).overall,
  }));
  return { summary: portfolioSummary(assessments), names, owners, ownerOf, retentionTrend, assessments, attainmentByCsm };
}
