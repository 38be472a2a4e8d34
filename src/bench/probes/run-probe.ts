import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** Runs `src/bench/probes/<name>.ts` in a fresh node process (through tsx) and returns its JSON answer. */
export function runProbe<T>(name: string, args: Record<string, unknown>, nodeFlags: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--require', 'tsx/cjs', join(__dirname, `${name}.ts`), JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
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
