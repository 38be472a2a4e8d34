import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { CliError } from '../../src/cli/cli-error';
import { sandboxFlags } from '../../src/cli/commands/sandbox-flags';
import { serveFlags } from '../../src/cli/commands/serve-flags';
import { setupFlags } from '../../src/cli/commands/setup-flags';
import { startFlags } from '../../src/cli/commands/start-flags';
import { syncFlags } from '../../src/cli/commands/sync-flags';
import { EXIT_CODES } from '../../src/cli/exit-codes';
import { CONFIG_MAX_DEPTH, jsonNestingDepth, loadConfigFile } from '../../src/cli/load-config-file';
import { parseFlags } from '../../src/cli/parse-flags';

/** Values a command line can carry: strings from the shell, booleans from switches, lists from variadic flags. */
const flagValue = fc.oneof(
  fc.string(),
  fc.constantFrom('0', '-1', '1.5', '65536', 'NaN', 'Infinity', '1e400', ' ', 'file:///etc/passwd', 'http://u:p@h', 'javascript:alert(1)', '__proto__', 'constructor', '2026-02-30'),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
);

const SCHEMAS = { sandbox: sandboxFlags, serve: serveFlags, setup: setupFlags, start: startFlags, sync: syncFlags } as const;

describe('flag validation, over generated command lines', () => {
  it.each(Object.entries(SCHEMAS))('%s: valid flags or one usage error naming the flag, never anything else', (_command, schema) => {
    const keys = Object.keys(schema.shape);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'toString'), flagValue), (raw) => {
        try {
          parseFlags(schema, raw);
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
          expect((error as CliError).exitCode).toBe(EXIT_CODES.usage);
          // The message starts with the flag (--x) or the environment variable it is about.
          expect((error as CliError).message).toMatch(/^(--[a-z0-9-]+|[A-Z_]{4,})/);
          expect((error as CliError).message).not.toMatch(/\n|hunter2/);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('config files, over generated contents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-cli-config-fuzz-'));

  it('load, or fail with one line naming the file, for 1,000 generated files (deep, broken, hostile keys)', () => {
    const content = fc.oneof(
      fc.json({ depthSize: 'large' }),
      fc.string(),
      fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
      fc.integer({ min: 1, max: 5_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth - 1)}`),
      fc.constantFrom('{"__proto__": {"polluted": true}}', '{"constructor": {"prototype": {}}}', '{"health": {"weights": {"usage": "abc"}}}', '{"windows": {"ticketDays": -1}}', '"[[[["', ''),
    );
    let index = 0;
    fc.assert(
      fc.property(content, (text) => {
        const file = join(dir, `config-${index++}.json`);
        writeFileSync(file, text);
        try {
          loadConfigFile(file);
        } catch (error) {
          expect(error).toBeInstanceOf(CliError);
          expect((error as CliError).message.startsWith(`--config ${file}: `)).toBe(true);
          expect((error as CliError).message).not.toContain('Maximum call stack');
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('measures nesting without parsing, ignoring brackets inside strings, and stops past the limit', () => {
    expect(jsonNestingDepth('{"a": "[[[[{{{{", "b": [1, [2]]}')).toBe(3);
    expect(jsonNestingDepth('"\\"[["')).toBe(0);
    expect(jsonNestingDepth('['.repeat(1_000_000), CONFIG_MAX_DEPTH)).toBe(CONFIG_MAX_DEPTH + 1);
  });
});
