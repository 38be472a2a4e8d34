import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { hsmetaProblems } from './hsmeta-schemas';
import { appMeta, CARDS, cardMeta, FUNCTIONS, functionMeta, webhooksMeta, workflowActionMeta, type ProjectOptions } from './hubspot-project-definition';

export interface AssembleOptions extends ProjectOptions {
  /** The repository root (where extensions/ and functions/ are). */
  root: string;
  /** The HubSpot source dir to write (`<srcDir>` holding `app/`). Emptied first. */
  srcDir: string;
}

export class BuildError extends Error {}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the uploadable HubSpot project: `<srcDir>/app/` with the app, cards (sources copied with one
 * package.json), app functions (each bundled by esbuild into one CommonJS file exporting `main`),
 * the workflow action and the webhooks. Every hsmeta file is checked against our schemas first.
 */
export function assembleHubSpotProject(options: AssembleOptions): string[] {
  const app = join(options.srcDir, 'app');
  rmSync(options.srcDir, { recursive: true, force: true });
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
  const versions = JSON.parse(readFileSync(join(options.root, 'package.json'), 'utf8')).dependencies as Record<string, string>;
  write(join(app, 'cards', 'package.json'), json({ name: 'cs-health-cards', private: true, dependencies: { '@hubspot/ui-extensions': versions['@hubspot/ui-extensions'], react: versions.react } }));

  for (const fn of FUNCTIONS) {
    const entry = join(options.root, 'functions', `${fn.file}.ts`);
    if (!existsSync(entry)) throw new BuildError(`functions/${fn.file}.ts is missing`);
    const outfile = join(app, 'functions', `${fn.file}.js`);
    const result = buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', legalComments: 'none' });
    if (result.errors.length) throw new BuildError(`functions/${fn.file}.ts: ${result.errors.map((e) => e.text).join('; ')}`);
    written.push(relative(options.srcDir, outfile));
    writeMeta(join(app, 'functions', `${fn.file}-hsmeta.json`), functionMeta(fn));
  }
  // Bundled functions need no dependencies; HubSpot still wants the package file beside them.
  write(join(app, 'functions', 'package.json'), json({ name: 'cs-health-functions', private: true, dependencies: {} }));

  writeMeta(join(app, 'workflow-actions', 'recompute-health-hsmeta.json'), workflowActionMeta(options));
  writeMeta(join(app, 'webhooks', 'webhooks-hsmeta.json'), webhooksMeta(options));
  return written;
}
