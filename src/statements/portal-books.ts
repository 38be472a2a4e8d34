import type { Customer, Owner } from '../domain/customer';
import type { SharedScope } from '../domain/objectives/objective-attainment';
import type { Level, Plans, Role } from '../domain/objectives/plan-schema';
import { firstWonDeal } from '../domain/sales/early-churn-record';
import type { CompanyRecordRepository } from '../store/store';
import { DEPARTMENT_OF_ROLE, teammatesOf } from './plan-people';

/** Every company the last sync read, and each person's book: views on the same customer objects. */
export interface PortalBooks {
  all: Customer[];
  /**
   * A person's book: the companies they own, and the customers they brought in (the first won
   * deal is theirs, as the Retention target card counts a rep's customers), each once.
   */
  byOwner: ReadonlyMap<string, Customer[]>;
}

const addTo = (books: Map<string, Customer[]>, ownerId: string, customer: Customer) => {
  const book = books.get(ownerId);
  if (book) book.push(customer);
  else books.set(ownerId, [customer]);
};

/**
 * Reads the store's company records page by page into one list, the company level's scope. The
 * other levels are subsets of it, so this one copy is the most the statements hold at a time.
 */
export async function readPortalBooks(companies: Pick<CompanyRecordRepository, 'pages'>, pageSize = 1_000): Promise<PortalBooks> {
  const all: Customer[] = [];
  const byOwner = new Map<string, Customer[]>();
  for await (const page of companies.pages(undefined, pageSize)) {
    for (const record of page) {
      all.push(record.customer);
      if (record.ownerId !== null) addTo(byOwner, record.ownerId, record.customer);
      const seller = firstWonDeal(record.customer)?.ownerId;
      if (seller && seller !== record.ownerId) addTo(byOwner, seller, record.customer);
    }
  }
  return { all, byOwner };
}

export interface PersonInPlan {
  owner: Owner;
  role: Role;
}

export type LevelScopes = Record<Level, SharedScope & { name: string }>;

/**
 * The four scopes of a person's statement: individual = their book ({@link PortalBooks}), team = the books of the people
 * in their HubSpot teams, department = the books of their role family ({@link DEPARTMENT_OF_ROLE}),
 * company = every company read (owned or not) and everyone. Shared scopes are built once and
 * reused for everyone in them; each is a list of references, not a copy of the customers.
 */
export function levelScopesFor(books: PortalBooks, people: readonly PersonInPlan[], plans: Pick<Plans, 'managers'>): (person: PersonInPlan) => LevelScopes {
  // A customer two members share (one owns it, the other brought it in) counts once in their team.
  const bookOf = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => books.byOwner.get(id) ?? []))];
  const owners = people.map((p) => p.owner);
  const company = { name: 'company', customers: books.all, ownerIds: owners.map((o) => o.id) };
  const teams = new Map<string, SharedScope & { name: string }>();
  const departments = new Map<string, SharedScope & { name: string }>();
  return ({ owner, role }) => {
    const teamKey = [...owner.teamIds].sort().join(',');
    let team = teams.get(teamKey);
    if (!team) {
      const ids = teammatesOf(owner, owners, plans).map((o) => o.id);
      team = { name: (owner.teamNames ?? []).join(', ') || 'no HubSpot team', customers: bookOf(ids), ownerIds: ids };
      teams.set(teamKey, team);
    }
    const departmentName = DEPARTMENT_OF_ROLE[role];
    let department = departments.get(departmentName);
    if (!department) {
      const ids = people.filter((p) => DEPARTMENT_OF_ROLE[p.role] === departmentName).map((p) => p.owner.id);
      department = { name: departmentName, customers: bookOf(ids), ownerIds: ids };
      departments.set(departmentName, department);
    }
    return { individual: { name: 'own book', customers: books.byOwner.get(owner.id) ?? [], ownerIds: [owner.id] }, team, department, company };
  };
}
