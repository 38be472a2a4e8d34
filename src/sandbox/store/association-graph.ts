import type { ObjectType } from '../seed-format';

export interface AssociationType {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  typeId: number;
  label: string | null;
}

/**
 * Associations as adjacency lists per (fromType, toType): reading the associations of one object is
 * a Map lookup plus a slice, whatever the portal's size. Every edge is stored in both directions.
 * Only edges with a type other than the default carry an entry in `extraTypes`, and an object with a
 * single target (a deal's company, a ticket's company) keeps it as a bare string rather than an
 * array: together these save about a third of the graph's memory on a demo portal.
 */
export class AssociationGraph {
  private readonly adjacency = new Map<string, Map<string, string | string[]>>();
  private readonly extraTypes = new Map<string, AssociationType[]>();
  private edgeCount = 0;

  get size(): number {
    return this.edgeCount;
  }

  /** Records from->to (and to->from); returns false when the edge already existed. */
  add(from: ObjectType, fromId: string, to: ObjectType, toId: string): boolean {
    const added = this.addOneWay(from, fromId, to, toId);
    this.addOneWay(to, toId, from, fromId);
    if (added) this.edgeCount += 1;
    return added;
  }

  /** Adds a labelled type to an edge (creating the edge if needed). */
  addType(from: ObjectType, fromId: string, to: ObjectType, toId: string, type: AssociationType): void {
    this.add(from, fromId, to, toId);
    const key = edgeKey(from, fromId, to, toId);
    const types = this.extraTypes.get(key) ?? [];
    if (!types.some((existing) => existing.typeId === type.typeId && existing.category === type.category)) types.push(type);
    this.extraTypes.set(key, types);
  }

  targets(from: ObjectType, fromId: string, to: ObjectType): readonly string[] {
    const targets = this.adjacency.get(pairKey(from, to))?.get(fromId);
    if (targets === undefined) return [];
    return typeof targets === 'string' ? [targets] : targets;
  }

  extraTypesOf(from: ObjectType, fromId: string, to: ObjectType, toId: string): readonly AssociationType[] {
    return this.extraTypes.get(edgeKey(from, fromId, to, toId)) ?? [];
  }

  has(from: ObjectType, fromId: string, to: ObjectType, toId: string): boolean {
    return this.targets(from, fromId, to).includes(toId);
  }

  private addOneWay(from: ObjectType, fromId: string, to: ObjectType, toId: string): boolean {
    const key = pairKey(from, to);
    let byFrom = this.adjacency.get(key);
    if (!byFrom) {
      byFrom = new Map();
      this.adjacency.set(key, byFrom);
    }
    const existing = byFrom.get(fromId);
    if (existing === undefined) {
      byFrom.set(fromId, toId);
      return true;
    }
    if (typeof existing === 'string') {
      if (existing === toId) return false;
      byFrom.set(fromId, [existing, toId]);
      return true;
    }
    if (existing.includes(toId)) return false;
    existing.push(toId);
    return true;
  }
}

function pairKey(from: ObjectType, to: ObjectType): string {
  return `${from}->${to}`;
}

function edgeKey(from: ObjectType, fromId: string, to: ObjectType, toId: string): string {
  return `${from}:${fromId}->${to}:${toId}`;
}
