import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from '../../src/cli/bundle-cli';

/**
 * Runs the compiled CLI as users do (`node dist/cli/cs-health.js …`), as real processes. Each test
 * file compiles its own copy inside the repository (so the packages in node_modules resolve) and
 * removes it afterwards.
 */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CompiledCli {
  path: string;
  run(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<CliRun>;
  /** Starts a command that keeps running and resolves with its envelope once it prints it (`--json`). */
  serve(args: string[], options?: { env?: NodeJS.ProcessEnv }): Promise<{ envelope: Record<string, unknown>; child: ChildProcess; exited: Promise<CliRun> }>;
  remove(): void;
}

export async function compileCli(): Promise<CompiledCli> {
  const outdir = join(__dirname, '..', '..', 'dist', `cli-test-${process.pid}-${Date.now()}`);
  const path = await bundleCli(outdir);
  const spawnCli = (args: string[], env?: NodeJS.ProcessEnv) => {
    const child = spawn(process.execPath, [path, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HUBSPOT_ACCESS_TOKEN: undefined, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<CliRun>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
    return { child, exited, output: () => ({ stdout, stderr }) };
  };
  return {
    path,
    run: (args, options = {}) => spawnCli(args, options.env).exited,
    serve: (args, options = {}) =>
      new Promise((resolve, reject) => {
        const started = spawnCli(args, options.env);
        started.child.stdout?.on('data', () => {
          const line = started.output().stdout.split('\n')[0];
          if (!started.output().stdout.includes('\n')) return;
          try {
            resolve({ envelope: JSON.parse(line) as Record<string, unknown>, child: started.child, exited: started.exited });
          } catch (error) {
            reject(error);
          }
        });
        void started.exited.then((run) => reject(new Error(`exited with ${run.code} before answering: ${run.stdout}${run.stderr}`)));
      }),
    remove: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Parses the one JSON envelope a `--json` command printed. */
export function envelopeOf(run: CliRun): Record<string, unknown> & { command: string; ok: boolean; durationMs: number; error?: { message: string; code: string } } {
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]);
}
