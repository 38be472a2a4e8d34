import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { launcherScript } from './runtime-tuning';

const ROOT = join(__dirname, '..', '..');

/**
 * Packages that ship ES modules only. They are bundled in, so the CommonJS CLI never `require`s an
 * ES module (Node 20 before 20.19 cannot); every other package stays in node_modules.
 */
const BUNDLED_PACKAGES = /^(@hubspot\/ui-extensions|tinyspy|@remote-ui)(\/|$)/;

const dependenciesStayExternal: Plugin = {
  name: 'dependencies-stay-external',
  setup(plugin) {
    plugin.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

/**
 * Compiles the CLI to one JavaScript file, `dist/cli/cs-health.js`, so a command starts without
 * compiling TypeScript, and writes the package's `bin` beside it, `dist/cli/cs-health`: the shell
 * launcher that starts node on it with the runtime's memory settings (see runtime-tuning.ts).
 * `npm ci` runs it through the `prepare` script; `src/cli/cs-health.js` stays the development
 * entry that runs the sources through tsx.
 *
 * @example
 * await bundleCli(); // writes dist/cli/cs-health.js and dist/cli/cs-health
 */
export async function bundleCli(outdir = join(ROOT, 'dist', 'cli')): Promise<string> {
  const outfile = join(outdir, 'cs-health.js');
  await build({
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    jsx: 'automatic',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [dependenciesStayExternal],
    // The action modules are required on use: esbuild keeps them lazy, which is what makes --help fast.
    logLevel: 'warning',
    legalComments: 'none',
  });
  const launcher = join(outdir, 'cs-health');
  writeFileSync(launcher, launcherScript());
  chmodSync(launcher, 0o755);
  return outfile;
}

if (require.main === module) {
  bundleCli().then(
    (outfile) => process.stdout.write(`cs-health CLI compiled to ${outfile}\n`),
    (error: unknown) => {
      process.stderr.write(`cs-health: the CLI could not be compiled: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
