/** Reads a dotted path (`engine.health.weights.usage`, `plans.roles.csm.measures.0.target`) from JSON. */
export function getIn(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * A copy of `value` with `path` set, every object on the way copied (never mutated: React state);
 * missing steps are created, as arrays where the next key is an index.
 */
export function setIn<T>(value: T, path: string, next: unknown): T {
  const [key, ...rest] = path.split('.');
  const container: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {}) };
  const current = (container as Record<string, unknown>)[key];
  const child = rest.length === 0 ? next : setIn(current ?? (/^\d+$/.test(rest[0]) ? [] : {}), rest.join('.'), next);
  (container as Record<string, unknown>)[key] = child;
  return container as T;
}

/** Whether an issue at `issuePath` belongs to the field or group at `fieldPath` (itself or inside it). */
export const pathWithin = (issuePath: string, fieldPath: string) => issuePath === fieldPath || issuePath.startsWith(`${fieldPath}.`);
