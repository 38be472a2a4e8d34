import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import { CONFIG_MAX_BYTES, CONFIG_MAX_DEPTH } from '../../src/cli/load-config-file';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { compileCli, envelopeOf, type CompiledCli } from './cli-kit';

async function busyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return { port: (blocker.address() as { port: number }).port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('failures: one line that says what to do, and the documented exit code', () => {
  let cli: CompiledCli;
  let sandbox: RunningSandbox;
  const TOKEN = 'pat-na1-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

  beforeAll(async () => {
    cli = await compileCli();
    sandbox = await startSandbox({ port: 0, token: TOKEN });
  });
  afterAll(async () => {
    await sandbox.close();
    cli.remove();
  });

  it('a refused token (401) says the token was refused, exit code 1, no advice to run again', async () => {
    const run = await cli.run(['sync', '--base-url', sandbox.url, '--state-dir', mkdtempSync(join(tmpdir(), 'cs-cli-401-')), '--json'], { env: { HUBSPOT_ACCESS_TOKEN: 'wrong-token' } });
    expect(run.code).toBe(EXIT_CODES.failure);
    const { error } = envelopeOf(run);
    expect(error).toEqual({ code: 'UNAUTHORIZED', message: 'HubSpot rejected the access token (401): check HUBSPOT_ACCESS_TOKEN' });
  });

  it("HubSpot's daily limit stops a sync with its own exit code and says progress is kept", async () => {
    const limited = await startSandbox({ port: 0, faults: { seed: 1, all: { dailyLimit: 1 } } });
    try {
      const run = await cli.run(['sync', '--base-url', limited.url, '--state-dir', mkdtempSync(join(tmpdir(), 'cs-cli-daily-'))]);
      expect(run.code).toBe(EXIT_CODES.dailyLimit);
      expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^cs-health: HubSpot daily API limit reached; resume after midnight .*\(progress is kept: run the same command again then to resume\)$/);
    } finally {
      await limited.close();
    }
  });

  it('an unreachable --base-url is named, with what to do, exit code 1', async () => {
    const closed = await busyPort();
    await closed.close();
    const run = await cli.run(['setup', '--base-url', `http://127.0.0.1:${closed.port}`]);
    expect(run.code).toBe(EXIT_CODES.failure);
    expect(run.stderr.trim()).toMatch(new RegExp(`^cs-health: cannot reach HubSpot at http://127\\.0\\.0\\.1:${closed.port} \\(.*ECONNREFUSED.*\\): start the sandbox with "cs-health sandbox" or pass the right --base-url$`));
  }, 60_000);

  it('credentials in --base-url never reach stdout, stderr, the envelope or the checkpoint', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'cs-cli-creds-'));
    const withCredentials = sandbox.url.replace('http://', 'http://alice:hunter2-secret@');
    const runs = [
      await cli.run(['sync', '--base-url', withCredentials, '--state-dir', stateDir, '--json'], { env: { HUBSPOT_ACCESS_TOKEN: TOKEN } }),
      await cli.run(['sync', '--base-url', withCredentials, '--state-dir', stateDir], { env: { HUBSPOT_ACCESS_TOKEN: TOKEN } }),
      await cli.run(['setup', '--base-url', withCredentials.replace('http://', 'gopher://'), '--json']),
      await cli.run(['setup', '--base-url', withCredentials.replace(/:\d+$/, ':1')]),
    ];
    for (const run of runs) {
      expect(run.stdout + run.stderr).not.toMatch(/hunter2|alice/);
    }
    expect(runs[2].stdout).toContain('gopher://[redacted]@127.0.0.1');
    // Every file the run left, the embedded store's included.
    for (const file of readdirSync(stateDir, { recursive: true }) as string[]) if (statSync(join(stateDir, file)).isFile()) expect(readFileSync(join(stateDir, file), 'latin1')).not.toMatch(/hunter2|alice/);
  }, 120_000);

  it('a config file too large, nested too deep, missing or invalid is named with the limit, exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-cli-config-'));
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const large = join(dir, 'large.json');
    writeFileSync(large, `{"padding":"${'x'.repeat(CONFIG_MAX_BYTES)}"}`);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"health": {"weights": {"usage": "abc"}}}');
    const cases: [string, RegExp][] = [
      [deep, new RegExp(`^cs-health: --config ${deep}: nested more than ${CONFIG_MAX_DEPTH} levels deep; the limit is ${CONFIG_MAX_DEPTH}$`)],
      [large, new RegExp(`^cs-health: --config ${large}: the file is [\\d,]+ bytes; the limit is 1,048,576 bytes \\(1 MiB\\)$`)],
      [join(dir, 'missing.json'), /^cs-health: --config .*missing\.json: cannot read the file \(ENOENT\); check the path$/],
      [invalid, /^cs-health: --config .*invalid\.json: invalid configuration: health\.weights\.usage: /],
    ];
    for (const [file, expected] of cases) {
      const run = await cli.run(['sync', '--base-url', sandbox.url, '--config', file]);
      expect({ file, code: run.code }).toEqual({ file, code: EXIT_CODES.usage });
      expect(run.stderr.trim()).toMatch(expected);
    }
  }, 60_000);

  it.each([
    ['--port', (port: number) => ['start', '--port', String(port), '--sandbox-port', '0', '--companies', '5']],
    ['--sandbox-port', (port: number) => ['start', '--port', '0', '--sandbox-port', String(port), '--companies', '5']],
    ['--port', (port: number) => ['sandbox', '--port', String(port), '--data', 'empty']],
    ['--port', (port: number) => ['serve', '--port', String(port), '--base-url', sandbox.url, '--public-url', 'https://cs.example.com']],
  ])('exits when a port is busy, naming the port and %s', async (flag, args) => {
    const busy = await busyPort();
    try {
      const run = await cli.run([...args(busy.port), '--json'], { env: { HUBSPOT_ACCESS_TOKEN: TOKEN, HUBSPOT_CLIENT_SECRET: 'port-test-secret' } });
      expect(run.code).toBe(EXIT_CODES.failure);
      expect(envelopeOf(run).error).toEqual({ code: 'PORT_IN_USE', message: expect.stringMatching(new RegExp(`port ${busy.port} is already in use; pick another with ${flag}$`)) });
    } finally {
      await busy.close();
    }
  }, 60_000);
});
