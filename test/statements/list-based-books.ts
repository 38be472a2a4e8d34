/** The list-based statements' scopes, held whole: the reference the streamed statements (src/statements) are tested against. */
import type { Customer } from '../../src/domain/customer';
import type { SharedScope } from '../../src/domain/objectives/objective-attainment';
import type { Level, Plans } from '../../src/domain/objectives/plan-schema';
import { firstWonDeal } from '../../src/domain/sales/early-churn-record';
import type { CompanyRecordRepository } from '../../src/store/store';
import type { PersonInPlan } from '../../src/statements/plan-people';
import { sharedScopeMembers, type ScopeMembers } from '../../src/statements/scope-members';

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
 * Reads the store's company records page by page into one list, the company level's scope, every
 * customer held at once: the list-based reference the streamed statements are tested against (the
 * statements themselves never call it, see `computeStatements`).
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

type Named = { name: string };

/**
 * The four scopes of a person's statement as lists: individual = their book ({@link PortalBooks}),
 * and the shared levels of {@link sharedScopeMembers} holding their people's books (company: every
 * company read, owned or not). The statements tally the shared levels instead
 * (`computeStatements`); these lists are what the tallies are held to, and each is a list of
 * references, not a copy of the customers, built once and reused for everyone in it.
 */
export function levelScopesFor(books: PortalBooks, people: readonly PersonInPlan[], plans: Pick<Plans, 'managers'>): (person: PersonInPlan) => Record<Level, SharedScope & Named> {
  // A customer two members share (one owns it, the other brought it in) counts once in their team.
  const bookOf = (ids: readonly string[]) => [...new Set(ids.flatMap((id) => books.byOwner.get(id) ?? []))];
  const membersOf = sharedScopeMembers(people, plans);
  const listed = new Map<ScopeMembers, SharedScope & Named>();
  const list = (members: ScopeMembers) => {
    let scope = listed.get(members);
    if (!scope) {
      scope = { name: members.name, customers: members.everyone ? books.all : bookOf(members.ownerIds), ownerIds: members.ownerIds };
      listed.set(members, scope);
    }
    return scope;
  };
  return (person) => {
    const { team, department, company } = membersOf(person);
    return { individual: { name: 'own book', customers: books.byOwner.get(person.owner.id) ?? [], ownerIds: [person.owner.id] }, team: list(team), department: list(department), company: list(company) };
  };
}
