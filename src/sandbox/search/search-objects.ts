import type { SearchFilter, SearchRequest } from '../http/request-schemas';
import type { ObjectType } from '../seed-format';
import { resolveObjectType } from '../store/association-types';
import type { StoredObject } from '../store/object-table';
import type { SandboxStore } from '../store/sandbox-store';
import { SandboxError } from '../store/sandbox-error';
import { compareValues, matchesFilter } from './filter-matcher';

/** HubSpot's search limits. */
export const SEARCH_LIMITS = { maxGroups: 5, maxFiltersPerGroup: 10, maxFilters: 25, maxLimit: 200, maxResults: 10_000, defaultLimit: 10 } as const;

export interface SearchPage {
  total: number;
  results: StoredObject[];
  nextAfter?: number;
}

/**
 * Runs a search as a linear scan: groups are ORed, filters inside a group ANDed. A filter on
 * `associations.<type>` (e.g. `associations.company` EQ 123) matches objects associated with that id.
 */
export function searchObjects(store: SandboxStore, objectType: ObjectType, request: SearchRequest): SearchPage {
  const groups = request.filterGroups ?? [];
  const filterCount = groups.reduce((sum, group) => sum + group.filters.length, 0);
  if (filterCount > SEARCH_LIMITS.maxFilters) {
    throw new SandboxError('VALIDATION_ERROR', `Too many filters: ${filterCount}; at most ${SEARCH_LIMITS.maxFilters} in total.`, [
      { message: `at most ${SEARCH_LIMITS.maxFilters} filters in total`, in: 'filterGroups', code: 'TOO_MANY_FILTERS' },
    ]);
  }
  const offset = request.after ?? 0;
  if (offset >= SEARCH_LIMITS.maxResults) {
    throw new SandboxError('VALIDATION_ERROR', `Paging past ${SEARCH_LIMITS.maxResults} results is not allowed: narrow the search.`, [
      { message: `after must be below ${SEARCH_LIMITS.maxResults}`, in: 'after', code: 'INVALID_PAGING' },
    ]);
  }
  const predicates = groups.map((group) => group.filters.map((filter) => predicateFor(store, objectType, filter)));
  const queryWords = (request.query ?? '').toLowerCase().split(/\s+/).filter(Boolean);

  const matches: StoredObject[] = [];
  for (const object of store.table(objectType).values()) {
    if (predicates.length > 0 && !predicates.some((group) => group.every((test) => test(object)))) continue;
    if (queryWords.length > 0 && !matchesQuery(object, queryWords)) continue;
    matches.push(object);
  }
  for (const sort of [...(request.sorts ?? [])].reverse()) {
    const definition = store.properties.get(objectType, sort.propertyName);
    const sign = sort.direction === 'DESCENDING' ? -1 : 1;
    // Array.prototype.sort is stable, so sorting by the last key first yields a multi-key order.
    const value = (object: StoredObject) => store.value(objectType, object, sort.propertyName);
    matches.sort((a, b) => sign * compareValues(value(a), value(b), definition));
  }
  const limit = request.limit ?? SEARCH_LIMITS.defaultLimit;
  const end = Math.min(offset + limit, matches.length);
  return {
    total: matches.length,
    results: matches.slice(offset, end),
    nextAfter: end < matches.length && limit > 0 ? end : undefined,
  };
}

function predicateFor(store: SandboxStore, objectType: ObjectType, filter: SearchFilter): (object: StoredObject) => boolean {
  const association = /^associations\.(.+)$/.exec(filter.propertyName);
  if (association) {
    const toType = resolveObjectType(association[1] as string);
    if (!toType) {
      throw new SandboxError('VALIDATION_ERROR', `Unknown association type in ${filter.propertyName}.`, [
        { message: `unknown object type ${association[1]}`, in: 'filterGroups.filters.propertyName' },
      ]);
    }
    return (object) => {
      const ids = store.associations(objectType, object.id, toType);
      switch (filter.operator) {
        case 'EQ':
          return filter.value !== undefined && ids.includes(filter.value);
        case 'IN':
          return (filter.values ?? []).some((id) => ids.includes(id));
        case 'HAS_PROPERTY':
          return ids.length > 0;
        case 'NOT_HAS_PROPERTY':
          return ids.length === 0;
        default:
          return false;
      }
    };
  }
  const definition = store.properties.get(objectType, filter.propertyName);
  return (object) => matchesFilter(store.value(objectType, object, filter.propertyName), filter, definition);
}

function matchesQuery(object: StoredObject, words: string[]): boolean {
  const text = `${object.id} ${Object.values(object.properties).join(' ')}`.toLowerCase();
  return words.every((word) => text.includes(word));
}
