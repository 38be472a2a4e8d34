import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const onLinux = existsSync('/proc/self/clear_refs') ? it : it.skip;
const PEAK_SEGMENTS = join(__dirname, '../../src/bench/probes/peak-segments.ts');

/**
 * A fresh node process (a jest worker's heap is large and half free, so an allocation there need not
 * raise its RSS): one segment holds 2,000,000 small objects, the next starts once they are freed.
 */
const SCRIPT = `
  const { setFlagsFromString } = require('node:v8');
  const { runInNewContext } = require('node:vm');
  const { PeakSegments } = require(${JSON.stringify(PEAK_SEGMENTS)});
  const rssMb = () => process.memoryUsage().rss / 2 ** 20;
  (async () => {
    const peaks = new PeakSegments();
    const before = rssMb();
    let held = Array.from({ length: 2000000 }, (_, index) => ({ index, text: 'row ' + index }));
    const holding = peaks.cut();
    const count = held.length;
    held = undefined;
    setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
    // V8 hands freed pages back to the kernel from a task of its own, shortly after the collection.
    for (let waited = 0; rssMb() > holding - 80 && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    peaks.cut();
    const after = peaks.cut();
    process.stdout.write(JSON.stringify({ segmented: peaks.segmented, before, holding, after, overall: peaks.overall(), count }));
  })();`;

describe('peak RSS cut into segments', () => {
  onLinux('gives each segment its own peak: a segment after a large heap was freed peaks lower than the one that held it', async () => {
    const { stdout } = await run(process.execPath, ['--require', 'tsx/cjs', '-e', SCRIPT]);
    const result = JSON.parse(stdout) as { segmented: boolean; before: number; holding: number; after: number; overall: number; count: number };
    expect(result.segmented).toBe(true);
    expect(result.count).toBe(2_000_000);
    expect(result.holding).toBeGreaterThan(result.before + 80);
    expect(result.after).toBeLessThan(result.holding - 60);
    // The whole run's peak keeps the highest segment, though the kernel's mark was reset since.
    expect(result.overall).toBeGreaterThanOrEqual(result.holding);
  });
});
