import { COMPANY_PROPERTIES } from '../domain/computed-properties';
import { portalMappingSchema, type PortalMapping } from '../domain/config/portal-mapping';

/**
 * The one source of every HubSpot project file (platform 2026.03): the build writes these objects
 * as `*-hsmeta.json` under `<srcDir>/app/`. Nothing in dist/ is edited by hand.
 */
/**
 * Which HubSpot subscription the build serves. Installing an app with app functions needs an
 * Enterprise subscription (developers.hubspot.com/docs/apps/developer-platform/add-features/serverless-functions/create-serverless-functions),
 * so `pro` ships no function and every card reads through `hubspot.fetch` to the backend;
 * `enterprise` serves record data from app functions and keeps `hubspot.fetch` for whatever
 * depends on who is looking (the only viewer identity HubSpot signs).
 */
export const TIERS = ['pro', 'enterprise'] as const;
export type Tier = (typeof TIERS)[number];

export interface ProjectOptions {
  /** Public HTTPS base URL of the express backend (workflow action, webhooks, hubspot.fetch). */
  backendUrl: string;
  tier: Tier;
  /** Where the app listing's documentation and support links lead (a page that exists). */
  documentationUrl: string;
  supportUrl: string;
}

/** `card` is the backend route (`POST /hubspot/cards/:card`) the card's hubspot.fetch calls. */
export const CARDS = [
  { file: 'customer-health-card', card: 'customer-health', uid: 'cs_customer_health_card', name: 'Customer health', description: 'Health score with its breakdown, churn risk and reasons, NPS/CSAT/NRR and next best actions.', location: 'crm.record.tab', objectTypes: ['companies'] },
  { file: 'my-objectives-card', card: 'my-objectives', uid: 'cs_my_objectives_card', name: 'My objectives', description: 'Your objective attainment, explained measure by measure, and this account\'s part in it.', location: 'crm.record.sidebar', objectTypes: ['companies'] },
  { file: 'retention-target-card', card: 'retention-target', uid: 'cs_retention_target_card', name: 'Retention target', description: 'The customer\'s health and churn risk, the rep\'s early-churn record against the target, weighted value and the stage/probability check.', location: 'crm.record.sidebar', objectTypes: ['deals'] },
] as const;

/**
 * App functions, Enterprise only. HubSpot hands a function no viewer (its executor builds the
 * context from `propertiesToSend`, `parameters`, `event` and `secrets` only:
 * @hubspot/ui-extensions-dev-server dist/lib/serverless/context.js `buildContext`), so only data
 * that is the same for everyone may come from one: the Customer health view. My objectives, the
 * rep's early-churn record on Retention target and the author of an override depend on the viewer
 * and always go through hubspot.fetch. A card calls a function by its `uid`
 * (dist/lib/serverless/config.js `loadFunctionInfo` looks functions up by uid).
 */
export const FUNCTIONS = [{ file: 'customer-health', uid: 'cs_customer_health_function', card: 'customer-health' }] as const;

/** The functions a tier ships: none on Pro. */
export const functionsFor = (tier: Tier) => (tier === 'enterprise' ? FUNCTIONS : []);

/**
 * What the cards are told at build time (written to `cards/config/card-runtime.ts`): where the
 * backend is, and which views come from an app function (by uid).
 */
export function cardRuntime(options: Pick<ProjectOptions, 'backendUrl' | 'tier'>) {
  return {
    tier: options.tier,
    backendUrl: options.backendUrl,
    functions: Object.fromEntries(functionsFor(options.tier).map((fn) => [fn.card, fn.uid])) as Record<string, string>,
  };
}

const REQUIRED_SCOPES = [
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.contacts.read',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'tickets',
  'crm.objects.feedback_submissions.read',
  'crm.objects.line_items.read',
  'crm.objects.owners.read',
  'crm.objects.goals.read',
  'crm.schemas.companies.write',
  'crm.schemas.deals.write',
];

export function appMeta(options: ProjectOptions) {
  return {
    uid: 'cs_health_app',
    type: 'app',
    config: {
      name: 'cs-health',
      description: 'Customer health scores that explain themselves, churn risk, NRR/GRR, NPS/CSAT and CSM objectives inside HubSpot.',
      distribution: 'private',
      auth: { type: 'static', requiredScopes: REQUIRED_SCOPES, optionalScopes: [], conditionallyRequiredScopes: [] },
      permittedUrls: { fetch: [options.backendUrl], iframe: [], img: [] },
      support: { supportEmail: 'support@example.com', documentationUrl: options.documentationUrl, supportUrl: options.supportUrl, supportPhone: '' },
    },
  };
}

export const cardMeta = (card: (typeof CARDS)[number]) => ({
  uid: card.uid,
  type: 'card',
  config: { name: card.name, description: card.description, location: card.location, entrypoint: `/app/cards/${card.file}.tsx`, objectTypes: [...card.objectTypes] },
});

/**
 * HubSpot's 2026.03 function template: `entrypoint` and `secretKeys` (plus an optional `endpoint`
 * for a public URL, which these functions do not have). The uid is the name cards call.
 */
export const functionMeta = (fn: (typeof FUNCTIONS)[number]) => ({
  uid: fn.uid,
  type: 'app-function',
  config: { entrypoint: `/app/functions/${fn.file}.js`, secretKeys: ['PRIVATE_APP_ACCESS_TOKEN'] },
});

/**
 * `local.json` for `hs project dev`, beside app-hsmeta.json: HubSpot's local dev sends every
 * hubspot.fetch whose origin is a key to the local URL instead (HubSpot/hubspot-project-components
 * 2026.03/defaultFiles/AGENTS.md "Local Proxy Configuration"; @hubspot/ui-extensions-dev-server
 * dist/lib/config.js `loadLocalConfig`, dist/lib/proxy/AppProxyService.js `mapToLocalUrl`).
 */
export const localProxyConfig = (backendUrl: string, localUrl = 'http://localhost:8080') => ({ proxy: { [backendUrl]: localUrl } });

/**
 * HubSpot's 2026.03 card template tsconfig (HubSpot/hubspot-project-components,
 * 2026.03/components/cards/src/app/cards/tsconfig.json): its card build reads `jsx` from here, and
 * without it falls back to the classic transform (bare React.createElement).
 */
export const cardsTsconfig = () => ({
  compilerOptions: {
    target: 'esnext',
    module: 'Node16',
    moduleResolution: 'Node16',
    esModuleInterop: true,
    allowSyntheticDefaultImports: true,
    forceConsistentCasingInFileNames: true,
    allowImportingTsExtensions: true,
    noEmit: true,
    isolatedModules: true,
    jsx: 'react-jsx',
    skipLibCheck: true,
    strict: true,
  },
  include: ['**/*.ts', '**/*.tsx'],
  exclude: ['node_modules'],
});

const field = (name: string, type: 'string' | 'number' | 'enumeration', options?: string[]) => ({
  typeDefinition: { name, type, ...(options ? { options: options.map((value) => ({ label: value.replace(/_/g, ' '), value })) } : {}) },
});
const optionsOf = (name: string) => COMPANY_PROPERTIES.find((p) => p.name === name)?.options?.map((o) => o.value) ?? [];

export function workflowActionMeta(options: ProjectOptions) {
  return {
    uid: 'cs_recompute_health_action',
    type: 'workflow-action',
    config: {
      actionUrl: `${options.backendUrl}/hubspot/workflow-actions/recompute-health`,
      isPublished: true,
      supportedClients: [{ client: 'WORKFLOWS' }],
      inputFields: [],
      outputFields: [field('score', 'number'), field('band', 'enumeration', optionsOf('cs_health_band')), field('churn_risk', 'enumeration', optionsOf('cs_churn_risk'))],
      objectTypes: ['COMPANY'],
      labels: {
        en: {
          actionName: 'Recompute customer health',
          actionDescription: 'Recomputes the company health score, band and churn risk now and writes the cs-health properties.',
          actionCardContent: 'Recompute customer health',
          appDisplayName: 'cs-health',
          outputFieldLabels: { score: 'Health score', band: 'Health band', churn_risk: 'Churn risk' },
        },
      },
    },
  };
}

/**
 * The CRM changes HubSpot posts to the backend, each a recompute of the companies it touches. The
 * company's usage-score and segment properties are whatever the configuration maps (defaults
 * `cs_usage_score`, `cs_segment`): a change of either moves the score like a deal or ticket change.
 */
export function webhooksMeta(options: ProjectOptions, mapping: Pick<PortalMapping, 'company'> = portalMappingSchema.parse({})) {
  const inputs = [...new Set([mapping.company.usageScore, mapping.company.segment])].map((name) => ['company', 'object.propertyChange', name] as const);
  const changes = [
    ...inputs,
    ['deal', 'object.propertyChange', 'dealstage'],
    ['deal', 'object.propertyChange', 'amount'],
    ['deal', 'object.propertyChange', 'hs_mrr'],
    ['deal', 'object.creation', undefined],
    ['deal', 'object.associationChange', undefined],
    ['ticket', 'object.creation', undefined],
    ['ticket', 'object.propertyChange', 'hs_pipeline_stage'],
    ['ticket', 'object.propertyChange', 'hs_ticket_priority'],
    ['company', 'object.propertyChange', 'cs_health_override_score'],
    ['company', 'object.propertyChange', 'notes_last_contacted'],
    ['contact', 'object.propertyChange', 'notes_last_contacted'],
    ['contact', 'object.associationChange', undefined],
    // A new survey answer (feedback submission, 0-19) moves NPS/CSAT and the health score. HubSpot's
    // generic object.* webhooks list FEEDBACK_SUBMISSION for private and public apps
    // (developers.hubspot.com/changelog/public-beta-generic-webhook-subscriptions); the project's
    // crmObjects array takes them (developers.hubspot.com/docs/apps/developer-platform/add-features/configure-webhooks).
    // The value is set at submission; its property change covers a value corrected afterwards.
    ['feedback_submission', 'object.creation', undefined],
    ['feedback_submission', 'object.propertyChange', 'hs_value'],
  ] as const;
  return {
    uid: 'cs_health_webhooks',
    type: 'webhooks',
    config: {
      settings: { targetUrl: `${options.backendUrl}/hubspot/webhooks`, maxConcurrentRequests: 10 },
      subscriptions: {
        crmObjects: changes.map(([objectType, subscriptionType, propertyName]) => ({ subscriptionType, objectType, ...(propertyName ? { propertyName } : {}), active: true })),
        legacyCrmObjects: [],
        hubEvents: [],
      },
    },
  };
}
