import type { ObjectType } from '../seed-format';
import type { PropertyDefinition } from './property-registry';
import type { SandboxErrorDetail } from './sandbox-error';

/**
 * Calculated properties the sandbox lets API callers write anyway, so a portal can be seeded over
 * HTTP (HubSpot computes these itself and rejects writes). Documented in the README.
 */
const SEEDING_WRITABLE: Partial<Record<ObjectType, readonly string[]>> = {
  deals: ['hs_mrr', 'hs_arr', 'hs_acv', 'hs_tcv', 'hs_is_closed', 'hs_is_closed_won'],
  line_items: ['hs_mrr', 'hs_arr', 'amount'],
  tickets: ['time_to_close'],
};

/** Properties nobody writes: the store maintains them. */
const STORE_MAINTAINED = new Set(['hs_object_id', 'hs_lastmodifieddate', 'lastmodifieddate']);

/** Parses a datetime the way HubSpot accepts it: ms since epoch or an ISO 8601 string. */
export function parseDateTime(value: string): number | undefined {
  if (/^-?\d+$/.test(value.trim())) return Number(value);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/**
 * Checks values against their definitions and returns them normalised as HubSpot stores them
 * (datetimes as ISO strings, dates as YYYY-MM-DD); every bad value is reported naming the property.
 */
export function normaliseWrite(
  objectType: ObjectType,
  values: Record<string, string>,
  definitionOf: (name: string) => PropertyDefinition | undefined,
): { values: Record<string, string>; errors: SandboxErrorDetail[] } {
  const errors: SandboxErrorDetail[] = [];
  const normalised: Record<string, string> = {};
  for (const [name, raw] of Object.entries(values)) {
    const definition = definitionOf(name);
    const at = `properties.${name}`;
    if (!definition) {
      errors.push({ message: `Property "${name}" does not exist`, code: 'PROPERTY_DOESNT_EXIST', in: at });
      continue;
    }
    if (STORE_MAINTAINED.has(name) || (definition.calculated && name !== 'createdate' && !SEEDING_WRITABLE[objectType]?.includes(name))) {
      errors.push({ message: `"${name}" is a read-only property; its value cannot be set.`, code: 'READ_ONLY_VALUE', in: at });
      continue;
    }
    if (raw === '') {
      normalised[name] = '';
      continue;
    }
    const result = normaliseValue(definition, raw);
    if (typeof result === 'string') normalised[name] = result;
    else errors.push({ message: `${raw} is not a valid ${definition.type} value for "${name}": ${result.reason}`, code: result.code, in: at });
  }
  return { values: normalised, errors };
}

function normaliseValue(definition: PropertyDefinition, raw: string): string | { code: string; reason: string } {
  switch (definition.type) {
    case 'number':
      return raw.trim() !== '' && Number.isFinite(Number(raw)) ? raw : { code: 'INVALID_INTEGER', reason: 'expected a number' };
    case 'datetime': {
      const ms = parseDateTime(raw);
      return ms === undefined ? { code: 'INVALID_DATE', reason: 'expected ms since epoch or ISO 8601' } : new Date(ms).toISOString();
    }
    case 'date': {
      const ms = parseDateTime(raw);
      if (ms === undefined) return { code: 'INVALID_DATE', reason: 'expected a date' };
      if (ms % 86_400_000 !== 0 && /^\d+$/.test(raw)) return { code: 'INVALID_DATE', reason: 'date values must be midnight UTC' };
      return new Date(ms).toISOString().slice(0, 10);
    }
    case 'bool':
      return raw === 'true' || raw === 'false' ? raw : { code: 'INVALID_BOOLEAN', reason: 'expected "true" or "false"' };
    case 'enumeration': {
      if (definition.options.length === 0) return raw;
      const allowed = new Set(definition.options.map((option) => option.value));
      const chosen = definition.fieldType === 'checkbox' ? raw.split(';') : [raw];
      const bad = chosen.find((value) => !allowed.has(value));
      return bad === undefined ? raw : { code: 'INVALID_OPTION', reason: `"${bad}" is not one of the allowed options` };
    }
    case 'string':
      return raw;
  }
}
