import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(__dirname, '../../src/cli/cs-health.js');

/** `cs-health <args>` as a child process (the development entry), with its output gathered and its exit code awaited. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}
