import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HUBSPOT_TIERS } from '../../src/cli/hubspot-tiers';
import { compileCli, type CompiledCli } from './cli-kit';

/** HubSpot's published limits (see /work/shared/DOMAIN.md and the README): per 10 s and per day. */
const PUBLISHED = { free: [100, 250_000], starter: [100, 250_000], professional: [190, 625_000], enterprise: [190, 1_000_000] } as const;

describe('the compiled CLI starts without loading the work of any command', () => {
  let cli: CompiledCli;
  beforeAll(async () => {
    cli = await compileCli();
  });
  afterAll(() => cli.remove());

  // Speed itself is measured by `npm run bench:cli-startup`; what makes it fast is checked here.
  it.each([['--help'], ['--version'], ['sync', '--help'], ['start', '--help']])('%s loads commander and nothing heavy', (...args) => {
    const dir = mkdtempSync(join(tmpdir(), 'cs-cli-modules-'));
    const hook = join(dir, 'record-modules.js');
    const out = join(dir, 'modules.json');
    writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));`);
    execFileSync(process.execPath, ['-r', hook, cli.path, ...args], { stdio: 'ignore' });
    const loaded = (JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((path) => path.includes('node_modules'));
    const packages = [...new Set(loaded.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]))];
    expect(packages).toEqual(['commander']);
  });
});

describe("HubSpot's limits per tier, stated the same everywhere", () => {
  let cli: CompiledCli;
  beforeAll(async () => {
    cli = await compileCli();
  });
  afterAll(() => cli.remove());

  it('match the published figures', () => {
    for (const [tier, [tenSecondly, daily]] of Object.entries(PUBLISHED)) expect(HUBSPOT_TIERS[tier as keyof typeof HUBSPOT_TIERS]).toEqual({ tenSecondly, daily });
  });

  it('are given with the same figures in the help of sync and of sandbox', async () => {
    for (const command of ['sync', 'sandbox']) {
      const help = (await cli.run([command, '--help'])).stdout.replace(/\s+/g, ' ');
      for (const [tier, [tenSecondly, daily]] of Object.entries(PUBLISHED)) expect(help).toContain(`${tier} ${tenSecondly} / 10 s and ${daily.toLocaleString('en-US')} / day`);
      // No other daily figure (the old 625,000-in-one-flag, 1,000,000-in-another) anywhere.
      const dailyFigures = new Set([...help.matchAll(/(\d{1,3}(?:,\d{3})+)/g)].map((match) => match[1]));
      expect([...dailyFigures].sort()).toEqual(['1,000,000', '250,000', '625,000']);
    }
  });

  it('sandbox --hubspot-limits free answers 429 past 100 requests in 10 s', async () => {
    const sandbox = await cli.serve(['sandbox', '--port', '0', '--data', 'empty', '--hubspot-limits', 'free', '--json']);
    try {
      expect(sandbox.envelope.rateLimits).toEqual({ tenSecondly: 100, daily: 250_000, searchPerSecond: 5 });
      const statuses: number[] = [];
      for (let i = 0; i < 101; i++) statuses.push((await fetch(`${String(sandbox.envelope.url)}/crm/v3/pipelines/deals`, { headers: { authorization: 'Bearer t' } })).status);
      expect(statuses.slice(0, 100).every((status) => status === 200)).toBe(true);
      expect(statuses[100]).toBe(429);
    } finally {
      sandbox.child.kill('SIGTERM');
      await sandbox.exited;
    }
  }, 60_000);
});
