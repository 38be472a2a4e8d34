import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { PAGES, pagesFiles, pagesMetaSchema } from '../../src/build/pages-definition';

const root = resolve(__dirname, '../..');
const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies as Record<string, string>;

/** HubSpot's own parser (ESM-only), run in a child node process as its CLI runs it. */
function translateOffline(srcDir: string): { nodes: Record<string, { componentType: string; config: Record<string, unknown>; errors?: unknown[] }>; error?: string } {
  const script = `
    import { translate } from '@hubspot/project-parsing-lib/translate';
    try {
      const result = await translate({ projectSourceDir: ${JSON.stringify(srcDir)}, platformVersion: '2026.03' }, { skipValidation: true });
      console.log(JSON.stringify({ nodes: result.intermediateRepresentation.intermediateNodesIndexedByUid }));
    } catch (error) {
      console.log(JSON.stringify({ error: String(error && error.message || error) }));
    }`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
}

describe('the app pages in the HubSpot project', () => {
  const srcDir = join(mkdtempSync(join(tmpdir(), 'cs-pages-')), 'src');
  const written = assembleHubSpotProject({ root, srcDir, backendUrl: 'https://backend.example.com', tier: 'pro', documentationUrl: 'https://backend.example.com/docs', supportUrl: 'https://backend.example.com/support' });
  const pagesDir = join(srcDir, 'app', 'pages');

  it('is written by the build with every generated file, the pages tests left out', () => {
    for (const file of pagesFiles({ backendUrl: 'https://backend.example.com/', versions })) expect(written).toContain(join('app', 'pages', file.path));
    expect(written.some((path) => /pages\/.*\.test\.tsx?$/.test(path))).toBe(false);
  });

  it('parses with HubSpot project-parsing-lib as one PAGE component pointing at the entry file', () => {
    const result = translateOffline(srcDir);
    expect(result.error).toBeUndefined();
    const page = Object.entries(result.nodes).find(([, n]) => n.componentType === 'PAGE');
    expect(page?.[0]).toBe(PAGES.uid);
    expect(page?.[1].config).toMatchObject({ entrypoint: '/app/pages/Pages.tsx' });
    expect(page?.[1].errors ?? []).toEqual([]);
  });

  it('writes the backend the pages fetch from, without a trailing slash', () => {
    expect(readFileSync(join(pagesDir, 'config', 'backend.ts'), 'utf8')).toContain('export const BACKEND_URL = "https://backend.example.com";');
  });

  it('rejects a pages hsmeta with a wrong entrypoint, naming the field', () => {
    const parsed = pagesMetaSchema.safeParse({ uid: 'x', type: 'page', config: { entrypoint: '/app/cards/Pages.tsx' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual(['config.entrypoint: expected /app/pages/<file>.tsx']);
  });
});
