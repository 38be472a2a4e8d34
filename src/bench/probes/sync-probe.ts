import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { DEFAULT_ENGINE_CONFIG as config } from '../../domain/config/engine-config';
import { checkMappedProperties, createHubSpotGateway, PortalContextCache, readCustomerPages, readPortalContext, SYNC_COMPANIES_PER_ASSEMBLY } from '../../hubspot';
import { statementsAfterFullSync } from '../../statements/after-full-sync';
import { openProbeStore } from '../bench-databases';
import { customerResult } from '../../sync/customer-result';
import { runFullSync } from '../../sync/full-sync';
import { boundHeapGrowth } from '../../sync/heap-growth';
import { PeakSegments } from './peak-segments';
import { answer, fail, memoryNow, probeArgs } from './probe-output';

/**
 * Runs in its own process so its peak RSS is the sync's alone (the sandbox is another process).
 * `sync`: the product's full sync as `cs-health sync` runs it: list pages assembled 1,000 companies
 * at a time, into the store (company records, model version, snapshots; `pglite` = the embedded
 * database in a folder, the CLI's default, `postgres` = a server), then the attainment statements
 * from the store's records. `read`: the read half alone, each customer scored, results not kept, with the heap
 * growth the sync sets. The figures include the process's node and modules (`rssBeforeMb`); the bench runs it bundled as the CLI ships.
 * A sync's peak is also cut by phase, in the read by assembly and in the writes by 1,000 companies
 * written (`phasePeaksMb`, `assemblyPeaksMb`, `writingPeaksMb`; see PeakSegments): whether the peak climbs with the run's length is what a larger portal's depends on.
 */
const args = probeArgs(z.object({ url: z.string(), mode: z.enum(['sync', 'read']), asOf: z.string(), modelPath: z.string().optional(), store: z.enum(['pglite', 'postgres']).default('pglite') }).parse);
const asOf = new Date(args.asOf);
/** Companies written per segment of the writing phase's peak. */
const WRITING_SEGMENT = 1_000;

async function main() {
  const gateway = createHubSpotGateway({ basePath: args.url, budget: { perTenSeconds: 1_000_000, searchPerSecond: 10_000, maxConcurrent: 16 } });
  const before = memoryNow();
  const started = Date.now();
  let companiesChanged: number | undefined;
  let dealsUpdated: number | undefined;
  let companies = 0;
  let liveAfterReadMb: number | undefined;
  const peaks = new PeakSegments();
  const phasePeaksMb: Record<string, number> = {};
  const assemblyPeaksMb: number[] = [];
  const writingPeaksMb: number[] = [];
  if (args.mode === 'sync') {
    const dir = mkdtempSync(join(tmpdir(), 'cs-bench-sync-'));
    const { store, dispose } = await openProbeStore(args.store, dir);
    try {
      const contexts = new PortalContextCache(gateway);
      // Once every page is read, what the sync still holds (the tally, the checkpoint's index) is
      // all that could grow with the portal: measured after a full collection, so it is the live
      // heap, not garbage the collector had not reached yet (which is most of the peak RSS).
      // Each report closes a segment of the run (see PeakSegments): setup up to the first report, then
      // one per assembly of pages, the fit and the count of changes, the writes and snapshots; the
      // statements after. The assemblies' peaks say whether the read's memory climbs with its length.
      let segment = 'setup';
      const onProgress = (p: { phase: string; written: number }) => {
        if (p.phase === 'writing' && segment === 'writing') {
          // The writes stream the spool: cut every 1,000 companies written, as the read per assembly.
          if (p.written > 0 && p.written % WRITING_SEGMENT === 0) {
            const peak = peaks.cut();
            writingPeaksMb.push(peak);
            phasePeaksMb.writing = Math.max(phasePeaksMb.writing ?? 0, peak);
          }
          return;
        }
        const peak = peaks.cut();
        // A reading report after a reading report closes one assembly of pages (the first closes setup).
        if (segment === 'reading' && p.phase === 'reading') assemblyPeaksMb.push(peak);
        phasePeaksMb[segment] = Math.max(phasePeaksMb[segment] ?? 0, peak);
        segment = p.phase === 'done' ? 'statements' : p.phase;
        if (p.phase === 'fitting' && liveAfterReadMb === undefined) liveAfterReadMb = liveHeapMb();
      };
      const summary = await runFullSync({ gateway, config, checkpointPath: join(dir, 'c.jsonl'), modelPath: args.modelPath ?? join(dir, 'm.json'), runKey: 'bench', now: () => asOf, companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY, store, portalContext: () => contexts.get(), onProgress });
      await statementsAfterFullSync({ store, context: await contexts.get(), asOf });
      phasePeaksMb.statements = peaks.cut();
      companies = summary.companiesRead;
      companiesChanged = summary.companiesChanged;
      dealsUpdated = summary.dealsUpdated;
    } finally {
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    boundHeapGrowth();
    await checkMappedProperties(gateway, config.mapping);
    const context = await readPortalContext(gateway);
    for await (const page of readCustomerPages(gateway, context, config.mapping, { companiesPerAssembly: SYNC_COMPANIES_PER_ASSEMBLY })) {
      for (const customer of page.customers) customerResult(customer, config, asOf);
      companies += page.customers.length;
    }
  }
  const seconds = (Date.now() - started) / 1000;
  await gateway.close();
  const segmented = args.mode === 'sync' && peaks.segmented ? { phasePeaksMb, assemblyPeaksMb, writingPeaksMb } : {};
  answer({ companies, calls: gateway.totalCalls(), callsByKind: gateway.callCounts(), companiesChanged, dealsUpdated, seconds, rssBeforeMb: before.rssMb, liveAfterReadMb, ...memoryNow(), maxRssMb: peaks.overall(), ...segmented });
}

/** The heap's live size after a full collection, MB (a context made after `--expose-gc` has gc()). */
function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

main().catch(fail);
