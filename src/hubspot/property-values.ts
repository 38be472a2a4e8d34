import { z } from 'zod';
import type { WarningCounter } from './warning-counter';

/** A HubSpot object as the API returns it: every property a string or null. */
export const hubspotObjectSchema = z.object({
  id: z.string().min(1),
  properties: z.record(z.string(), z.string().nullable().optional()).default({}),
  propertiesWithHistory: z
    .record(z.string(), z.array(z.object({ value: z.string().nullable().optional(), timestamp: z.union([z.date(), z.string()]) })))
    .optional(),
  associations: z
    .record(
      z.string(),
      z.object({
        results: z.array(z.object({ id: z.string() })).default([]),
        paging: z.object({ next: z.object({ after: z.string() }).optional() }).optional(),
      }),
    )
    .optional(),
});

export type HubSpotObject = z.infer<typeof hubspotObjectSchema>;

// Built once at load: a schema per value cost 11.5 % of a sync's CPU (issue 15).
const finiteNumber = z.coerce.number().refine(Number.isFinite);
const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');
const epochOrIso = z.string().transform((text, context) => {
  // HubSpot sends datetimes as ISO strings, dates as YYYY-MM-DD, and some as epoch milliseconds.
  const date = /^\d{10,}$/.test(text) ? new Date(Number(text)) : new Date(text);
  if (Number.isNaN(date.getTime())) {
    context.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return date;
});

/** One enum schema per distinct list of values, however often (and however inline) it is passed. */
const enumSchemas = new Map<string, z.ZodType<string>>();
function enumSchema<T extends string>(values: readonly [T, ...T[]]): z.ZodType<T> {
  const key = values.join('\u0000');
  let schema = enumSchemas.get(key);
  if (!schema) {
    schema = z.enum(values as [T, ...T[]]);
    enumSchemas.set(key, schema);
  }
  return schema as z.ZodType<T>;
}

/**
 * Reads typed values out of one object's string properties. Absent or empty values are `undefined`
 * (counted as `<entity>.<field>.missing` only when `required`); unparsable ones are counted as
 * `<entity>.<field>.invalid` and also come back `undefined` — never 0.
 */
export class PropertyReader {
  constructor(
    private readonly entity: string,
    private readonly properties: Record<string, string | null | undefined>,
    private readonly warnings: WarningCounter,
  ) {}

  text(name: string): string | undefined {
    const value = this.properties[name];
    return value === null || value === undefined || value.trim() === '' ? undefined : value;
  }

  number(field: string, name: string, options: { required?: boolean; min?: number; max?: number } = {}): number | undefined {
    const value = this.parse(field, name, finiteNumber, options.required);
    if (value === undefined) return undefined;
    if (value < (options.min ?? -Infinity) || value > (options.max ?? Infinity)) {
      this.warnings.add(`${this.entity}.${field}.invalid`);
      return undefined;
    }
    return value;
  }

  date(field: string, name: string, options: { required?: boolean } = {}): Date | undefined {
    return this.parse(field, name, epochOrIso, options.required);
  }

  boolean(field: string, name: string): boolean | undefined {
    return this.parse(field, name, booleanText);
  }

  oneOf<T extends string>(field: string, name: string, values: readonly [T, ...T[]]): T | undefined {
    return this.parse(field, name, enumSchema(values));
  }

  private parse<T>(field: string, name: string, schema: z.ZodType<T>, required = false): T | undefined {
    const raw = this.text(name);
    if (raw === undefined) {
      if (required) this.warnings.add(`${this.entity}.${field}.missing`);
      return undefined;
    }
    const parsed = schema.safeParse(raw.trim());
    if (!parsed.success) {
      this.warnings.add(`${this.entity}.${field}.invalid`);
      return undefined;
    }
    return parsed.data;
  }
}
