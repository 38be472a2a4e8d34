import type { SearchFilter } from '../http/request-schemas';
import type { PropertyDefinition } from '../store/property-registry';
import { parseDateTime } from '../store/property-values';

type Comparable = number | string;

/**
 * Whether one property value passes one filter. Number and date(time) properties compare
 * numerically (datetimes given as ms epoch or ISO on either side); text compares case-insensitively,
 * as HubSpot's search does. A filter on a missing value only matches NOT_HAS_PROPERTY, NEQ and NOT_IN.
 */
export function matchesFilter(value: string | undefined, filter: SearchFilter, definition: PropertyDefinition | undefined): boolean {
  const present = value !== undefined && value !== '';
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return present;
    case 'NOT_HAS_PROPERTY':
      return !present;
    case 'NEQ':
      return !present || compare(value, filter.value, definition) !== 0;
    case 'NOT_IN':
      return !present || !(filter.values ?? []).some((candidate) => compare(value, candidate, definition) === 0);
    case 'NOT_CONTAINS_TOKEN':
      return !present || !containsToken(value, filter.value ?? '');
    default:
      break;
  }
  if (!present) return false;
  switch (filter.operator) {
    case 'EQ':
      return compare(value, filter.value, definition) === 0;
    case 'LT':
      return compare(value, filter.value, definition) < 0;
    case 'LTE':
      return compare(value, filter.value, definition) <= 0;
    case 'GT':
      return compare(value, filter.value, definition) > 0;
    case 'GTE':
      return compare(value, filter.value, definition) >= 0;
    case 'BETWEEN':
      return compare(value, filter.value, definition) >= 0 && compare(value, filter.highValue, definition) <= 0;
    case 'IN':
      return (filter.values ?? []).some((candidate) => compare(value, candidate, definition) === 0);
    case 'CONTAINS_TOKEN':
      return containsToken(value, filter.value ?? '');
  }
}

/** Sort order of two stored values of one property (missing values sort last). */
export function compareValues(a: string | undefined, b: string | undefined, definition: PropertyDefinition | undefined): number {
  const aMissing = a === undefined || a === '';
  const bMissing = b === undefined || b === '';
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  return compare(a, b, definition);
}

/** NaN-safe three-way comparison; an uncomparable pair (e.g. "abc" against a number) compares unequal. */
function compare(stored: string, wanted: string | undefined, definition: PropertyDefinition | undefined): number {
  if (wanted === undefined) return Number.NaN;
  const a = toComparable(stored, definition);
  const b = toComparable(wanted, definition);
  if (typeof a !== typeof b) return Number.NaN;
  if (a < b) return -1;
  if (a > b) return 1;
  return a === b ? 0 : Number.NaN;
}

function toComparable(value: string, definition: PropertyDefinition | undefined): Comparable {
  switch (definition?.type) {
    case 'number': {
      const number = Number(value);
      return value.trim() === '' || Number.isNaN(number) ? value.toLowerCase() : number;
    }
    case 'datetime':
    case 'date':
      return parseDateTime(value) ?? value.toLowerCase();
    default:
      return value.toLowerCase();
  }
}

/** CONTAINS_TOKEN: the value, split into words, holds the token; `*` is a wildcard (e.g. `*@example.com`). */
function containsToken(value: string, token: string): boolean {
  const pattern = new RegExp(`^${token.toLowerCase().split('*').map(escapeRegExp).join('.*')}$`);
  const lower = value.toLowerCase();
  if (pattern.test(lower)) return true;
  return lower.split(/[\s,;.!?()[\]{}"'/\\|]+/).some((word) => word !== '' && pattern.test(word));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
