import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, translateOffline, versions } from '../build/translate-offline';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { PAGES, pagesFiles, pagesMetaSchema } from '../../src/build/pages-definition';

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
