import { z } from 'zod';
import { SandboxError } from '../store/sandbox-error';

/** HubSpot accepts property values as strings, numbers or booleans and stores them as strings; null clears. */
const propertyValue = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .transform((value) => (value === null ? '' : String(value)));

export const propertyValues = z.record(z.string(), propertyValue);

const objectId = z.union([z.string().min(1), z.number().int()]).transform(String);

const associationSpec = z.object({
  associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
  associationTypeId: z.number().int(),
});

const inlineAssociation = z.object({
  to: z.object({ id: objectId }),
  types: z.array(associationSpec).min(1),
});

const nameList = z.array(z.string()).optional();

export const createObjectBody = z.object({
  properties: propertyValues,
  associations: z.array(inlineAssociation).optional(),
});

export const updateObjectBody = z.object({ properties: propertyValues });

export const batchReadBody = z.object({
  inputs: z.array(z.object({ id: objectId })).max(100, 'at most 100 inputs per batch'),
  properties: nameList,
  propertiesWithHistory: nameList,
  idProperty: z.string().optional(),
});

export const batchCreateBody = z.object({
  inputs: z.array(createObjectBody).max(100, 'at most 100 inputs per batch'),
});

export const batchUpdateBody = z.object({
  inputs: z.array(z.object({ id: objectId, properties: propertyValues })).max(100, 'at most 100 inputs per batch'),
});

export const SEARCH_OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;

const filterValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export const searchFilter = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(SEARCH_OPERATORS),
  value: filterValue.optional(),
  highValue: filterValue.optional(),
  values: z.array(filterValue).optional(),
});

export const searchBody = z.object({
  filterGroups: z
    .array(z.object({ filters: z.array(searchFilter).max(10, 'at most 10 filters per group') }))
    .max(5, 'at most 5 filter groups')
    .optional(),
  sorts: z
    .array(
      z.union([
        z.string().transform((propertyName) => ({ propertyName, direction: 'ASCENDING' as const })),
        z.object({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).default('ASCENDING') }),
      ]),
    )
    .optional(),
  properties: nameList,
  limit: z.number().int().min(0).max(200, 'limit must be at most 200').optional(),
  after: z.union([z.string().regex(/^\d+$/, 'after must be a numeric cursor'), z.number().int().min(0)]).transform(Number).optional(),
  query: z.string().optional(),
});

export type SearchRequest = z.infer<typeof searchBody>;
export type SearchFilter = z.infer<typeof searchFilter>;

export const associationBatchReadBody = z.object({
  inputs: z.array(z.object({ id: objectId, after: z.string().optional() })).max(1000, 'at most 1,000 inputs per batch'),
});

export const associationBatchCreateBody = z.object({
  inputs: z
    .array(z.object({ from: z.object({ id: objectId }), to: z.object({ id: objectId }), types: z.array(associationSpec).min(1) }))
    .max(2000, 'at most 2,000 inputs per batch'),
});

export const associationBatchDefaultBody = z.object({
  inputs: z.array(z.object({ from: z.object({ id: objectId }), to: z.object({ id: objectId }) })).max(2000, 'at most 2,000 inputs per batch'),
});

export const createPropertyBody = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must start with a lowercase letter and hold only a-z, 0-9 and _'),
  label: z.string().min(1),
  type: z.enum(['string', 'number', 'enumeration', 'datetime', 'date', 'bool']),
  fieldType: z.string().min(1),
  groupName: z.string().min(1),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  formField: z.boolean().optional(),
  hidden: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  options: z
    .array(z.object({ label: z.string(), value: z.string(), displayOrder: z.number().int().optional(), hidden: z.boolean().optional(), description: z.string().optional() }))
    .optional(),
});

export const createGroupBody = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must start with a lowercase letter and hold only a-z, 0-9 and _'),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

/** A comma-separated or repeated query parameter, e.g. `properties=a,b&properties=c`. */
const nameListParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean)));

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1, 'limit must be at least 1').max(100, 'limit must be at most 100').default(10),
  after: z.string().regex(/^\d+$/, 'after must be a numeric cursor').optional(),
  properties: nameListParam,
  propertiesWithHistory: nameListParam,
  associations: nameListParam,
  archived: z.enum(['true', 'false']).optional(),
  idProperty: z.string().optional(),
});

export const ownersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500, 'limit must be at most 500').default(100),
  after: z.string().regex(/^\d+$/, 'after must be a numeric cursor').optional(),
  email: z.string().optional(),
  archived: z.enum(['true', 'false']).optional(),
});

export const clockBody = z.object({ now: z.union([z.string(), z.number(), z.null()]) });

const numericId = (field: string) => z.string({ error: `${field} must be a numeric id string` }).regex(/^[1-9]\d{0,18}$/, `${field} must be a numeric id string`);

/** A survey answer as HubSpot records one: its properties and who answered (a contact, and for a support survey the ticket it rates). */
export const surveyAnswerBody = z.strictObject({
  properties: propertyValues,
  contactId: numericId('contactId').optional(),
  ticketId: numericId('ticketId').optional(),
  /** Put in the webhook event, as HubSpot names the portal in each one. */
  portalId: z.number().int().positive().optional(),
});

/** Parses with a schema or throws HubSpot's 400 naming each bad field (`inputs[3].id`). */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' = 'body'): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    message: issue.message,
    in: formatPath(issue.path) || where,
    code: issue.code.toUpperCase(),
  }));
  throw new SandboxError(
    'VALIDATION_ERROR',
    `Invalid input (${where}): ${errors.map((error) => `${error.in}: ${error.message}`).join('; ')}`,
    errors,
  );
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}
