import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { hsmetaProblems } from '../../src/build/hsmeta-schemas';

const root = resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** @hubspot/project-parsing-lib is ESM-only: it runs in a child node process, as HubSpot's CLI runs it. */
function translateOffline(srcDir: string): { nodes: Record<string, { componentType: string; config: Record<string, unknown> }>; error?: string } {
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

describe('the assembled HubSpot project', () => {
  const srcDir = join(mkdtempSync(join(tmpdir(), 'cs-build-')), 'src');
  const written = assembleHubSpotProject({ root, srcDir, backendUrl: 'https://backend.example.com' });

  it('passes our schema for every hsmeta file', () => {
    const metas = filesUnder(srcDir).filter((f) => f.endsWith('-hsmeta.json'));
    expect(metas.length).toBeGreaterThanOrEqual(5);
    for (const file of metas) expect([file, hsmetaProblems(JSON.parse(readFileSync(file, 'utf8')))]).toEqual([file, []]);
  });

  it('parses with HubSpot project-parsing-lib without an error', () => {
    const result = translateOffline(srcDir);
    expect(result.error).toBeUndefined();
    const byType = Object.values(result.nodes).map((n) => n.componentType).sort();
    expect(byType).toEqual(expect.arrayContaining(['APPLICATION', 'CARD', 'APP_FUNCTION', 'WORKFLOW_ACTION', 'WEBHOOKS']));
    expect((result as unknown as { errors: unknown[] }).errors).toEqual([]);
  });

  it('bundles each app function into one file that exports main', () => {
    const bundle = written.find((f) => f.endsWith('functions/customer-health.js'));
    expect(bundle).toBeDefined();
    // Loaded by plain node (as HubSpot loads it), not through jest's transform.
    const exported = execFileSync(process.execPath, ['-e', `console.log(typeof require(${JSON.stringify(join(srcDir, bundle as string))}).main)`], { encoding: 'utf8' });
    expect(exported.trim()).toBe('function');
  });

  it('rejects an hsmeta document with a wrong field, naming it', () => {
    expect(hsmetaProblems({ uid: 'x', type: 'card', config: { name: 'n', description: 'd', location: 'crm.record.nowhere', entrypoint: '/app/cards/x.tsx', objectTypes: ['companies'] } })).toEqual([expect.stringMatching(/^config\.location: /)]);
  });
});
