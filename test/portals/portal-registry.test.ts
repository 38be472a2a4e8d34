import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { createLogger } from '../../src/logging/logger';
import { loadPortalRegistry, PortalRegistryError, resolvePortals } from '../../src/portals/portal-registry';
import { portalStoreOptions } from '../../src/portals/portal-storage';
import { openStore } from '../../src/store/open-store';

const TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

/** The issues a registry is refused with (the test fails when it is accepted). */
function issuesOf(input: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    resolvePortals(input, { env });
  } catch (error) {
    if (error instanceof PortalRegistryError) return error.issues;
    throw error;
  }
  throw new Error('the registry was accepted');
}

describe('the portal registry', () => {
  it('reads each token from its variable or file, and paces each portal to its tier', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-registry-'));
    writeFileSync(join(dir, 'beta.token'), 'beta-token-value\n');
    const portals = resolvePortals(
      {
        portals: [
          { id: 'acme', token: { env: 'ACME_TOKEN' }, tier: 'professional' },
          { id: 'beta', baseUrl: 'http://127.0.0.1:4010/', token: { file: join(dir, 'beta.token') }, tier: 'starter', budget: { perTenSeconds: 50 }, recomputeConcurrency: 2 },
        ],
      },
      { env: { ACME_TOKEN: TOKEN } },
    );
    expect(portals.map(({ token, ...rest }) => ({ ...rest, token: token.reveal() }))).toEqual([
      { id: 'acme', baseUrl: 'https://api.hubapi.com', tier: 'professional', budget: { perTenSeconds: 190, searchPerSecond: 5, maxConcurrent: 10 }, recomputeConcurrency: 1, tokenSource: 'env ACME_TOKEN', token: TOKEN },
      { id: 'beta', baseUrl: 'http://127.0.0.1:4010', tier: 'starter', budget: { perTenSeconds: 50, searchPerSecond: 5, maxConcurrent: 10 }, recomputeConcurrency: 2, tokenSource: `file ${join(dir, 'beta.token')}`, token: 'beta-token-value' },
    ]);
  });

  it('names the field of every mistake', () => {
    expect(issuesOf({ portals: [] })).toEqual(['portals: portals must list at least one portal']);
    expect(
      issuesOf({
        portals: [
          { id: 'Acme!', token: { env: 'A' }, tier: 'gold' },
          { id: 'b', token: { env: 'B', file: '/x' }, tier: 'free', budget: { perTenSeconds: 0 } },
          { id: 'c', token: 'pat-in-the-file', tier: 'free', extra: 1 },
          { id: 'b', token: { env: 'B' }, tier: 'free', baseUrl: 'not a url' },
        ],
      }),
    ).toEqual([
      'portals.0.id: must be 1 to 30 lowercase letters, digits or underscores, starting with a letter',
      'portals.0.tier: tier must be one of free, starter, professional, enterprise',
      'portals.1.token: token takes exactly one of env or file',
      'portals.1.budget.perTenSeconds: perTenSeconds must be at least 1',
      'portals.2.token: token must be { "env": "VARIABLE" } or { "file": "/path/to/token" }',
      'portals.2: Unrecognized key: "extra"',
      'portals.3.baseUrl: baseUrl must be a URL such as https://api.hubapi.com',
    ]);
    expect(issuesOf({ portals: [{ id: 'a', token: { env: 'A' }, tier: 'free' }, { id: 'a', token: { env: 'A' }, tier: 'free' }] }, { A: TOKEN })).toEqual(['portals.1.id: "a" is listed twice']);
  });

  it('says which portal lacks its token, and where it looked', () => {
    expect(
      issuesOf({
        portals: [
          { id: 'a', token: { env: 'A_TOKEN' }, tier: 'free' },
          { id: 'b', token: { file: '/nonexistent/b.token' }, tier: 'free' },
          { id: 'c', token: { env: 'C_TOKEN' }, tier: 'free' },
        ],
      }, { A_TOKEN: '  ', C_TOKEN: TOKEN }),
    ).toEqual(['portals.0.token.env: environment variable A_TOKEN is not set (portal a)', 'portals.1.token.file: cannot read /nonexistent/b.token (ENOENT) (portal b)']);
  });

  it('never shows a token: not in JSON, not when inspected or logged', () => {
    const [portal] = resolvePortals({ portals: [{ id: 'a', token: { env: 'A' }, tier: 'free' }] }, { env: { A: 'plain-secret-value' } });
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } as unknown as NodeJS.WritableStream });
    logger.info({ portal }, 'serving');
    logger.info(`serving ${String(portal!.token)} ${inspect(portal)}`);
    for (const text of [JSON.stringify(portal), inspect(portal, { depth: 5 }), `${portal!.token}`, ...lines]) {
      expect(text).not.toContain('plain-secret-value');
    }
    expect(JSON.parse(JSON.stringify(portal)).token).toBe('[redacted]');
  });

  it('reads a registry file, and names a file that is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-registry-'));
    const file = join(dir, 'portals.json');
    writeFileSync(file, JSON.stringify({ portals: [{ id: 'a', token: { env: 'A' }, tier: 'enterprise' }] }));
    expect(loadPortalRegistry(file, { env: { A: TOKEN } }).map((portal) => portal.id)).toEqual(['a']);
    writeFileSync(file, '{ portals: ');
    expect(() => loadPortalRegistry(file)).toThrow(/^invalid portal registry: portals file: .*portals\.json is not JSON/);
    expect(() => loadPortalRegistry(join(dir, 'missing.json'))).toThrow(/portals file: cannot read .*missing\.json \(ENOENT\)/);
  });

  it('keeps each portal in its own PostgreSQL schema, or its own PGlite folder', () => {
    expect(portalStoreOptions('acme', { databaseUrl: 'postgres://u@h/db' })).toEqual({ databaseUrl: 'postgres://u@h/db', schema: 'cs_portal_acme', poolSize: 4 });
    expect(portalStoreOptions('acme', { dataDir: '/var/cs' })).toEqual({ dataDir: join('/var/cs', 'portals', 'acme') });
    expect(portalStoreOptions('beta', { dataDir: '/var/cs' })).not.toEqual(portalStoreOptions('acme', { dataDir: '/var/cs' }));
  });

  it('refuses a schema without a PostgreSQL server, naming the field', async () => {
    await expect(openStore({ memory: true, schema: 'cs_portal_acme' })).rejects.toThrow('invalid store options: schema: schema needs a databaseUrl (on PGlite, give each store its own dataDir)');
    await expect(openStore({ databaseUrl: 'postgres://u@127.0.0.1:1/db', schema: 'Bad-Name' })).rejects.toThrow(/schema: schema must be lowercase letters/);
  });
});
