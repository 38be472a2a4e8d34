import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { RUNTIME_TUNING } from '../../cli/runtime-tuning';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Runs the probe compiled the way the shipped CLI is (`src/cli/bundle-cli.ts`: one esbuild bundle,
 * CommonJS for node 20, packages left in node_modules), so it measures the code as production runs
 * it rather than through tsx, whose per-module export getters sit on every cross-module call.
 * The bundle goes to `dist/bench/` (under the root, so its packages resolve from node_modules).
 * Node starts as the `cs-health` launcher starts it (RUNTIME_TUNING: the malloc variables and the
 * young generation's size), so a probe's memory is the command's.
 */
export async function runBundledProbe<T>(name: string, args: Record<string, unknown>, nodeFlags: string[] = []): Promise<T> {
  const outfile = join(ROOT, 'dist', 'bench', `${name}.js`);
  await build({ entryPoints: [join(__dirname, `${name}.ts`)], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', logLevel: 'warning', legalComments: 'none' });
  return runNode<T>(name, [...RUNTIME_TUNING.nodeFlags, ...nodeFlags, outfile], args);
}

function runNode<T>(name: string, nodeArgs: string[], args: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...RUNTIME_TUNING.env, ...process.env } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) return reject(new Error(`probe ${name} exited with ${code}`));
      resolve(JSON.parse(last) as T);
    });
  });
}
