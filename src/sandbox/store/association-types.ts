import type { ObjectType } from '../seed-format';

/**
 * HubSpot's default (HUBSPOT_DEFINED, unlabelled) association type ids between standard objects, as
 * published in HubSpot's association type reference. Pairs HubSpot does not define between these
 * objects fall back to {@link FALLBACK_TYPE_ID_BASE} + a stable index, so every pair still works
 * here (documented in the README as a difference).
 */
const DEFINED: Record<string, number> = {
  'contacts->companies': 279,
  'companies->contacts': 280,
  'deals->contacts': 3,
  'contacts->deals': 4,
  'deals->companies': 341,
  'companies->deals': 342,
  'tickets->companies': 339,
  'companies->tickets': 340,
  'contacts->tickets': 15,
  'tickets->contacts': 16,
  'deals->line_items': 19,
  'line_items->deals': 20,
  'deals->tickets': 27,
  'tickets->deals': 28,
  'companies->calls': 181,
  'calls->companies': 182,
  'companies->emails': 185,
  'emails->companies': 186,
  'companies->meetings': 187,
  'meetings->companies': 188,
  'contacts->calls': 193,
  'calls->contacts': 194,
  'contacts->emails': 197,
  'emails->contacts': 198,
  'contacts->meetings': 199,
  'meetings->contacts': 200,
  'deals->calls': 205,
  'calls->deals': 206,
  'deals->emails': 209,
  'emails->deals': 210,
  'deals->meetings': 211,
  'meetings->deals': 212,
  'tickets->calls': 219,
  'calls->tickets': 220,
  'tickets->emails': 223,
  'emails->tickets': 224,
  'tickets->meetings': 225,
  'meetings->tickets': 226,
  'companies->tasks': 191,
  'tasks->companies': 192,
};

const FALLBACK_TYPE_ID_BASE = 90_000;

const fallbackIds = new Map<string, number>();

/** The default association type id from one object type to another. */
export function defaultAssociationTypeId(from: ObjectType, to: ObjectType): number {
  const key = `${from}->${to}`;
  const defined = DEFINED[key];
  if (defined !== undefined) return defined;
  let id = fallbackIds.get(key);
  if (id === undefined) {
    id = FALLBACK_TYPE_ID_BASE + fallbackIds.size;
    fallbackIds.set(key, id);
  }
  return id;
}

/** HubSpot's `type` label in v3 inline associations, e.g. `company_to_contact`. */
export function associationTypeLabel(from: ObjectType, to: ObjectType): string {
  return `${SINGULAR[from]}_to_${SINGULAR[to]}`;
}

export const SINGULAR: Record<ObjectType, string> = {
  companies: 'company',
  contacts: 'contact',
  deals: 'deal',
  tickets: 'ticket',
  line_items: 'line_item',
  feedback_submissions: 'feedback_submission',
  goal_targets: 'goal_target',
  calls: 'call',
  emails: 'email',
  meetings: 'meeting',
  tasks: 'task',
};

/** HubSpot accepts an object type by plural name, singular name or `0-N` id in paths; so does the sandbox. */
const OBJECT_TYPE_IDS: Record<string, ObjectType> = {
  '0-1': 'contacts',
  '0-2': 'companies',
  '0-3': 'deals',
  '0-5': 'tickets',
  '0-8': 'line_items',
  '0-19': 'feedback_submissions',
  '0-74': 'goal_targets',
  '0-48': 'calls',
  '0-49': 'emails',
  '0-47': 'meetings',
  '0-27': 'tasks',
};

export function resolveObjectType(name: string): ObjectType | undefined {
  const lower = name.toLowerCase();
  // Own keys only: a path naming `constructor` or `__proto__` must not reach Object.prototype.
  if (Object.hasOwn(SINGULAR, lower)) return lower as ObjectType;
  const bySingular = (Object.keys(SINGULAR) as ObjectType[]).find((type) => SINGULAR[type] === lower);
  return bySingular ?? (Object.hasOwn(OBJECT_TYPE_IDS, lower) ? OBJECT_TYPE_IDS[lower] : undefined);
}

/** HubSpot's `0-N` object type id of a standard object type. */
export function objectTypeId(objectType: ObjectType): string {
  return Object.entries(OBJECT_TYPE_IDS).find(([, type]) => type === objectType)?.[0] ?? objectType;
}
