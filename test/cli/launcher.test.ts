import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { RUNTIME_TUNING } from '../../src/cli/runtime-tuning';
import { compileCli, type CompiledCli } from './cli-kit';

// The package's bin is the shell launcher the bundle writes beside the compiled CLI. Run as npm
// installs it (through a symlink in another folder), it must start the real CLI in a node that has
// the memory settings; what node and glibc saw is reported by a module node loads first.
let cli: CompiledCli;
let dir: string;
let linked: string;
const report = () => join(dir, 'seen.json');

beforeAll(async () => {
  cli = await compileCli();
  dir = mkdtempSync(join(tmpdir(), 'cs-launcher-'));
  linked = join(dir, 'bin', 'cs-health');
  mkdirSync(join(dir, 'bin'));
  symlinkSync(join(dirname(cli.path), 'cs-health'), linked);
  // Allocates enough young objects for V8 to grow its new space to the most it may, then says how big that is.
  writeFileSync(join(dir, 'seen.js'), `
    const v8 = require('node:v8');
    const keep = [];
    for (let i = 0; i < 3e6; i++) keep.push({ i });
    const newSpace = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    require('node:fs').writeFileSync(${JSON.stringify(report())}, JSON.stringify({ newSpaceMb: newSpace / 2 ** 20, env: process.env }));
  `);
}, 60_000);

afterAll(() => {
  cli?.remove();
  rmSync(dir, { recursive: true, force: true });
});

function runLinked(args: string[], env: NodeJS.ProcessEnv = {}) {
  // A report left by an earlier run must not stand in for this one's.
  rmSync(report(), { force: true });
  const result = spawnSync(linked, args, { encoding: 'utf8', env: { ...process.env, MALLOC_MMAP_THRESHOLD_: undefined, MALLOC_TRIM_THRESHOLD_: undefined, NODE_OPTIONS: `--require ${join(dir, 'seen.js')}`, ...env } });
  const seen = JSON.parse(readFileSync(report(), 'utf8')) as { newSpaceMb: number; env: Record<string, string> };
  return { ...result, seen };
}

test('through npm\'s symlink, the launcher runs the compiled CLI with the malloc settings and a young generation of 8 MB semi-spaces', () => {
  const { status, stdout, seen } = runLinked(['--version']);
  expect(status).toBe(0);
  expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  for (const [name, value] of Object.entries(RUNTIME_TUNING.env)) expect(seen.env[name]).toBe(value);
  // Two semi-spaces of 8 MB; node's default on this machine is 16 MB each (32 MB).
  expect(seen.newSpaceMb).toBeLessThanOrEqual(16);
  expect(seen.env.NODE_OPTIONS).toBe(`${RUNTIME_TUNING.nodeFlags.join(' ')} --require ${join(dir, 'seen.js')}`);
});

test('a user\'s own values win: malloc variables are kept, and a later semi-space flag in NODE_OPTIONS overrides ours', () => {
  const { status, seen } = runLinked(['--version'], { MALLOC_MMAP_THRESHOLD_: '4096', NODE_OPTIONS: `--require ${join(dir, 'seen.js')} --max-semi-space-size=32` });
  expect(status).toBe(0);
  expect(seen.env.MALLOC_MMAP_THRESHOLD_).toBe('4096');
  expect(seen.env.MALLOC_TRIM_THRESHOLD_).toBe(RUNTIME_TUNING.env.MALLOC_TRIM_THRESHOLD_);
  expect(seen.newSpaceMb).toBeGreaterThan(16);
});

test('arguments reach the CLI as given, spaces included, and its exit code comes back', () => {
  const { status, stderr } = runLinked(['sync', '--config', join(dir, 'no such file.json')]);
  expect(status).not.toBe(0);
  expect(stderr).toContain('no such file.json');
});
