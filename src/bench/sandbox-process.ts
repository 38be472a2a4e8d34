import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SandboxProcess {
  url: string;
  /** The process's peak RSS so far (Linux VmHWM), in MB; undefined elsewhere. */
  peakRssMb(): number | undefined;
  stop(): Promise<void>;
}

/** `cs-health sandbox <args>` in a process of its own (its CPU and memory are not the measured product's); resolves once it listens. */
export async function spawnSandbox(args: string[]): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [join(__dirname, '../cli/cs-health.js'), 'sandbox', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+/.exec(String(chunk));
      if (match) resolve(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return {
    url,
    peakRssMb() {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return match ? Number(match[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
