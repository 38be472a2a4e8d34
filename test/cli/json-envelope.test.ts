import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { compileCli, envelopeOf, type CompiledCli } from './cli-kit';

/** The keys every --json answer has, and the figures both kinds of sync report under the same names. */
const ENVELOPE = { command: expect.any(String), ok: expect.any(Boolean), durationMs: expect.any(Number) };
const SYNC_FIGURES = ['mode', 'asOf', 'dryRun', 'companiesRead', 'companiesChanged', 'failed', 'apiCalls', 'apiCallsTotal', 'warnings'];

describe('every command answers --json with one envelope', () => {
  let cli: CompiledCli;
  let sandbox: { envelope: Record<string, unknown>; child: ChildProcess };
  let url: string;

  beforeAll(async () => {
    cli = await compileCli();
    sandbox = await cli.serve(['sandbox', '--port', '0', '--data', 'demo', '--companies', '40', '--seed', '3', '--as-of', '2026-11-01T00:00:00Z', '--json']);
    url = String(sandbox.envelope.url);
  }, 60_000);

  afterAll(() => {
    sandbox?.child.kill('SIGTERM');
    cli.remove();
  });

  it('sandbox: its URL and record counts once it listens', () => {
    expect(sandbox.envelope).toMatchObject({ ...ENVELOPE, command: 'sandbox', ok: true, data: 'demo', records: expect.objectContaining({ companies: 40 }) });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('setup, a full sync and an incremental sync: same envelope, the syncs with the same figure names', async () => {
    const setup = await cli.run(['setup', '--base-url', url, '--json']);
    expect(setup.code).toBe(0);
    expect(envelopeOf(setup)).toMatchObject({ ...ENVELOPE, command: 'setup', ok: true, created: 22, alreadyExisted: 0 });

    const stateDir = mkdtempSync(join(tmpdir(), 'cs-cli-json-'));
    const started = new Date().toISOString();
    const full = await cli.run(['sync', '--base-url', url, '--state-dir', stateDir, '--as-of', '2026-11-01T00:00:00Z', '--json']);
    expect(full.code).toBe(0);
    expect(full.stderr).toBe('');
    const fullEnvelope = envelopeOf(full);
    expect(fullEnvelope).toMatchObject({ ...ENVELOPE, command: 'sync', ok: true, mode: 'full', companiesRead: 40, failed: [] });

    const incremental = await cli.run(['sync', '--base-url', url, '--state-dir', stateDir, '--since', started, '--as-of', '2026-11-01T00:00:00Z', '--json']);
    expect(incremental.code).toBe(0);
    const incrementalEnvelope = envelopeOf(incremental);
    expect(incrementalEnvelope).toMatchObject({ ...ENVELOPE, command: 'sync', ok: true, mode: 'incremental', failed: [] });
    for (const figure of SYNC_FIGURES) {
      expect({ figure, full: typeof fullEnvelope[figure], incremental: typeof incrementalEnvelope[figure] }).toEqual({ figure, full: typeof fullEnvelope[figure], incremental: typeof fullEnvelope[figure] });
      expect(incrementalEnvelope).toHaveProperty(figure);
    }
  }, 120_000);

  it('start: the preview URL once it serves, then exits 0 on SIGTERM', async () => {
    const start = await cli.serve(['start', '--port', '0', '--sandbox-port', '0', '--companies', '30', '--json']);
    expect(start.envelope).toMatchObject({ ...ENVELOPE, command: 'start', ok: true, previewUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), companiesRead: 30 });
    expect((await fetch(String(start.envelope.previewUrl))).status).toBe(200);
    start.child.kill('SIGTERM');
    const exit = await start.exited;
    expect(exit.code).toBe(0);
    expect(exit.stdout.trim().split('\n')).toHaveLength(1);
  }, 120_000);

  it('serve: the port once it listens; a missing secret is a usage error naming the variable', async () => {
    const serve = await cli.serve(['serve', '--port', '0', '--base-url', url, '--public-url', 'https://cs.example.com', '--json'], { env: { HUBSPOT_ACCESS_TOKEN: 'pat-na1-11111111-2222-3333-4444-555555555555', HUBSPOT_CLIENT_SECRET: 'client-secret-for-tests' } });
    expect(serve.envelope).toMatchObject({ ...ENVELOPE, command: 'serve', ok: true, port: expect.any(Number) });
    serve.child.kill('SIGTERM');
    expect((await serve.exited).code).toBe(0);

    const missing = await cli.run(['serve', '--public-url', 'https://cs.example.com', '--json'], { env: { HUBSPOT_CLIENT_SECRET: 'x' } });
    expect(missing.code).toBe(2);
    expect(envelopeOf(missing)).toMatchObject({ command: 'serve', ok: false, error: { code: 'USAGE', message: 'HUBSPOT_ACCESS_TOKEN is not set (the private app access token)' } });
  }, 60_000);
});
