import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleAppFunction } from './bundle-app-function';
import { hsmetaProblems } from './hsmeta-schemas';
import { PAGES, pagesFiles } from './pages-definition';
import { SETTINGS_PAGE, settingsFiles } from './settings-definition';
import { appMeta, CARDS, cardMeta, cardRuntime, cardsTsconfig, functionMeta, functionsFor, localProxyConfig, webhooksMeta, workflowActionMeta, type ProjectOptions } from './hubspot-project-definition';

export interface AssembleOptions extends ProjectOptions {
  /** The repository root (where extensions/ and functions/ are). */
  root: string;
  /** The HubSpot source dir to write (`<srcDir>` holding `app/`). Emptied first, except what `hs project dev` wrote. */
  srcDir: string;
  /** Where `local.json` sends hubspot.fetch during `hs project dev` (written only when no local.json exists). */
  localBackendUrl?: string;
}

export class BuildError extends Error {}

/**
 * What HubSpot's local dev writes into the project and a rebuild must not delete: the cards'
 * installed dependencies, the functions' local secrets (@hubspot/ui-extensions-dev-server reads
 * `.env` beside the function hsmeta: dist/lib/serverless/secrets.js `loadSecrets`) and the
 * developer's `local.json` proxy (dist/lib/config.js `loadLocalConfig`, read from the app folder).
 */
export const KEPT_ON_REBUILD = ['app/cards/node_modules', 'app/cards/package-lock.json', 'app/functions/.env', 'app/functions/.env.local', 'app/local.json'];

/** The generated module the cards read their transport from (replaces the source default). */
export const CARD_RUNTIME_FILE = join('config', 'card-runtime.ts');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Deletes everything under `dir` except the kept paths (relative to `dir`) and the folders leading to them. */
function clearExcept(dir: string, kept: readonly string[], prefix = ''): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (kept.includes(path)) continue;
    if (entry.isDirectory() && kept.some((k) => k.startsWith(`${path}/`))) clearExcept(join(dir, entry.name), kept, path);
    else rmSync(join(dir, entry.name), { recursive: true, force: true });
  }
}

/**
 * Writes the uploadable HubSpot project: `<srcDir>/app/` with the app, the cards (sources copied,
 * one package.json, HubSpot's card tsconfig, the tier's transport), the tier's app functions (each
 * bundled by esbuild into one small CommonJS file exporting `main`), the workflow action, the
 * webhooks and a `local.json` proxy for `hs project dev`. Every hsmeta file is checked first.
 */
export function assembleHubSpotProject(options: AssembleOptions): string[] {
  const app = join(options.srcDir, 'app');
  clearExcept(options.srcDir, KEPT_ON_REBUILD);
  const written: string[] = [];
  const write = (path: string, content: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    written.push(relative(options.srcDir, path));
  };
  const writeMeta = (path: string, document: unknown) => {
    const problems = hsmetaProblems(document);
    if (problems.length) throw new BuildError(`${relative(options.srcDir, path)}: ${problems.join('; ')}`);
    write(path, json(document));
  };

  writeMeta(join(app, 'app-hsmeta.json'), appMeta(options));

  const cardsSource = join(options.root, 'extensions', 'cards');
  for (const card of CARDS) {
    if (!existsSync(join(cardsSource, `${card.file}.tsx`))) throw new BuildError(`extensions/cards/${card.file}.tsx is missing`);
    writeMeta(join(app, 'cards', `${card.file}-hsmeta.json`), cardMeta(card));
  }
  cpSync(cardsSource, join(app, 'cards'), { recursive: true, filter: (source) => !source.endsWith('.test.tsx') });
  const runtime = cardRuntime(options);
  write(
    join(app, 'cards', CARD_RUNTIME_FILE),
    `import type { CardRuntime } from './card-runtime-type';\n\n/** Written by npm run build (tier ${options.tier}); do not edit. */\nexport const CARD_RUNTIME: CardRuntime = ${JSON.stringify(runtime, null, 2)};\n`,
  );
  const versions = JSON.parse(readFileSync(join(options.root, 'package.json'), 'utf8')).dependencies as Record<string, string>;
  write(join(app, 'cards', 'package.json'), json({ name: 'cs-health-cards', private: true, dependencies: { '@hubspot/ui-extensions': versions['@hubspot/ui-extensions'], react: versions.react } }));
  write(join(app, 'cards', 'tsconfig.json'), json(cardsTsconfig()));

  const functions = functionsFor(options.tier);
  for (const fn of functions) {
    const entry = join(options.root, 'functions', `${fn.file}.ts`);
    if (!existsSync(entry)) throw new BuildError(`functions/${fn.file}.ts is missing`);
    const outfile = join(app, 'functions', `${fn.file}.js`);
    const errors = bundleAppFunction({ root: options.root, entry, outfile });
    if (errors.length) throw new BuildError(`functions/${fn.file}.ts: ${errors.join('; ')}`);
    written.push(relative(options.srcDir, outfile));
    writeMeta(join(app, 'functions', `${fn.file}-hsmeta.json`), functionMeta(fn));
  }
  // Bundled functions need no dependencies; HubSpot still wants the package file beside them.
  if (functions.length) write(join(app, 'functions', 'package.json'), json({ name: 'cs-health-functions', private: true, dependencies: {} }));

  // App pages (home, retention, feedback, churn): sources copied, then the generated files over them.
  const pagesDir = join(app, 'pages');
  cpSync(join(options.root, PAGES.sourceDir), pagesDir, { recursive: true, filter: (source) => !/\.test\.tsx?$/.test(source) });
  for (const file of pagesFiles({ backendUrl: options.backendUrl, versions })) {
    if (file.path.endsWith('-hsmeta.json')) writeMeta(join(pagesDir, file.path), JSON.parse(file.content));
    else write(join(pagesDir, file.path), file.content);
  }
  write(join(pagesDir, 'tsconfig.json'), json(cardsTsconfig()));

  // The app settings page, written like the pages.
  const settingsDir = join(app, 'settings');
  cpSync(join(options.root, SETTINGS_PAGE.sourceDir), settingsDir, { recursive: true, filter: (source) => !/\.test\.tsx?$/.test(source) });
  for (const file of settingsFiles({ backendUrl: options.backendUrl, versions })) {
    if (file.path.endsWith('-hsmeta.json')) writeMeta(join(settingsDir, file.path), JSON.parse(file.content));
    else write(join(settingsDir, file.path), file.content);
  }
  write(join(settingsDir, 'tsconfig.json'), json(cardsTsconfig()));

  writeMeta(join(app, 'workflow-actions', 'recompute-health-hsmeta.json'), workflowActionMeta(options));
  writeMeta(join(app, 'webhooks', 'webhooks-hsmeta.json'), webhooksMeta(options));
  if (!existsSync(join(app, 'local.json'))) write(join(app, 'local.json'), json(localProxyConfig(options.backendUrl, options.localBackendUrl)));
  return written;
}
