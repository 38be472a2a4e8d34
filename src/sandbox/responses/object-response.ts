import type { ObjectType } from '../seed-format';
import { DEFAULT_RETURNED } from '../store/default-properties';
import type { StoredObject } from '../store/object-table';
import type { SandboxStore } from '../store/sandbox-store';

export interface PropertySelection {
  /** Names the caller asked for; undefined means HubSpot's defaults for the type. */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
}

const ALWAYS_RETURNED = ['hs_object_id', 'createdate', 'hs_lastmodifieddate'];

/** `SimplePublicObject`: requested properties absent on the object come back as null, as in HubSpot. */
export function publicObject(store: SandboxStore, objectType: ObjectType, object: StoredObject, selection: PropertySelection) {
  const names = selection.properties && selection.properties.length > 0
    ? new Set([...selection.properties, ...ALWAYS_RETURNED])
    : DEFAULT_RETURNED[objectType];
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = store.value(objectType, object, name) ?? null;
  const body: Record<string, unknown> = {
    id: object.id,
    properties,
    createdAt: new Date(object.createdAt).toISOString(),
    updatedAt: new Date(object.updatedAt).toISOString(),
    archived: false,
  };
  if (selection.propertiesWithHistory && selection.propertiesWithHistory.length > 0) {
    const history: Record<string, unknown[]> = {};
    for (const name of selection.propertiesWithHistory) {
      history[name] = store.propertyHistory(objectType, object, name).map((entry) => ({
        value: entry.value,
        timestamp: new Date(entry.timestamp).toISOString(),
        sourceType: entry.sourceType,
      }));
    }
    body.propertiesWithHistory = history;
  }
  return body;
}

/** HubSpot's `paging.next`: the cursor and a link to the next page. */
export function nextPaging(baseUrl: string, after: number | undefined) {
  if (after === undefined) return undefined;
  const link = new URL(baseUrl);
  link.searchParams.set('after', String(after));
  return { next: { after: String(after), link: link.toString() } };
}
