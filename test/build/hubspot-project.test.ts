import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { MAX_FUNCTION_BUNDLE_BYTES } from '../../src/build/bundle-app-function';
import { buildSettingsFrom } from '../../src/build/build-options';
import { hsmetaProblems } from '../../src/build/hsmeta-schemas';
import type { Tier } from '../../src/build/hubspot-project-definition';

const root = resolve(__dirname, '../..');
const LINKS = { documentationUrl: 'https://docs.example.org/cs-health', supportUrl: 'https://docs.example.org/cs-health/support' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** @hubspot/project-parsing-lib is ESM-only: it runs in a child node process, as HubSpot's CLI runs it. */
function translateOffline(srcDir: string): { nodes: Record<string, { componentType: string; config: Record<string, unknown> }>; errors: unknown[]; error?: string } {
  const script = `
    import { translate } from '@hubspot/project-parsing-lib/translate';
    try {
      const result = await translate({ projectSourceDir: ${JSON.stringify(srcDir)}, platformVersion: '2026.03' }, { skipValidation: true });
      const errors = Object.values(result.intermediateRepresentation.intermediateNodesIndexedByUid).flatMap((n) => n.errors ?? []);
      console.log(JSON.stringify({ nodes: result.intermediateRepresentation.intermediateNodesIndexedByUid, skipped: result.skippedHsMetaFiles, errors }));
    } catch (error) {
      console.log(JSON.stringify({ error: String(error && error.message || error) }));
    }`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

const build = (tier: Tier) => {
  const srcDir = join(mkdtempSync(join(tmpdir(), `cs-build-${tier}-`)), 'src');
  return { srcDir, written: assembleHubSpotProject({ root, srcDir, backendUrl: 'https://backend.example.com', tier, ...LINKS }) };
};

describe.each(['pro', 'enterprise'] as const)('the assembled HubSpot project (%s)', (tier) => {
  const { srcDir, written } = build(tier);
  const functionFiles = written.filter((f) => f.startsWith('app/functions/') && f.endsWith('.js'));

  it('passes our schema for every hsmeta file', () => {
    const metas = filesUnder(srcDir).filter((f) => f.endsWith('-hsmeta.json'));
    expect(metas.length).toBeGreaterThanOrEqual(6);
    for (const file of metas) expect([file, hsmetaProblems(JSON.parse(readFileSync(file, 'utf8')))]).toEqual([file, []]);
  });

  it('parses with HubSpot project-parsing-lib without an error', () => {
    const result = translateOffline(srcDir);
    expect(result.error).toBeUndefined();
    const byType = Object.values(result.nodes).map((n) => n.componentType);
    expect(byType).toEqual(expect.arrayContaining(['APPLICATION', 'CARD', 'WORKFLOW_ACTION', 'WEBHOOKS']));
    expect(byType.includes('APP_FUNCTION')).toBe(tier === 'enterprise');
    expect(result.errors).toEqual([]);
  });

  it(tier === 'pro' ? 'ships no app function (Pro portals cannot install them)' : 'ships the record-data function, each bundle minified under 1 MB and exporting main', () => {
    expect(functionFiles).toEqual(tier === 'pro' ? [] : ['app/functions/customer-health.js']);
    expect(existsSync(join(srcDir, 'app', 'functions'))).toBe(tier === 'enterprise');
    for (const file of functionFiles) {
      expect(statSync(join(srcDir, file)).size).toBeLessThanOrEqual(MAX_FUNCTION_BUNDLE_BYTES);
      // Loaded by plain node (as HubSpot loads it), not through jest's transform.
      const exported = execFileSync(process.execPath, ['-e', `console.log(typeof require(${JSON.stringify(join(srcDir, file))}).main)`], { encoding: 'utf8' });
      expect(exported.trim()).toBe('function');
    }
  });

  it('tells the cards the tier, the backend and the function uids', () => {
    const runtime = readFileSync(join(srcDir, 'app/cards/config/card-runtime.ts'), 'utf8');
    expect(runtime).toContain(`"tier": "${tier}"`);
    expect(runtime).toContain('"backendUrl": "https://backend.example.com"');
    expect(runtime.includes('"customer-health": "cs_customer_health_function"')).toBe(tier === 'enterprise');
  });

  it('ships the cards tsconfig of HubSpot\'s 2026.03 template (automatic JSX runtime)', () => {
    expect(JSON.parse(readFileSync(join(srcDir, 'app/cards/tsconfig.json'), 'utf8')).compilerOptions.jsx).toBe('react-jsx');
  });

  it('links documentation and support to the pages it was given, and proxies hubspot.fetch to a local backend', () => {
    const app = JSON.parse(readFileSync(join(srcDir, 'app/app-hsmeta.json'), 'utf8'));
    expect(app.config.support).toMatchObject(LINKS);
    expect(JSON.parse(readFileSync(join(srcDir, 'app/local.json'), 'utf8'))).toEqual({ proxy: { 'https://backend.example.com': 'http://localhost:8080' } });
  });
});

describe('rebuilding', () => {
  it('keeps what hs project dev wrote (cards/node_modules, functions/.env, local.json) and removes the rest', () => {
    const { srcDir } = build('enterprise');
    const app = join(srcDir, 'app');
    mkdirSync(join(app, 'cards/node_modules/react'), { recursive: true });
    writeFileSync(join(app, 'cards/node_modules/react/index.js'), 'module.exports = 1;');
    writeFileSync(join(app, 'functions/.env'), 'PRIVATE_APP_ACCESS_TOKEN=local\n');
    writeFileSync(join(app, 'local.json'), '{"proxy":{"https://backend.example.com":"http://localhost:9999"}}');
    writeFileSync(join(app, 'cards/stale.tsx'), 'old');
    assembleHubSpotProject({ root, srcDir, backendUrl: 'https://backend.example.com', tier: 'pro', ...LINKS });
    expect(readFileSync(join(app, 'cards/node_modules/react/index.js'), 'utf8')).toBe('module.exports = 1;');
    expect(readFileSync(join(app, 'functions/.env'), 'utf8')).toContain('PRIVATE_APP_ACCESS_TOKEN=local');
    expect(readFileSync(join(app, 'local.json'), 'utf8')).toContain('localhost:9999');
    expect(existsSync(join(app, 'cards/stale.tsx'))).toBe(false);
    expect(existsSync(join(app, 'functions/customer-health.js'))).toBe(false);
  });
});

describe('build settings', () => {
  it('refuse to build without CS_HEALTH_BACKEND_URL, naming it', () => {
    expect(buildSettingsFrom({ CS_HEALTH_DOCS_URL: LINKS.documentationUrl, CS_HEALTH_SUPPORT_URL: LINKS.supportUrl })).toEqual({ problems: [expect.stringMatching(/^CS_HEALTH_BACKEND_URL is required/)] });
  });

  it('refuse an http backend and an unknown tier; without a repository, link the pages the backend serves', () => {
    const result = buildSettingsFrom({ CS_HEALTH_BACKEND_URL: 'http://cs.example.org', CS_HEALTH_TIER: 'starter' });
    expect(result).toEqual({ problems: [expect.stringMatching(/^CS_HEALTH_BACKEND_URL must use https/), expect.stringMatching(/^CS_HEALTH_TIER must be one of pro, enterprise/)] });
    expect(buildSettingsFrom({ CS_HEALTH_BACKEND_URL: 'https://cs.example.org' })).toEqual({
      settings: { backendUrl: 'https://cs.example.org', tier: 'pro', documentationUrl: 'https://cs.example.org/docs', supportUrl: 'https://cs.example.org/support', localBackendUrl: undefined },
    });
  });

  it('default to Pro and link the repository README and issues', () => {
    expect(buildSettingsFrom({ CS_HEALTH_BACKEND_URL: 'https://cs.example.org/' }, 'git+https://github.com/acme/cs-health.git')).toEqual({
      settings: { backendUrl: 'https://cs.example.org', tier: 'pro', documentationUrl: 'https://github.com/acme/cs-health#readme', supportUrl: 'https://github.com/acme/cs-health/issues', localBackendUrl: undefined },
    });
  });

  it('npm run build exits 1 naming the variable when CS_HEALTH_BACKEND_URL is unset', () => {
    const env = { ...process.env };
    delete env.CS_HEALTH_BACKEND_URL;
    const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/build/build-hubspot-project.ts')], { env, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CS_HEALTH_BACKEND_URL is required');
  });

  it('rejects a function hsmeta with a field HubSpot does not know, naming it', () => {
    expect(hsmetaProblems({ uid: 'f', type: 'app-function', config: { name: 'f', entrypoint: '/app/functions/f.js', secretKeys: [] } })).toEqual([expect.stringMatching(/^config: .*"name"/)]);
  });

  it('rejects an hsmeta document with a wrong field, naming it', () => {
    expect(hsmetaProblems({ uid: 'x', type: 'card', config: { name: 'n', description: 'd', location: 'crm.record.nowhere', entrypoint: '/app/cards/x.tsx', objectTypes: ['companies'] } })).toEqual([expect.stringMatching(/^config\.location: /)]);
  });
});
