import { join } from 'node:path';
import { buildSync } from 'esbuild';

/** HubSpot's limit we hold ourselves to: a function bundle of at most 1 MB, minified. */
export const MAX_FUNCTION_BUNDLE_BYTES = 1024 * 1024;

export interface BundleOptions {
  root: string;
  entry: string;
  outfile: string;
}

/**
 * Bundles one app function into a single minified CommonJS file exporting `main`, the shape
 * HubSpot's executor `require`s (@hubspot/ui-extensions-dev-server dist/lib/serverless/executor.js).
 *
 * `@hubspot/api-client` (~10 MB bundled) is swapped for the small fetch client that implements
 * exactly the calls a function makes (esbuild `alias`); the data layer's code is unchanged.
 * Returns the errors, or an empty list.
 */
export function bundleAppFunction(options: BundleOptions): string[] {
  const result = buildSync({
    entryPoints: [options.entry],
    outfile: options.outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'silent',
    legalComments: 'none',
    metafile: true,
    alias: { '@hubspot/api-client': join(options.root, 'src', 'hubspot', 'fetch-client', 'index.ts') },
  });
  const errors = result.errors.map((e) => e.text);
  const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((sum, output) => sum + output.bytes, 0);
  if (bytes > MAX_FUNCTION_BUNDLE_BYTES) errors.push(`the bundle is ${(bytes / 1024 / 1024).toFixed(2)} MB, over the 1 MB limit`);
  return errors;
}
