/**
 * Checks a JSON answer against an @hubspot/api-client generated model, using the model's own
 * `attributeTypeMap` (the license-clean contract): every key must be an attribute of the model and
 * every value must have the declared type, recursively.
 */

type ModelClass = { getAttributeTypeMap(): { name: string; baseName: string; type: string }[] };

export type Namespace = 'objects' | 'associations/v4' | 'properties' | 'owners' | 'pipelines';

function modelsOf(namespace: Namespace): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`@hubspot/api-client/lib/codegen/crm/${namespace}/models/ObjectSerializer`) as Record<string, unknown>;
}

/** Fields where HubSpot's wire format differs from the generated model, and the sandbox follows HubSpot. */
export const KNOWN_WIRE_DIFFERENCES: { model: string; field: string; sent: 'number' | 'null'; why: string }[] = [
  { model: 'MultiAssociatedObjectWithLabel', field: 'toObjectId', sent: 'number', why: 'HubSpot sends association ids as JSON numbers; the model says string' },
  { model: 'LabelsBetweenObjectPair', field: 'fromObjectId', sent: 'number', why: 'a JSON number on the wire' },
  { model: 'LabelsBetweenObjectPair', field: 'toObjectId', sent: 'number', why: 'a JSON number on the wire' },
  { model: 'AssociationSpecWithLabel', field: 'label', sent: 'null', why: 'HubSpot sends label: null for unlabelled (default) association types' },
];

function isKnownDifference(owner: { model: string; field: string } | undefined, sent: 'number' | 'null'): boolean {
  return owner !== undefined && KNOWN_WIRE_DIFFERENCES.some((difference) => difference.model === owner.model && difference.field === owner.field && difference.sent === sent);
}

export function violations(namespace: Namespace, typeName: string, value: unknown, at = '$'): string[] {
  const models = modelsOf(namespace);
  return walk(models, typeName, value, at, undefined);
}

function walk(models: Record<string, unknown>, type: string, value: unknown, at: string, owner: { model: string; field: string } | undefined): string[] {
  if (value === undefined) return [];
  if (type === 'any') return [];
  if (value === null && isKnownDifference(owner, 'null')) return [];
  if (!type.startsWith('{') && !type.startsWith('Array<')) {
    const union = type.split(' | ');
    if (union.length > 1) {
      return union.some((member) => walk(models, member, value, at, owner).length === 0) ? [] : [`${at}: expected ${type}, got ${JSON.stringify(value)}`];
    }
  }
  if (type === 'null') return value === null ? [] : [`${at}: expected null`];
  if (type === 'string' || type.endsWith('Enum')) {
    if (typeof value === 'string') return [];
    return typeof value === 'number' && isKnownDifference(owner, 'number') ? [] : [`${at}: expected string, got ${JSON.stringify(value)}`];
  }
  if (type === 'number') return typeof value === 'number' ? [] : [`${at}: expected number, got ${JSON.stringify(value)}`];
  if (type === 'boolean') return typeof value === 'boolean' ? [] : [`${at}: expected boolean, got ${JSON.stringify(value)}`];
  if (type === 'Date') return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? [] : [`${at}: expected a date string, got ${JSON.stringify(value)}`];
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) return [`${at}: expected an array`];
    return value.flatMap((item, index) => walk(models, array[1] as string, item, `${at}[${index}]`, owner));
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: expected an object map`];
    return Object.entries(value).flatMap(([key, item]) => walk(models, map[1] as string, item, `${at}.${key}`, owner));
  }
  const model = models[type] as ModelClass | undefined;
  if (!model || typeof model.getAttributeTypeMap !== 'function') return [`${at}: unknown model type ${type}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at}: expected a ${type} object`];
  const attributes = model.getAttributeTypeMap();
  const problems: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const attribute = attributes.find((candidate) => candidate.baseName === key);
    if (!attribute) {
      problems.push(`${at}.${key}: not an attribute of ${type}`);
      continue;
    }
    problems.push(...walk(models, attribute.type, item, `${at}.${key}`, { model: type, field: attribute.baseName }));
  }
  return problems;
}
