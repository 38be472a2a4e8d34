import type { Customer } from '../domain/customer';
import type { MeasureKey } from '../domain/objectives/measure-catalogue';
import type { ManualEntry } from '../domain/objectives/measures/manual-entries';
import { measureTally, type MeasureTally } from '../domain/objectives/measures/measure-tally';
import type { TalliedBook } from '../domain/objectives/objective-attainment';
import type { Period } from '../domain/time/days';
import { windowKey } from './scope-tallies';

/** What one person's book is judged on, declared before the portal is streamed. */
export interface BookNeeds {
  /** The stretches of the period judged on the book itself (`windowsJudged(...).ownPortfolio`). */
  windows: readonly Period[];
  /** The plan's measures (none where the individual level weighs nothing: the book is only counted). */
  measures: readonly MeasureKey[];
  /** Accounts of the person's approved exceptional events: counted in the book, left out of its actuals. */
  excluded: ReadonlySet<string>;
  /** Every account the person's events name, approved or not: the statement says which of them the book holds. */
  named: ReadonlySet<string>;
}

interface Book {
  needs: BookNeeds;
  tallies: Map<string, MeasureTally>;
  companies: number;
  held: Set<string>;
}

export interface BookTallies {
  need(ownerId: string, needs: BookNeeds): void;
  /** Adds a customer to the book of each of its holders (its owner, the seller who brought it in): once each. */
  add(customer: Customer, holders: readonly (string | undefined)[]): void;
  /** The person's book as tallied; an error for a person never declared. */
  book(ownerId: string): TalliedBook;
}

/**
 * Each person's own book of one plan period as tallies, as {@link scopeTallies} does for the shared
 * levels: a person's book (the companies they own and those they brought in) is streamed through
 * `add` with the rest of the portal, once, and never held. What is held per person: a few counters
 * per window, the hours of tickets closed in the window where the plan judges the median, and which
 * of the accounts their events name the book holds. A seller's brought-in book grows with the
 * portal where the number of sellers does not; held as lists, those books were the statements'
 * largest allocation.
 *
 * @example
 * const books = bookTallies(entries.manual);
 * books.need('501', { windows: [quarterToDate], measures: ['grr'], excluded: new Set(), named: new Set() });
 * for (const record of page) books.add(record.customer, [record.ownerId, seller]);
 * books.book('501').over(quarterToDate).actual('grr') // => { actual: { kind: 'value', value: 97.5 }, basis: '...' }
 */
export function bookTallies(manual: readonly ManualEntry[]): BookTallies {
  const books = new Map<string, Book>();
  return {
    need(ownerId, needs) {
      const tallies = new Map(needs.windows.map((window) => [windowKey(window), measureTally(needs.measures, { window, ownerIds: [ownerId], manual })]));
      books.set(ownerId, { needs, tallies, companies: 0, held: new Set() });
    },
    add(customer, holders) {
      for (const holder of holders) {
        const book = holder === undefined ? undefined : books.get(holder);
        if (!book) continue;
        book.companies += 1;
        if (book.needs.named.has(customer.id)) book.held.add(customer.id);
        if (book.needs.excluded.has(customer.id)) continue;
        for (const tally of book.tallies.values()) tally.add(customer);
      }
    },
    book(ownerId) {
      const book = books.get(ownerId);
      if (!book) throw new Error(`the book of owner ${ownerId} was not tallied`);
      return {
        ownerIds: [ownerId],
        companies: book.companies,
        holds: (accountId) => book.held.has(accountId),
        over(window) {
          const tally = book.tallies.get(windowKey(window));
          if (!tally) throw new Error(`the book of owner ${ownerId} was not tallied over ${windowKey(window)}`);
          return tally;
        },
      };
    },
  };
}
