import { version } from '../../package.json';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import { compileCli, envelopeOf, type CompiledCli } from './cli-kit';

/** The commands this file knows; any command registered later is found in --help and checked the same way. */
const KNOWN_COMMANDS = ['sandbox', 'setup', 'sync', 'start', 'serve'];
let COMMANDS = KNOWN_COMMANDS;

describe('the compiled cs-health: version, help and usage errors', () => {
  let cli: CompiledCli;
  beforeAll(async () => {
    cli = await compileCli();
    const listed = [...(await cli.run(['--help'])).stdout.matchAll(/^  ([a-z][a-z-]*) \[options\]/gm)].map((match) => match[1]);
    COMMANDS = [...new Set([...KNOWN_COMMANDS, ...listed])];
  });
  afterAll(() => cli.remove());

  it('prints the package version with --version and -v, exit code 0', async () => {
    for (const flag of ['--version', '-v']) {
      const run = await cli.run([flag]);
      expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  it('lists every command in --help, and every command has --help with --json', async () => {
    const help = await cli.run(['--help']);
    expect(help.code).toBe(0);
    for (const command of COMMANDS) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} \\[options\\]`, 'm'));
      const own = await cli.run([command, '--help']);
      expect(own.code).toBe(0);
      expect(own.stdout).toContain('--json');
    }
  });

  it('states each default once per help text (commander prints it; descriptions never repeat it)', async () => {
    for (const command of COMMANDS) {
      const help = (await cli.run([command, '--help'])).stdout;
      // One entry per option: its line and the wrapped lines under it.
      const entries = help.split(/\n(?=  -)/).slice(1).map((entry) => entry.replace(/\s+/g, ' '));
      for (const entry of entries) {
        expect(entry.match(/default/g)?.length ?? 0).toBeLessThanOrEqual(1);
        const value = /default: "([^"]+)"/.exec(entry)?.[1];
        // Numbers, URLs, hosts and folders are said once; a word (demo, professional) may also be a choice or a tier name.
        const described = entry.replace(/choices: ("[^"]*",? ?)+/, '');
        if (value && /[0-9:./]/.test(value)) expect({ entry, mentions: described.split(value).length - 1 }).toEqual({ entry, mentions: 1 });
      }
      // URLs, hosts and folders are stated by one option only.
      for (const value of [...help.matchAll(/default: "([^"]*[:./][^"]*)"/g)].map((match) => match[1])) {
        expect({ command, value, mentions: help.replace(/\s+/g, ' ').split(value).length - 1 }).toEqual({ command, value, mentions: 1 });
      }
    }
  });

  it.each([
    [['nosuch'], "unknown command 'nosuch'"],
    [['sync', '--no-such-flag'], "unknown option '--no-such-flag'"],
    [['sync', '--tier', 'gold'], "'gold' is invalid"],
    [['sync', '--rate-limit', '1.5'], '--rate-limit must be a whole number'],
    [['sync', '--since', 'yesterday-ish'], '--since must be a date or time'],
    [['sandbox', '--port', '70000'], '--port must be a port number'],
    [['start', '--companies', '0'], '--companies must be a whole number from 1 to 100000'],
    [['serve'], "required option '--public-url <url>' not specified"],
    [['setup', '--base-url', 'file:///etc/passwd'], '--base-url must be an http(s) URL, got a file: URL'],
    [['setup', '--base-url', 'not a url'], '--base-url must be an http(s) URL such as http://127.0.0.1:4010'],
  ])('refuses %j with exit code 2 and one line naming the flag', async (args, expected) => {
    const run = await cli.run(args);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it('answers a usage error with the envelope under --json, and nothing else on stdout or stderr', async () => {
    const unknown = await cli.run(['sync', '--no-such-flag', '--json']);
    expect(unknown.code).toBe(EXIT_CODES.usage);
    expect(unknown.stderr).toBe('');
    expect(envelopeOf(unknown)).toEqual({ command: 'sync', ok: false, durationMs: expect.any(Number), error: { code: 'USAGE', message: "unknown option '--no-such-flag'" } });

    const badValue = await cli.run(['setup', '--base-url', 'ftp://example.com', '--json']);
    expect(badValue.code).toBe(EXIT_CODES.usage);
    expect(envelopeOf(badValue).error).toEqual({ code: 'USAGE', message: '--base-url must be an http(s) URL, got a ftp: URL ("ftp://example.com")' });
  });

  it('exits 2 when no command is given', async () => {
    const run = await cli.run([]);
    expect(run.code).toBe(EXIT_CODES.usage);
    expect(run.stderr).toContain('Usage: cs-health');
  });
});
