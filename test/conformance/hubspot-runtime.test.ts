import { PAGES } from '../../src/build/pages-definition';
import { SETTINGS_PAGE } from '../../src/build/settings-definition';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTEXT_FIELDS_READ } from '../../src/app/app-function-adapter';
import { customerHealthCard } from '../../src/app/cards/customer-health-handler';
import { cachedPortalContext } from '../../src/app/card-dependencies';
import { CARDS, FUNCTIONS } from '../../src/build/hubspot-project-definition';
import { DEFAULT_ENGINE_CONFIG } from '../../src/domain/config/engine-config';
import { createHubSpotGateway } from '../../src/hubspot';
import { generateDemoPortal } from '../../src/sandbox/demo/generate-demo-portal';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { BACKEND, buildForTier, runHubSpotTooling, type ToolingOutput } from './hubspot-runtime';

const TOKEN = 'conformance-token';
/** The fields HubSpot's 2026.03 function template documents (serverless-functions/reference#function-configuration). */
const FUNCTION_CONFIG_FIELDS = ['entrypoint', 'endpoint', 'secretKeys'];

describe.each(['pro', 'enterprise'] as const)('HubSpot builds every card (%s)', (tier) => {
  let tooling: ToolingOutput;
  beforeAll(async () => {
    const srcDir = buildForTier(tier);
    tooling = await runHubSpotTooling({ srcDir, cardsOut: mkdtempSync(join(tmpdir(), 'cs-cards-')) });
  });
  const bundleOf = (uid: string) => {
    const card = tooling.cards.find((c) => c.uid === uid);
    if (!card) throw new Error(`HubSpot did not build card ${uid}`);
    const name = card.file.split('/').pop()?.replace(/\.tsx$/, '') ?? '';
    return readFileSync(join(card.outputDir, `${name}.js`), 'utf8');
  };

  const extensionUids = [...CARDS.map((c) => c.uid), PAGES.uid, SETTINGS_PAGE.uid];

  it('with its card builder, one bundle and manifest per card, one for the app pages and one for the settings page', () => {
    expect(tooling.cards.map((c) => c.uid).sort()).toEqual([...extensionUids].sort());
    for (const uid of extensionUids) expect(bundleOf(uid).length).toBeGreaterThan(1000);
  });

  it('and the settings page calls the settings API on the backend it was built for', () => {
    expect(bundleOf(SETTINGS_PAGE.uid)).toContain(BACKEND);
    expect(bundleOf(SETTINGS_PAGE.uid)).toContain('/hubspot/settings');
  });

  it('with the automatic JSX runtime of its 2026.03 template (no bare React.createElement)', () => {
    for (const uid of extensionUids) expect([uid, bundleOf(uid).includes('React.createElement(')]).toEqual([uid, false]);
  });

  it('and every function uid a card names resolves to an app function HubSpot can find', () => {
    const named = new Set(CARDS.flatMap((c) => [...bundleOf(c.uid).matchAll(/"(cs_[a-z_]+_function)"/g)].map((m) => m[1])));
    expect([...named].sort()).toEqual(tier === 'enterprise' ? ['cs_customer_health_function'] : []);
    for (const uid of named) expect(tooling.appFunctions).toContain(uid);
  });

  it('and every card calls the backend it was built for', () => {
    for (const card of CARDS) expect([card.uid, bundleOf(card.uid).includes(BACKEND)]).toEqual([card.uid, true]);
  });
});

describe('HubSpot runs every app function (enterprise), by uid, against the sandbox', () => {
  let sandbox: RunningSandbox;
  let tooling: ToolingOutput;
  const AS_OF = new Date();
  const calls = [
    ...FUNCTIONS.map((fn) => ({ name: fn.uid, parameters: { recordId: '1001' } })),
    { name: 'cs_customer_health_function', parameters: { recordId: '1001', viewerId: '70101' } },
    { name: 'cs_customer_health_function', parameters: { recordId: 'abc' } },
    { name: 'cs_customer_health_function', parameters: { recordId: '1001', action: 'override', override: { score: 1 } } },
    { name: 'customer-health', parameters: { recordId: '1001' } },
  ];
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, token: TOKEN, seed: (sink) => generateDemoPortal({ companies: 40, seed: 3, asOf: AS_OF }, sink) });
    const srcDir = buildForTier('enterprise', { url: sandbox.url, token: TOKEN });
    tooling = await runHubSpotTooling({ srcDir, apiOrigin: sandbox.url, functionCalls: calls });
  });
  afterAll(() => sandbox?.close());

  it('declares only fields HubSpot\'s function template has', () => {
    const functions = tooling.nodes.filter((n) => n.componentType === 'APP_FUNCTION');
    expect(functions.map((n) => n.uid).sort()).toEqual(FUNCTIONS.map((f) => f.uid).sort());
    for (const node of functions) expect(Object.keys(node.config).filter((k) => !FUNCTION_CONFIG_FIELDS.includes(k))).toEqual([]);
  });

  it('reads only context fields HubSpot sends (and HubSpot sends no viewer)', () => {
    expect(tooling.contextFields.sort()).toEqual(['event', 'parameters', 'propertiesToSend', 'secrets']);
    for (const field of CONTEXT_FIELDS_READ) expect(tooling.contextFields).toContain(field);
  });

  it('answers the same view through HubSpot\'s executor (small fetch client) as the handler with the api-client', async () => {
    const [viaHubSpot] = tooling.calls;
    expect(viaHubSpot.error).toBeUndefined();
    expect(viaHubSpot.response).toMatchObject({ status: 'ok' });
    // The same clock as the function's run, so the two answers must be equal to the last figure.
    const computedAt = new Date((viaHubSpot.response as { view: { computedAt: string } }).view.computedAt);
    const gateway = createHubSpotGateway({ basePath: sandbox.url, accessToken: TOKEN });
    try {
      const direct = await customerHealthCard({ gateway, config: DEFAULT_ENGINE_CONFIG, now: () => computedAt, portalContext: cachedPortalContext(gateway) }, { recordId: '1001' }, {});
      expect(viaHubSpot.response).toEqual(JSON.parse(JSON.stringify(direct)));
    } finally {
      await gateway.close();
    }
  });

  it('answers BAD_REQUEST naming an unknown parameter (a viewer named by the caller is not a parameter)', () => {
    expect(tooling.calls[1].response).toEqual({ status: 'error', code: 'BAD_REQUEST', message: 'parameters.viewerId: not a parameter of this function' });
  });

  it('answers BAD_REQUEST naming a malformed parameter, and refuses actions (they need the viewer)', () => {
    expect(tooling.calls[2].response).toEqual({ status: 'error', code: 'BAD_REQUEST', message: 'parameters.recordId: recordId must be a numeric HubSpot record id' });
    expect(tooling.calls[3].response).toMatchObject({ status: 'error', code: 'BAD_REQUEST', message: expect.stringContaining('parameters.action: only "view"') });
    expect((tooling.calls[3].response as { message: string }).message).toContain('parameters.override: not a parameter of this function');
  });

  it('cannot be found by a name that is not its uid (HubSpot looks functions up by uid)', () => {
    const byName = tooling.calls[4];
    expect(byName.response).toBeUndefined();
    expect(byName.error?.reason).toBe('FUNCTION_NOT_FOUND');
    expect(byName.error?.messages.join('\n')).toContain('App function "customer-health" was not found');
  });
});
