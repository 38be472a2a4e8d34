import { z } from 'zod';

/**
 * The app settings page as project data, for the build to write under `<srcDir>/app/settings/`
 * (platform 2026.03). HubSpot's shape, from "Create a settings page"
 * (https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensions/extension-points/create-a-settings-page):
 * a `settings/` folder in the app with one `*-hsmeta.json` (`uid`, `type: "settings"`,
 * `config.entrypoint`), the React entry file and a `package.json`. `@hubspot/project-parsing-lib`
 * 0.23 files `settings` under the `settings/` directory as a "Settings Extension" that is singular
 * per app (`src/lib/constants.js`: `SETTINGS_KEY = 'settings'`, `dir: 'settings'`,
 * `singularComponent: true`); HubSpot's local dev builds it as an extension at location `settings`
 * (@hubspot/ui-extensions `EXTENSION_POINT_LOCATIONS`; the dev server's own fixture gives it a
 * description and no name).
 */
export const SETTINGS_PAGE = {
  uid: 'cs_health_settings',
  /** Where the sources live in this repository, copied whole to `app/settings/`. */
  sourceDir: 'extensions/settings',
  entrypoint: 'Settings.tsx',
  description: 'cs-health settings: health weights, bands, churn-risk rules, objective plans, managers and admins; team entries for managers.',
  /** Rewritten by the build with the deployed backend's URL (a `permittedUrls.fetch` entry). */
  backendConfigFile: 'config/backend.ts',
} as const;

export const settingsMetaSchema = z.strictObject({
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, _ or -, at most 64'),
  type: z.literal('settings'),
  config: z.strictObject({
    description: z.string().min(1).max(8192).optional(),
    entrypoint: z.string().regex(/^\/app\/settings\/[^/]+\.(tsx|jsx)$/, 'expected /app/settings/<file>.tsx'),
  }),
});

export const settingsMeta = () => ({
  uid: SETTINGS_PAGE.uid,
  type: 'settings' as const,
  config: { description: SETTINGS_PAGE.description, entrypoint: `/app/settings/${SETTINGS_PAGE.entrypoint}` },
});

const backendConfig = (backendUrl: string) => `/** Written by the build: the deployed backend (listed in permittedUrls.fetch). */
export const BACKEND_URL = ${JSON.stringify(backendUrl.replace(/\/+$/, ''))};
/** Where the backend mounts the settings API (\`createSettingsRouter\`), behind its signature check. */
export const SETTINGS_API_PATH = '/hubspot/settings';
`;

/**
 * Every generated file of the settings extension, paths relative to `<srcDir>/app/settings/`; the
 * build copies `SETTINGS_PAGE.sourceDir` there first (tests left out), then writes these over it.
 *
 * @example
 * settingsFiles({ backendUrl: 'https://cs.example.com', versions: { '@hubspot/ui-extensions': '^0.17.0', react: '^18.3.1' } }).map((f) => f.path)
 * // => ['settings-hsmeta.json', 'package.json', 'config/backend.ts']
 */
export function settingsFiles(options: { backendUrl: string; versions: Record<string, string> }): { path: string; content: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: 'settings-hsmeta.json', content: json(settingsMetaSchema.parse(settingsMeta())) },
    { path: 'package.json', content: json({ name: 'cs-health-settings', private: true, dependencies: { '@hubspot/ui-extensions': options.versions['@hubspot/ui-extensions'], react: options.versions.react } }) },
    { path: SETTINGS_PAGE.backendConfigFile, content: backendConfig(options.backendUrl) },
  ];
}
