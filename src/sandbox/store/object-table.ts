/** One past or current value of a property, as `propertiesWithHistory` reports it. */
export interface HistoryEntry {
  value: string;
  /** ms since epoch */
  timestamp: number;
  sourceType: string;
}

/**
 * A CRM object as the store keeps it: plain string values and ms timestamps. History is only
 * allocated for properties written after creation, so a 100,000-company portal stays small; a
 * value without history was set at creation time.
 */
export interface StoredObject {
  id: string;
  properties: Record<string, string>;
  createdAt: number;
  updatedAt: number;
  history?: Record<string, HistoryEntry[]>;
}

/**
 * The objects of one type: a Map for O(1) reads by id and an insertion-ordered id array so a list
 * page is a slice (the `after` cursor is a position in that array; nothing is ever deleted).
 */
export class ObjectTable {
  readonly byId = new Map<string, StoredObject>();
  readonly order: string[] = [];
  private nextId = 1;

  get size(): number {
    return this.order.length;
  }

  /** A fresh numeric id, above every id seen so far. */
  allocateId(): string {
    return String(this.nextId++);
  }

  insert(object: StoredObject): void {
    if (!this.byId.has(object.id)) this.order.push(object.id);
    this.byId.set(object.id, object);
    const numeric = Number(object.id);
    if (Number.isSafeInteger(numeric) && numeric >= this.nextId) this.nextId = numeric + 1;
  }

  get(id: string): StoredObject | undefined {
    return this.byId.get(id);
  }

  /** Objects from position `offset`, at most `limit` of them. */
  page(offset: number, limit: number): StoredObject[] {
    const ids = this.order.slice(offset, offset + limit);
    return ids.map((id) => this.byId.get(id) as StoredObject);
  }

  values(): IterableIterator<StoredObject> {
    return this.byId.values();
  }
}
