import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, translateOffline, versions } from '../build/translate-offline';
import { assembleHubSpotProject } from '../../src/build/assemble-hubspot-project';
import { hsmetaProblems } from '../../src/build/hsmeta-schemas';
import { SETTINGS_PAGE, settingsFiles, settingsMetaSchema } from '../../src/build/settings-definition';

describe('the settings extension in the HubSpot project', () => {
  const srcDir = join(mkdtempSync(join(tmpdir(), 'cs-settings-')), 'src');
  const written = assembleHubSpotProject({ root, srcDir, backendUrl: 'https://backend.example.com/', tier: 'pro', documentationUrl: 'https://backend.example.com/docs', supportUrl: 'https://backend.example.com/support' });
  const settingsDir = join(srcDir, 'app', 'settings');

  it('is written under app/settings with its hsmeta, package.json, tsconfig and sources, tests left out', () => {
    for (const file of settingsFiles({ backendUrl: 'https://backend.example.com', versions })) expect(written).toContain(join('app', 'settings', file.path));
    expect(written).toContain(join('app', 'settings', 'tsconfig.json'));
    expect(readFileSync(join(settingsDir, SETTINGS_PAGE.entrypoint), 'utf8')).toContain("hubspot.extend<'settings'>");
    expect(JSON.parse(readFileSync(join(settingsDir, 'package.json'), 'utf8')).dependencies).toEqual({ '@hubspot/ui-extensions': versions['@hubspot/ui-extensions'], react: versions.react });
  });

  it('parses with HubSpot project-parsing-lib as the app\'s one settings component pointing at the entry file', () => {
    const result = translateOffline(srcDir);
    expect(result.error).toBeUndefined();
    const settings = Object.entries(result.nodes).filter(([, n]) => n.componentType === 'SETTINGS');
    expect(settings.map(([uid]) => uid)).toEqual([SETTINGS_PAGE.uid]);
    expect(settings[0][1].config).toMatchObject({ entrypoint: '/app/settings/Settings.tsx' });
    expect(settings[0][1].errors ?? []).toEqual([]);
  });

  it('sends its requests to the backend it was built for, without a trailing slash', () => {
    const config = readFileSync(join(settingsDir, 'config', 'backend.ts'), 'utf8');
    expect(config).toContain('export const BACKEND_URL = "https://backend.example.com";');
    expect(config).toContain("export const SETTINGS_API_PATH = '/hubspot/settings';");
  });

  it('imports nothing from src/ at run time (the build copies extensions/settings alone)', () => {
    const dir = join(root, SETTINGS_PAGE.sourceDir);
    const runtimeImports = (readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.tsx?$/.test(f))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((line) => /from '(\.\.\/)+src\//.test(line) && !/^import type /.test(line)).map((line) => `${f}: ${line}`));
    expect(runtimeImports).toEqual([]);
  });

  it('refuses a settings hsmeta with a wrong type or entrypoint, naming the field', () => {
    expect(hsmetaProblems({ uid: 'x', type: 'settings', config: { entrypoint: '/app/cards/Settings.tsx' } })).toEqual(['config.entrypoint: expected /app/settings/<file>.tsx']);
    expect(settingsMetaSchema.safeParse({ uid: 'x', type: 'setting', config: { entrypoint: '/app/settings/S.tsx' } }).success).toBe(false);
  });
});
