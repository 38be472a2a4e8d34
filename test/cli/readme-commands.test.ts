import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCli, envelopeOf, type CompiledCli } from './cli-kit';

/**
 * Every `npx cs-health …` example the README shows runs, against a sandbox of its own: free ports
 * and `--json` are added (commander keeps the last value of a flag), the portal's URL for the
 * commands that call HubSpot. Synopsis lines (`[--flag]`, `a|b`, `...`) are not examples.
 */
// CS_HEALTH_README checks a draft (e.g. the text a helper proposes) before it is pasted.
const README = readFileSync(process.env.CS_HEALTH_README ?? join(__dirname, '..', '..', 'README.md'), 'utf8');
const EXAMPLES = README.split('\n')
  .map((line) => /^ {4}npx cs-health (.+?)(?:\s+#.*)?$/.exec(line)?.[1])
  .filter((args): args is string => args !== undefined && !/[[|]|\.\.\./.test(args))
  .map((args) => args.split(/\s+/));

const SECRETS = { HUBSPOT_ACCESS_TOKEN: 'pat-na1-00000000-1111-2222-3333-444444444444', HUBSPOT_CLIENT_SECRET: 'readme-test-secret' };

describe('the commands the README shows', () => {
  let cli: CompiledCli;
  let portal: Awaited<ReturnType<CompiledCli['serve']>>;
  const stateDir = mkdtempSync(join(tmpdir(), 'cs-cli-readme-'));

  beforeAll(async () => {
    cli = await compileCli();
    portal = await cli.serve(['sandbox', '--port', '0', '--companies', '30', '--json']);
  }, 60_000);
  afterAll(async () => {
    portal?.child.kill('SIGTERM');
    await portal?.exited;
    cli.remove();
  });

  it('include the help and the main job', () => {
    expect(EXAMPLES.map((args) => args[0])).toEqual(expect.arrayContaining(['--help', 'sandbox']));
  });

  it.each(EXAMPLES.map((args) => [args.join(' '), args] as const))('npx cs-health %s', async (_line, args) => {
    const url = String(portal.envelope.url);
    const [command] = args;
    if (command.startsWith('-')) {
      expect((await cli.run([...args])).code).toBe(0);
      return;
    }
    if (command === 'setup' || command === 'sync') {
      const extra = command === 'sync' ? ['--state-dir', stateDir] : [];
      const run = await cli.run([...args, '--base-url', url, ...extra, '--json'], { env: SECRETS });
      expect({ code: run.code, envelope: envelopeOf(run) }).toMatchObject({ code: 0, envelope: { command, ok: true } });
      return;
    }
    const ports: Record<string, string[]> = {
      sandbox: ['--port', '0'],
      start: ['--port', '0', '--sandbox-port', '0', '--companies', '30'],
      serve: ['--port', '0', '--base-url', url],
    };
    const running = await cli.serve([...args, ...(ports[command] ?? []), '--json'], { env: SECRETS });
    expect(running.envelope).toMatchObject({ command, ok: true });
    running.child.kill('SIGTERM');
    expect((await running.exited).code).toBe(0);
  }, 120_000);
});
