import { pagesMetaSchema } from './pages-definition';
import { settingsMetaSchema } from './settings-definition';
import { z } from 'zod';

/**
 * Our own schemas for every `*-hsmeta.json` the build writes (platform 2026.03). HubSpot's full
 * schema validation needs an account; these catch offline what we can know: required fields,
 * entrypoints under /app, known card locations and object types.
 */
const uid = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'uid: letters, digits, - and _ only, 64 at most');
const appPath = (folder: string, ext: RegExp) => z.string().startsWith(`/app/${folder}/`).regex(ext, `must name a ${ext.source} file`);

export const appMetaSchema = z.strictObject({
  uid,
  type: z.literal('app'),
  config: z.strictObject({
    name: z.string().min(1),
    description: z.string().min(1),
    distribution: z.literal('private'),
    auth: z.strictObject({
      type: z.literal('static'),
      requiredScopes: z.array(z.string().min(1)).min(1),
      optionalScopes: z.array(z.string()),
      conditionallyRequiredScopes: z.array(z.string()),
    }),
    permittedUrls: z.strictObject({ fetch: z.array(z.url()), iframe: z.array(z.url()), img: z.array(z.url()) }),
    support: z.strictObject({ supportEmail: z.email(), documentationUrl: z.url(), supportUrl: z.url(), supportPhone: z.string() }),
  }),
});

/** HubSpot's app card configuration (developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensibility/app-cards/reference). */
export const cardMetaSchema = z.strictObject({
  uid,
  type: z.literal('card'),
  config: z.strictObject({
    name: z.string().min(1),
    description: z.string().min(1),
    previewImage: z.strictObject({ file: z.string().regex(/\.(png|jpe?g|gif)$/i, 'previewImage.file must be a png, jpeg, jpg or gif'), altText: z.string() }).optional(),
    location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
    entrypoint: appPath('cards', /\.(jsx|tsx)$/),
    objectTypes: z.array(z.enum(['contacts', 'companies', 'deals', 'tickets'])).min(1),
  }),
});

/**
 * HubSpot's 2026.03 function configuration: `entrypoint`, `secretKeys`, and `endpoint` only when
 * the function is public (developers.hubspot.com/docs/apps/developer-platform/add-features/serverless-functions/reference#function-configuration).
 * HubSpot's local dev reads exactly these (@hubspot/ui-extensions-dev-server
 * dist/lib/DevModeUnifiedInterface.js `_resolveAppFunctions`: `config.entrypoint`, `config.secretKeys`);
 * cards call the function by `uid`. Anything else (a `name`, say) is refused here.
 */
const httpMethod = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

export const functionMetaSchema = z.strictObject({
  uid,
  type: z.literal('app-function'),
  config: z.strictObject({
    entrypoint: appPath('functions', /\.(js|cjs|mjs|ts)$/),
    endpoint: z.strictObject({ path: z.string().regex(/^[A-Za-z0-9_/-]+$/), method: z.union([httpMethod, z.array(httpMethod).min(1)]) }).optional(),
    secretKeys: z.array(z.string().regex(/^[A-Z0-9_]+$/)),
  }),
});

const fieldSchema = z.strictObject({
  typeDefinition: z.strictObject({
    name: z.string().min(1),
    type: z.enum(['string', 'number', 'enumeration', 'bool', 'datetime']),
    fieldType: z.string().optional(),
    options: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
  }),
});

export const workflowActionMetaSchema = z.strictObject({
  uid,
  type: z.literal('workflow-action'),
  config: z.strictObject({
    actionUrl: z.url(),
    isPublished: z.boolean(),
    supportedClients: z.array(z.strictObject({ client: z.literal('WORKFLOWS') })).min(1),
    inputFields: z.array(fieldSchema.extend({ isRequired: z.boolean(), supportedValueTypes: z.array(z.string()) })),
    outputFields: z.array(fieldSchema).min(1),
    objectTypes: z.array(z.enum(['COMPANY', 'CONTACT', 'DEAL', 'TICKET'])).min(1),
    labels: z.record(z.string(), z.strictObject({ actionName: z.string(), actionDescription: z.string(), actionCardContent: z.string(), appDisplayName: z.string(), outputFieldLabels: z.record(z.string(), z.string()) })),
  }),
});

export const webhooksMetaSchema = z.strictObject({
  uid,
  type: z.literal('webhooks'),
  config: z.strictObject({
    settings: z.strictObject({ targetUrl: z.url(), maxConcurrentRequests: z.number().int().min(5).max(100) }),
    subscriptions: z.strictObject({
      crmObjects: z
        .array(
          z.strictObject({
            subscriptionType: z.enum(['object.creation', 'object.propertyChange', 'object.associationChange', 'object.deletion']),
            // HubSpot's generic webhooks take any standard object; these are the ones whose changes move a score.
            objectType: z.enum(['company', 'contact', 'deal', 'ticket', 'feedback_submission']),
            propertyName: z.string().optional(),
            active: z.boolean(),
          }),
        )
        .min(1),
      legacyCrmObjects: z.array(z.unknown()),
      hubEvents: z.array(z.unknown()),
    }),
  }),
});

export const HSMETA_SCHEMAS = {
  app: appMetaSchema,
  card: cardMetaSchema,
  'app-function': functionMetaSchema,
  'workflow-action': workflowActionMetaSchema,
  webhooks: webhooksMetaSchema,
  page: pagesMetaSchema,
  settings: settingsMetaSchema,
} as const;

export type HsMetaType = keyof typeof HSMETA_SCHEMAS;

/** Validates one hsmeta document by its `type`; returns the problems, each naming its field. */
export function hsmetaProblems(document: unknown): string[] {
  const type = (document as { type?: string } | null)?.type;
  if (!type || !(type in HSMETA_SCHEMAS)) return [`type: expected one of ${Object.keys(HSMETA_SCHEMAS).join(', ')}, got ${JSON.stringify(type)}`];
  const parsed = HSMETA_SCHEMAS[type as HsMetaType].safeParse(document);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
