import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freshPostgresDatabase, postgresReachable } from './store-engines';
import { MIGRATIONS } from '../../src/store/migrations/migrations';

const run = promisify(execFile);
const CLI = join(__dirname, '../../src/cli/cs-health.js');

/** Runs the real CLI in a child process (its own Node, as a user runs it); never throws on exit 1. */
async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cs-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cs-health db migrate and settings import/export on the embedded store', () => {
  it('migrates once, imports a valid file, refuses a bad one whole naming each path, and exports what is stored', async () => {
    const db = ['--data-dir', join(dir, 'db')];
    const first = await cli(['db', 'migrate', ...db, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, engine: 'pglite', from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((m) => ({ version: m.version, name: m.name })) });
    expect((await cli(['db', 'migrate', ...db])).stdout).toContain(`schema already at version ${MIGRATIONS.length}, nothing to do`);

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ engine: { health: { weights: { usage: 'x' } } }, plans: { period: { start: '2026-10-01' } }, admins: ['9001'] }));
    const bad = await cli(['settings', 'import', join(dir, 'bad.json'), ...db, '--json']);
    expect(bad.code).toBe(1);
    const refused = JSON.parse(bad.stdout);
    expect(refused).toMatchObject({ command: 'settings import', ok: false, error: { code: 'SETTINGS_INVALID' } });
    expect(refused.issues.map((i: { path: string }) => i.path)).toEqual(['engine.health.weights.usage', 'plans.period.end']);
    const badText = await cli(['settings', 'import', join(dir, 'bad.json'), ...db]);
    expect(badText.stderr).toContain('  engine.health.weights.usage: expected a number >= 0, got "x"');
    expect(badText.stderr).not.toMatch(/\n\s+at /);

    const good = { engine: { health: { weights: { usage: 40 } } }, admins: ['9001'] };
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    const saved = await cli(['settings', 'import', join(dir, 'good.json'), ...db]);
    expect(saved).toMatchObject({ code: 0 });
    expect(saved.stdout).toContain('as settings version 1 (2 changes: admins, engine.health.weights.usage)');

    const exported = await cli(['settings', 'export', join(dir, 'out.json'), ...db, '--json']);
    expect(JSON.parse(exported.stdout)).toEqual({ command: 'settings export', ok: true, file: join(dir, 'out.json'), version: 1, durationMs: expect.any(Number) });
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'))).toEqual(good);

    const missing = await cli(['settings', 'import', join(dir, 'nope.json'), ...db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('does not exist');
  }, 120_000);
});

(postgresReachable() ? describe : describe.skip)('cs-health db migrate on PostgreSQL', () => {
  it('takes the server from DATABASE_URL', async () => {
    const db = await freshPostgresDatabase('cli');
    try {
      const out = await cli(['db', 'migrate', '--json'], { DATABASE_URL: db.url });
      expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, engine: 'postgres', to: MIGRATIONS.length, applied: MIGRATIONS.map((m) => ({ version: m.version })) });
    } finally {
      await db.drop();
    }
  }, 60_000);
});
