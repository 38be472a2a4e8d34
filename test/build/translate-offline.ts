import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../..');
/** The project's dependency versions, as the build writes them into each extension's package.json. */
export const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies as Record<string, string>;

export interface TranslatedProject {
  nodes: Record<string, { componentType: string; config: Record<string, unknown>; errors?: unknown[] }>;
  error?: string;
}

/** HubSpot's own parser (`@hubspot/project-parsing-lib`, ESM-only), run in a child node process as its CLI runs it. */
export function translateOffline(srcDir: string): TranslatedProject {
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
