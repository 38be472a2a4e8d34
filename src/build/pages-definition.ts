import { z } from 'zod';

/**
 * The app pages as project data, for the build to write under `<srcDir>/app/pages/` (platform
 * 2026.03). HubSpot's shape, from its app pages reference
 * (https://developers.hubspot.com/docs/apps/developer-platform/add-features/ui-extensions/extension-points/app-pages/reference):
 * one `*-hsmeta.json` with `uid`, `type` and `config.entrypoint`, the React entry file beside it and
 * one `package.json`. `@hubspot/project-parsing-lib` 0.23 files both `page` and `pages` under the
 * `pages/` directory as a PAGE component that is singular per app (`src/lib/constants.js`:
 * `PAGE_COMPONENT`, `singularComponent: true`; `USER_FACING_TO_INTERNAL_TYPE.pages = 'PAGE'`).
 */
export const PAGES = {
  uid: 'cs_health_pages',
  /** Where the sources live in this repository, copied whole to `app/pages/`. */
  sourceDir: 'extensions/pages',
  entrypoint: 'Pages.tsx',
  /** Rewritten by the build with the deployed backend's URL (a `permittedUrls.fetch` entry). */
  backendConfigFile: 'config/backend.ts',
} as const;

export const pagesMetaSchema = z.object({
  uid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, _ or -, at most 64'),
  type: z.literal('page'),
  config: z.object({ entrypoint: z.string().regex(/^\/app\/pages\/[^/]+\.(tsx|jsx)$/, 'expected /app/pages/<file>.tsx') }).strict(),
}).strict();

export const pagesMeta = () => ({ uid: PAGES.uid, type: 'page' as const, config: { entrypoint: `/app/pages/${PAGES.entrypoint}` } });

const backendConfig = (backendUrl: string) => `/** Written by the build: the deployed backend (listed in permittedUrls.fetch). */
export const BACKEND_URL = ${JSON.stringify(backendUrl.replace(/\/+$/, ''))};
/** The backend route answering \`portfolioPage(input)\` for the signed viewer (a \`CardResponse\`). */
export const PORTFOLIO_PAGE_PATH = '/hubspot/pages/portfolio';
`;

/**
 * Every generated file of the pages extension, paths relative to `<srcDir>/app/pages/`; the build
 * copies `PAGES.sourceDir` there first (tests left out), then writes these over it.
 *
 * @example
 * pagesFiles({ backendUrl: 'https://cs.example.com', versions: { '@hubspot/ui-extensions': '^0.17.0', react: '^18.3.1' } }).map((f) => f.path)
 * // => ['pages-hsmeta.json', 'package.json', 'config/backend.ts']
 */
export function pagesFiles(options: { backendUrl: string; versions: Record<string, string> }): { path: string; content: string }[] {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return [
    { path: 'pages-hsmeta.json', content: json(pagesMetaSchema.parse(pagesMeta())) },
    { path: 'package.json', content: json({ name: 'cs-health-pages', private: true, dependencies: { '@hubspot/ui-extensions': options.versions['@hubspot/ui-extensions'], react: options.versions.react } }) },
    { path: PAGES.backendConfigFile, content: backendConfig(options.backendUrl) },
  ];
}
