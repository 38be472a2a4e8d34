import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runOptionalSteps } from '../../src/bench/optional-steps';

describe('optional bench steps from other parts of the project', () => {
  it('runs the files that exist and export benchFigures, and lists the others as skipped with why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-steps-'));
    writeFileSync(
      join(dir, 'store-bench.ts'),
      "export async function benchFigures(context: { companies: number }) { return [{ section: 'Store', name: 'rows written', value: context.companies, unit: 'rows' }]; }\n",
    );
    writeFileSync(join(dir, 'cli-startup.ts'), 'export const somethingElse = 1;\n');
    writeFileSync(join(dir, 'queue-bench.ts'), "export async function benchFigures() { throw new Error('queue not started\\nstack line'); }\n");
    const result = await runOptionalSteps({ sandboxUrl: 'http://127.0.0.1:1', companies: 7, asOf: new Date('2026-11-01T00:00:00Z') }, dir);
    expect(result.figures).toEqual([{ section: 'Store', name: 'rows written', value: 7, unit: 'rows' }]);
    expect(result.skipped).toEqual([
      { step: 'function-bundles', reason: 'src/bench/function-bundles.ts not present' },
      { step: 'cli-startup', reason: 'exports no benchFigures(context)' },
      { step: 'queue-bench', reason: 'failed: queue not started' },
      { step: 'pages-bench', reason: 'src/bench/pages-bench.ts not present' },
      { step: 'freshness-bench', reason: 'src/bench/freshness-bench.ts not present' },
      { step: 'portals-bench', reason: 'src/bench/portals-bench.ts not present' },
    ]);
  });
});
