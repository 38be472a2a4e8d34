import type { Customer } from '../domain/customer';
import type { MeasureKey } from '../domain/objectives/measure-catalogue';
import type { ManualEntry } from '../domain/objectives/measures/manual-entries';
import { measureTally, type MeasureTally } from '../domain/objectives/measures/measure-tally';
import type { TalliedScope } from '../domain/objectives/objective-attainment';
import type { Period } from '../domain/time/days';
import type { ScopeMembers } from './scope-members';

/** A window as a map key: tallies are kept per scope (or book) and window. */
export const windowKey = (w: Period) => `${w.start.toISOString()}/${w.end.toISOString()}`;

interface Wanted {
  window: Period;
  measures: Set<MeasureKey>;
  tally?: MeasureTally;
}

export interface ScopeTallies {
  /** The scope must be tallied over `window` for these measures (none: only counted); before the first `add`. */
  need(members: ScopeMembers, window: Period, measures: Iterable<MeasureKey>): void;
  /**
   * Adds a customer to the tallies of every scope one of its `holders` (its owner, the seller who
   * brought it in) belongs to, and of the company's: each scope counts it once, whoever holds it.
   */
  add(customer: Customer, holders: readonly (string | undefined)[]): void;
  /** The scope's tallies, to judge its people on; an error for a scope that was never needed. */
  tallied(members: ScopeMembers): TalliedScope;
}

/**
 * The shared scopes of one plan period as tallies: first each scope's windows and measures are
 * declared (`need`), then the portal's customers are streamed through `add` once, then each scope
 * is judged from its tallies (`tallied`). What is held is a few counters per scope and window, plus
 * the hours of the tickets closed in the window where the plan judges the median.
 *
 * @example
 * const tallies = scopeTallies(entries.manual);
 * tallies.need(company, quarterToDate, ['grr', 'nps']);
 * for (const record of page) tallies.add(record.customer, [record.ownerId]);
 * tallies.tallied(company).over(quarterToDate).actual('grr') // => { actual: { kind: 'value', value: 96.1 }, basis: '...' }
 */
export function scopeTallies(manual: readonly ManualEntry[]): ScopeTallies {
  const scopes = new Map<ScopeMembers, Map<string, Wanted>>();
  const companies = new Map<ScopeMembers, number>();
  let scopesOfOwner: Map<string, ScopeMembers[]> | undefined;
  let everyone: ScopeMembers[] = [];

  /** Freezes what was needed: the tallies and, per owner, the scopes they belong to. */
  const start = () => {
    const index = new Map<string, ScopeMembers[]>();
    for (const [members, windows] of scopes) {
      for (const wanted of windows.values()) wanted.tally = measureTally(wanted.measures, { window: wanted.window, ownerIds: members.ownerIds, manual });
      companies.set(members, 0);
      if (members.everyone) continue;
      for (const id of new Set(members.ownerIds)) index.set(id, [...(index.get(id) ?? []), members]);
    }
    everyone = [...scopes.keys()].filter((m) => m.everyone);
    return index;
  };

  return {
    need(members, window, measures) {
      if (scopesOfOwner) throw new Error('scope tallies are already streaming: declare every scope and window first');
      const windows = scopes.get(members) ?? new Map<string, Wanted>();
      scopes.set(members, windows);
      const key = windowKey(window);
      const wanted = windows.get(key) ?? { window, measures: new Set<MeasureKey>() };
      windows.set(key, wanted);
      for (const m of measures) wanted.measures.add(m);
    },
    add(customer, holders) {
      scopesOfOwner ??= start();
      const hit = new Set<ScopeMembers>(everyone);
      for (const holder of holders) {
        if (holder === undefined) continue;
        for (const members of scopesOfOwner.get(holder) ?? []) hit.add(members);
      }
      for (const members of hit) {
        companies.set(members, (companies.get(members) ?? 0) + 1);
        for (const wanted of scopes.get(members)?.values() ?? []) wanted.tally?.add(customer);
      }
    },
    tallied(members) {
      scopesOfOwner ??= start();
      const windows = scopes.get(members);
      if (!windows) throw new Error(`the ${members.name} scope was not tallied`);
      return {
        ownerIds: members.ownerIds,
        companies: companies.get(members) ?? 0,
        over(window) {
          const tally = windows.get(windowKey(window))?.tally;
          if (!tally) throw new Error(`the ${members.name} scope was not tallied over ${windowKey(window)}`);
          return tally;
        },
      };
    },
  };
}
