import { join } from 'node:path';
import { createHubSpotGateway, findTouchedCompanies, PortalContextCache } from '../../hubspot';
import { statementsAfterFullSync } from '../../statements/after-full-sync';
import type { StatementsRun } from '../../statements/compute-statements';
import { redactUrlCredentials } from '../../redaction/redact-url-credentials';
import { runFullSync, type SyncSummary } from '../../sync/full-sync';
import { loadChurnModel } from '../../sync/model-store';
import { recomputeCompanies } from '../../sync/recompute-companies';
import { SyncCheckpoint } from '../../sync/sync-checkpoint';
import type { CommandResult } from '../command-runner';
import { HUBSPOT_TIERS, type HubSpotTier } from '../hubspot-tiers';
import { withHubSpotAt } from '../hubspot-reach';
import { openEngineSession } from '../engine-session';
import { createSyncProgress } from '../sync-progress';
import { parseFlags } from '../parse-flags';
import { usageError } from '../cli-error';
import { syncFlags } from './sync-flags';

function rejected(failed: { id: string; message: string }[]): string | undefined {
  if (failed.length === 0) return undefined;
  // One readable line: the first three, each cut short; --json lists them all under `failed`.
  const shown = failed.slice(0, 3).map((f) => `${f.id}: ${f.message.length > 160 ? `${f.message.slice(0, 160)}…` : f.message}`);
  return `HubSpot rejected ${failed.length} writes (${shown.join('; ')}${failed.length > 3 ? '; …' : ''}); the full list is under "failed" with --json`;
}

/**
 * The figures both kinds of sync report under the same names, so `--json` has one shape:
 * `mode`, `asOf`, `dryRun`, `companiesRead`, `companiesChanged`, `failed`, `apiCalls`,
 * `apiCallsTotal`, `warnings`; each mode adds its own figures after them.
 */
export async function runSync(raw: Record<string, unknown>): Promise<CommandResult> {
  const flags = parseFlags(syncFlags, raw);
  // Settings and the model come from the store every surface reads; --config updates it first.
  const session = await openEngineSession({ stateDir: flags.stateDir, configFile: flags.config });
  const { config } = session.state;
  const perTenSeconds = flags.rateLimit ?? HUBSPOT_TIERS[flags.tier as HubSpotTier].tenSecondly;
  const gateway = createHubSpotGateway({ basePath: flags.baseUrl, accessToken: process.env.HUBSPOT_ACCESS_TOKEN, budget: { perTenSeconds } });
  const checkpointPath = join(flags.stateDir, 'sync-checkpoint.jsonl');
  const modelPath = join(flags.stateDir, 'churn-model.json');
  const asOf = () => (flags.asOf ? new Date(flags.asOf) : new Date());
  try {
    if (flags.ranges !== undefined) {
      if (flags.since || flags.dryRun) throw usageError('--ranges splits a full sync that writes: not with --since or --dry-run');
      const { queueRangeSync } = require('./sync-ranges-action') as typeof import('./sync-ranges-action');
      return await queueRangeSync({ gateway, store: session.store, config, baseUrl: flags.baseUrl, ranges: flags.ranges, settingsVersion: session.state.settingsVersion, asOf });
    }
    if (flags.since) {
      const since = flags.since;
      const at = asOf();
      const { ids, result } = await withHubSpotAt(flags.baseUrl, async () => {
        const touched = await findTouchedCompanies(gateway, new Date(since));
        return { ids: touched, result: await recomputeCompanies(gateway, config, touched, at, { model: session.state.model ?? loadChurnModel(modelPath), dryRun: flags.dryRun, records: session.store.companies }) };
      });
      const figures = {
        mode: 'incremental',
        asOf: at.toISOString(),
        dryRun: flags.dryRun,
        companiesRead: ids.length,
        companiesChanged: result.written,
        failed: result.failed,
        apiCalls: gateway.callCounts(),
        apiCallsTotal: gateway.totalCalls(),
        warnings: gateway.warnings.toJSON(),
        since: new Date(since).toISOString(),
        versions: { settings: session.state.settingsVersion, model: session.state.modelVersion },
        unchanged: result.unchanged,
      };
      return {
        figures,
        text: `${ids.length} companies touched since ${since}: ${result.written} ${flags.dryRun ? 'would be ' : ''}updated, ${result.unchanged} unchanged, ${result.failed.length} failed (${figures.apiCallsTotal} API calls)`,
        failure: rejected(result.failed),
      };
    }
    if (flags.restart) SyncCheckpoint.discard(checkpointPath);
    const progress = createSyncProgress(flags.json ? 'silent' : process.stderr.isTTY ? 'bar' : 'lines');
    // The sync and the statements after it share the owners and goals it reads.
    const contexts = new PortalContextCache(gateway);
    const summary = await withHubSpotAt(
      flags.baseUrl,
      () =>
        runFullSync({
          portalContext: () => contexts.get(),
          gateway,
          config,
          checkpointPath,
          modelPath,
          // The checkpoint records this key: never the credentials of a URL.
          runKey: `${redactUrlCredentials(flags.baseUrl)}|${JSON.stringify(config)}`,
          now: asOf,
          dryRun: flags.dryRun,
          onProgress: (p) => progress.update(p),
          store: session.store,
          settingsVersion: session.state.settingsVersion,
          // Batch reads across ten list pages keep a full sync near the call floor (issue 15).
          companiesPerAssembly: flags.batchCompanies,
        }).finally(() => progress.stop()),
      { resumable: true },
    );
    // Each person's attainment for the plan period, from the readings the sync just stored.
    const statements = summary.dryRun ? undefined : await statementsAfterFullSync({ store: session.store, context: await contexts.get(), asOf: new Date(summary.asOf) });
    return { figures: { mode: 'full', ...summary, ...(statements ? { statements } : {}) }, text: [describeSummary(summary), ...(statements ? [describeStatements(statements)] : [])].join('\n'), failure: rejected(summary.failed) };
  } finally {
    await gateway.close();
    await session.close();
  }
}

function describeSummary(s: SyncSummary): string {
  const lines = [
    `${s.dryRun ? 'Dry run: would update' : 'Updated'} ${s.companiesChanged} of ${s.companiesRead} companies (${s.propertiesChanged} property values)${s.resumed ? ', resuming an interrupted run' : ''}.`,
    `API calls: ${s.apiCallsTotal} (${(s.apiCallsTotal / Math.max(s.companiesRead, 1)).toFixed(2)} per company) in ${(s.durationMs / 1000).toFixed(1)} s.`,
    `Churn risk: ${s.churnModel.kind === 'fitted' ? `model fitted on this portal's history, held-out AUC ${s.churnModel.auc?.toFixed(2) ?? 'n/a'}` : `rule weights (${s.churnModel.note})`}.`,
  ];
  const warnings = Object.entries(s.warnings);
  if (warnings.length) lines.push(`Warnings: ${warnings.map(([kind, count]) => `${kind} x${count}`).join(', ')}.`);
  if (!s.dryRun) lines.push(`Next incremental run: cs-health sync --since ${s.nextSince}`);
  if (s.missingProperties.length) lines.push(`Missing properties (their component has no data): ${s.missingProperties.join(', ')}.`);
  for (const change of s.preview ?? []) lines.push(`  company ${change.companyId}: ${Object.entries(change.changes).map(([k, v]) => `${k} ${v.from ?? '(empty)'} -> ${v.to || '(empty)'}`).join(', ')}`);
  return lines.join('\n');
}

function describeStatements(run: StatementsRun): string {
  const periods = run.periods.map((p) => `${p.periodKey}: ${p.recorded} recorded, ${p.unchanged} unchanged${p.versionsAfterLock ? `, ${p.versionsAfterLock} new versions after the lock` : ''}${p.locked ? `, ${p.locked} locked` : ''}`);
  return `Statements: ${periods.length ? periods.join('; ') : 'none (no one has a plan role, or no company was read)'}${run.skipped.length ? `; ${run.skipped.length} people skipped (see --json)` : ''}.`;
}
