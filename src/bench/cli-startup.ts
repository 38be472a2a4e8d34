import type { BenchFigure } from './bench-report';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { bundleCli } from '../cli/bundle-cli';
import { fmt, percentile } from './measure';

/**
 * `npm run bench:cli-startup`: how long `cs-health --help` takes through the launcher users run (the target
 * is under 300 ms), next to a bare `node` start (the floor) and the development entry through tsx
 * (what every command cost before the CLI was compiled). Wall time of whole processes, median and
 * 95th percentile; the machine's load shows in the floor.
 */
const RUNS = Number(process.env.CLI_STARTUP_RUNS ?? 20);
const TARGET_MS = 300;

/** Wall times of `runs` whole processes of `command args`, sorted. */
function timeRuns(command: string, args: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(command, args, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** The command as users type it goes through the shell launcher (the package's bin) beside the compiled CLI. */
async function measure() {
  const compiled = await bundleCli();
  const launcher = join(dirname(compiled), 'cs-health');
  const node = process.execPath;
  const floor = { what: 'node -e 0 (the floor)', times: timeRuns(node, ['-e', '0'], RUNS) };
  const help = { what: 'cs-health --help (launcher, dist/cli)', times: timeRuns(launcher, ['--help'], RUNS) };
  const tsx = { what: 'cs-health --help (tsx, src/cli, development)', times: timeRuns(node, [join(__dirname, '..', 'cli', 'cs-health.js'), '--help'], Math.max(3, Math.round(RUNS / 5))) };
  const others = [
    { what: 'node dist/cli/cs-health.js --help (no launcher)', times: timeRuns(node, [compiled, '--help'], RUNS) },
    { what: 'cs-health --version (launcher)', times: timeRuns(launcher, ['--version'], RUNS) },
  ];
  return { floor, help, tsx, rows: [floor, help, ...others, tsx] };
}

/** The `npm run bench` step: `--help` through the launcher beside a bare node start (the floor) and the tsx entry (the old way). */
export async function benchFigures(): Promise<BenchFigure[]> {
  const { floor, help, tsx } = await measure();
  return [{ section: 'cli', name: 'cs-health --help, whole process (median)', value: Math.round(percentile(help.times, 50)), unit: 'ms', floor: Math.round(percentile(floor.times, 50)), naive: Math.round(percentile(tsx.times, 50)), target: '< 300 ms', note: 'through the shell launcher, as the package\'s bin runs; floor = node -e 0; naive = the TypeScript sources through tsx' }];
}

async function main() {
  const { rows, help } = await measure();
  console.log(`CLI start-up, ${RUNS} runs each (wall time of the whole process)`);
  for (const row of rows) console.log(`  ${row.what.padEnd(46)} median ${fmt(percentile(row.times, 50)).padStart(5)} ms   p95 ${fmt(percentile(row.times, 95)).padStart(5)} ms`);
  const median = percentile(help.times, 50);
  console.log(median < TARGET_MS ? `OK: --help answers in ${fmt(median)} ms, under ${TARGET_MS} ms` : `OVER: --help takes ${fmt(median)} ms, the target is ${TARGET_MS} ms (compare with the floor above)`);
  if (median >= TARGET_MS) process.exitCode = 1;
}

if (require.main === module) void main();
