/** A change at one JSON path: the value before and after (undefined = absent). */
export type JsonChanges = Record<string, { old: unknown; new: unknown }>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** JSON text with object keys sorted, so two documents that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v)) ?? 'undefined';
}

/**
 * What changed between two JSON documents, by dotted path. Objects are walked key by key; arrays
 * and scalars are compared whole (a reordered list of managers is one change, not n); an object
 * that appears or disappears is walked to its leaves.
 *
 * @example
 * jsonDiff({ health: { weights: { usage: 30 } } }, { health: { weights: { usage: 40 } } })
 * // => { 'health.weights.usage': { old: 30, new: 40 } }
 */
export function jsonDiff(before: unknown, after: unknown, path = ''): JsonChanges {
  // An object that appears or disappears is walked too, so every change names a leaf path.
  if ((isPlainObject(before) || before === undefined) && (isPlainObject(after) || after === undefined) && (before !== undefined || after !== undefined)) {
    const [b, a] = [(before ?? {}) as Record<string, unknown>, (after ?? {}) as Record<string, unknown>];
    const changes: JsonChanges = {};
    for (const key of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
      Object.assign(changes, jsonDiff(b[key], a[key], path ? `${path}.${key}` : key));
    }
    return changes;
  }
  if (canonicalJson(before) === canonicalJson(after)) return {};
  return { [path || '(root)']: { old: before, new: after } };
}
