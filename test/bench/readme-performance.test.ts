import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchRun } from '../../src/bench/bench-report';
import { readFloor, writeFloor } from '../../src/bench/portal-floor';
import { END, START } from '../../scripts/readme-performance';

const run = promisify(execFile);
const script = join(__dirname, '../../scripts/readme-performance.ts');
const tsx = (args: string[]) => run(process.execPath, ['--require', 'tsx/cjs', script, ...args]);
jest.setTimeout(60_000);

const benchRun: BenchRun = {
  date: '2026-11-29T09:30:00.000Z',
  machine: { cpu: 'Test CPU', cores: 2, memoryGb: 24, node: 'v20.20.2', platform: 'linux-x64' },
  options: { companies: 10_000, demoSeed: 42 },
  figures: [
    { section: 'Full sync, 10,000 companies', name: 'API calls, full sync as wired', value: 2_420, unit: 'calls', floor: 2_340, naive: 221_000, target: '<= 1.05x floor', note: '1.034x the floor' },
    { section: 'Full sync, 10,000 companies', name: 'API calls per company, full sync', value: 0.242, unit: 'calls', floor: 0.234 },
    { section: 'Engine, one core', name: 'companies scored per second', value: 61_234.5, unit: 'companies/s', target: '>= 100,000' },
  ],
  skipped: [{ step: 'store-bench', reason: 'src/bench/store-bench.ts not present' }],
};

function workspace(readme: string) {
  const dir = mkdtempSync(join(tmpdir(), 'readme-perf-'));
  writeFileSync(join(dir, 'bench.json'), JSON.stringify(benchRun));
  writeFileSync(join(dir, 'README.md'), readme);
  return { json: join(dir, 'bench.json'), readme: join(dir, 'README.md') };
}

describe('the README performance section', () => {
  it('is written from the bench JSON between the markers, leaving the rest of the README as it was', async () => {
    const files = workspace(`# cs-health\n\n## Performance\n\nHow to run it.\n\n${START}\nold figures\n${END}\n\n## Reliability\n`);
    await tsx([files.json, files.readme]);
    const readme = readFileSync(files.readme, 'utf8');
    expect(readme.startsWith('# cs-health\n\n## Performance\n\nHow to run it.\n\n')).toBe(true);
    expect(readme.endsWith(`${END}\n\n## Reliability\n`)).toBe(true);
    expect(readme).not.toContain('old figures');
    expect(readme).toContain('from the bench run of 2026-11-29 09:30 UTC on 2 x Test CPU, 24 GB, node v20.20.2 (linux-x64); options: companies 10,000, demoSeed 42.');
    expect(readme).toContain('| API calls, full sync as wired | 2,420 calls | 2,340 | 221,000 | <= 1.05x floor | 1.034x the floor |');
    expect(readme).toContain('| API calls per company, full sync | 0.242 calls | 0.234 |  |  |  |');
    expect(readme).toContain('| companies scored per second | 61,235 companies/s |  |  | >= 100,000 |  |');
    expect(readme).toContain('Not measured in this run: store-bench (src/bench/store-bench.ts not present).');

    // A second run changes nothing, and --check agrees with the file.
    await tsx([files.json, files.readme]);
    expect(readFileSync(files.readme, 'utf8')).toBe(readme);
    await expect(tsx(['--check', files.json, files.readme])).resolves.toBeDefined();
  });

  it('fails --check when the README was edited by hand, and names a missing marker', async () => {
    const files = workspace(`${START}\nhand-copied 61,000 companies/s\n${END}\n`);
    const check = await tsx(['--check', files.json, files.readme]).catch((error: { code: number; stderr: string }) => error);
    expect(check).toMatchObject({ code: 1 });
    expect((check as { stderr: string }).stderr).toContain('the performance section differs');

    const unmarked = workspace('# no markers\n');
    const failure = (await tsx([unmarked.json, unmarked.readme]).catch((error: { code: number; stderr: string }) => error)) as { code: number; stderr: string };
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe(`readme-performance: README has no ${START} marker (both are needed, start before end)`);
  });
});

describe('the floor a sync is judged against', () => {
  it('counts every object once, 100 per call, rounded up per type, plus one write per 100 changed companies', () => {
    expect(readFloor({ companies: 1_000, deals: 5_496, tickets: 9_935, contacts: 2_225, answers: 3_677 })).toBe(10 + 55 + 100 + 23 + 37);
    expect(readFloor({ companies: 0, deals: 0, tickets: 0, contacts: 0, answers: 0 })).toBe(0);
    expect(writeFloor(1_000)).toBe(10);
    expect(writeFloor(1)).toBe(1);
  });
});
