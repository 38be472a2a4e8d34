import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { createHubSpotGateway, findTouchedCompanies, HubSpotError } from '../../hubspot';
import { runFullSync, type SyncSummary } from '../../sync/full-sync';
import { loadChurnModel } from '../../sync/model-store';
import { recomputeCompanies } from '../../sync/recompute-companies';
import { SyncCheckpoint } from '../../sync/sync-checkpoint';
import { loadConfigFile } from '../load-config-file';
import { parseFlags } from '../parse-flags';
import { createSyncProgress } from '../sync-progress';

const syncFlags = z.object({
  baseUrl: z.url({ message: '--base-url must be a URL such as http://127.0.0.1:4010' }),
  config: z.string().optional(),
  stateDir: z.string().min(1),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
  restart: z.boolean().default(false),
  since: z
    .string()
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: '--since must be a date or time such as 2026-11-21T00:00:00Z' }),
  asOf: z
    .string()
    .optional()
    .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), { message: '--as-of must be a date or time such as 2026-11-01T00:00:00Z' }),
  tenSecondly: z.coerce.number({ message: '--rate-limit must be a number of requests per 10 seconds' }).int().positive().default(190),
});

/** `cs-health sync`: the main job, full or incremental, on the sandbox by default or a real portal with a token. */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('compute health, churn risk, NPS/CSAT and retention for every company and write the changed properties')
    .option('--base-url <url>', 'HubSpot API base URL (default: the local sandbox)', 'http://127.0.0.1:4010')
    .option('--config <file>', 'engine configuration (JSON); defaults documented in the README')
    .option('--state-dir <dir>', 'where the checkpoint and the fitted churn model are kept', '.cs-health')
    .option('--since <time>', 'recompute only the companies touched by changes since this time (the end of the last sync, printed by it)')
    .option('--dry-run', 'compute and show what would change, write nothing')
    .option('--json', 'print a JSON summary (calls by kind, warnings, duration) instead of text')
    .option('--as-of <time>', 'compute as of this time instead of now (replays, backfills)')
    .option('--restart', 'forget an unfinished run and start over')
    .option('--rate-limit <n>', 'requests per 10 seconds the portal allows (190 Pro/Enterprise, 100 Free/Starter)', '190')
    .addHelpText('after', '\nThe token comes from HUBSPOT_ACCESS_TOKEN (a private app access token for a real portal).')
    .action(async (raw: Record<string, unknown>) => {
      const flags = parseFlags(syncFlags, { ...raw, tenSecondly: raw.rateLimit });
      const config = loadConfigFile(flags.config);
      const gateway = createHubSpotGateway({
        basePath: flags.baseUrl,
        accessToken: process.env.HUBSPOT_ACCESS_TOKEN,
        budget: { perTenSeconds: flags.tenSecondly },
      });
      const checkpointPath = join(flags.stateDir, 'sync-checkpoint.jsonl');
      const modelPath = join(flags.stateDir, 'churn-model.json');
      try {
        if (flags.since) {
          const asOf = flags.asOf ? new Date(flags.asOf) : new Date();
          const ids = await findTouchedCompanies(gateway, new Date(flags.since));
          const result = await recomputeCompanies(gateway, config, ids, asOf, { model: loadChurnModel(modelPath), dryRun: flags.dryRun });
          const summary = { companiesTouched: ids.length, written: result.written, unchanged: result.unchanged, failed: result.failed, apiCalls: gateway.callCounts(), apiCallsTotal: gateway.totalCalls(), warnings: gateway.warnings.toJSON() };
          console.log(flags.json ? JSON.stringify(summary, null, 2) : `${ids.length} companies touched since ${flags.since}: ${result.written} updated, ${result.unchanged} unchanged, ${result.failed.length} failed (${summary.apiCallsTotal} API calls)`);
          return;
        }
        if (flags.restart) SyncCheckpoint.discard(checkpointPath);
        const progress = createSyncProgress(flags.json ? 'silent' : process.stderr.isTTY ? 'bar' : 'lines');
        const summary = await runFullSync({
          gateway,
          config,
          checkpointPath,
          modelPath,
          runKey: `${flags.baseUrl}|${JSON.stringify(config)}`,
          now: () => (flags.asOf ? new Date(flags.asOf) : new Date()),
          dryRun: flags.dryRun,
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.stop());
        console.log(flags.json ? JSON.stringify(summary, null, 2) : describeSummary(summary));
        if (summary.failed.length > 0) process.exitCode = 1;
      } catch (error) {
        // A daily-limit stop keeps the checkpoint: say when to resume, in one line.
        if (error instanceof HubSpotError) throw new Error(`${error.message}${flags.since ? '' : ' (progress is kept: run the same command again to resume)'}`);
        throw error;
      } finally {
        await gateway.close();
      }
    });
}

function describeSummary(s: SyncSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run: would update' : 'Updated'} ${s.companiesChanged} of ${s.companiesRead} companies (${s.propertiesChanged} property values)${s.resumed ? ', resuming an interrupted run' : ''}.`,
    `API calls: ${s.apiCallsTotal} (${(s.apiCallsTotal / Math.max(s.companiesRead, 1)).toFixed(2)} per company) in ${(s.durationMs / 1000).toFixed(1)} s.`,
    `Churn risk: ${s.churnModel.kind === 'fitted' ? `model fitted on this portal's history, held-out AUC ${s.churnModel.auc?.toFixed(2) ?? 'n/a'}` : `rule weights (${s.churnModel.note})`}.`,
  ];
  const warnings = Object.entries(s.warnings);
  if (warnings.length) lines.push(`Warnings: ${warnings.map(([kind, count]) => `${kind} x${count}`).join(', ')}.`);
  if (!s.dryRun) lines.push(`Next incremental run: cs-health sync --since ${new Date().toISOString()}`);
  if (s.missingProperties.length) lines.push(`Missing properties (their component has no data): ${s.missingProperties.join(', ')}.`);
  if (s.failed.length) lines.push(`Rejected by HubSpot: ${s.failed.map((f) => `${f.id} (${f.message})`).join('; ')}.`);
  for (const change of s.preview ?? []) lines.push(`  company ${change.companyId}: ${Object.entries(change.changes).map(([k, v]) => `${k} ${v.from ?? '(empty)'} -> ${v.to || '(empty)'}`).join(', ')}`);
  return lines.join('\n');
}
