import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';

const CLI = path.join(__dirname, '..', '..', 'src', 'cli', 'cs-health.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('cs-health sandbox', () => {
  it('says in one line that a busy port is busy and exits non-zero', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runCli(['sandbox', '--port', String(port), '--data', 'empty']);
      expect(result.code).not.toBe(0);
      const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('npm warn'));
      expect(lines).toEqual([`cs-health: sandbox: port ${port} is already in use; pick another with --port`]);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('prints its URL, serves the HubSpot API and stops cleanly on %s while a request is in flight', async (signal) => {
    let served: Promise<number> | undefined;
    const result = await runCli(['sandbox', '--port', '0', '--data', 'empty', '--fault-latency', '1', '--fault-latency-ms', '400'], (stdout, child) => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match && !served) {
        served = fetch(`${match[1]}/crm/v3/pipelines/deals`).then((response) => response.status);
        setTimeout(() => child.kill(signal), 100);
      }
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(signal);
    await expect(served).resolves.toBe(200);
  });

  it('rejects a fault rate outside 0..1 naming the flag', async () => {
    const result = await runCli(['sandbox', '--port', '0', '--data', 'empty', '--fault-503', '2']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('--fault-503: must be between 0 and 1');
  });
});

describe('cs-health sandbox --fault-endpoint', () => {
  it('refuses an endpoint kind the sandbox does not have, listing the known ones', async () => {
    const result = await runCli(['sandbox', '--port', '0', '--data', 'empty', '--fault-503', '0.5', '--fault-endpoint', 'objects.serch']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('unknown endpoint kind objects.serch');
    expect(result.stderr).toContain('objects.search');
  });
});
