import { Option, type Command } from 'commander';
import { runCommand } from '../command-runner';
import { DEFAULTS, JSON_FLAG_HELP, TOKEN_HELP } from '../defaults';
import { describeTiers, TIER_NAMES } from '../hubspot-tiers';

/** Ten list pages: within a few percent of the call floor, checkpointed every 1,000 companies (src/hubspot SYNC_COMPANIES_PER_ASSEMBLY). */
const SYNC_BATCH_DEFAULT = 1_000;

/** `cs-health sync`: the main job, full or incremental, on the sandbox by default or a real portal with a token. */
export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description('compute health, churn risk, NPS/CSAT and retention for every company and write the changed properties')
    .option('--base-url <url>', 'HubSpot API base URL', DEFAULTS.baseUrl)
    .option('--config <file>', 'engine configuration (JSON; the README lists its defaults)')
    .option('--state-dir <dir>', 'where the checkpoint and the fitted churn model are kept', DEFAULTS.stateDir)
    .option('--since <time>', 'recompute only the companies touched since this time (a full sync prints it)')
    .option('--dry-run', 'compute and show what would change, write nothing')
    .option('--as-of <time>', 'compute as of this time instead of now (replays, backfills)')
    .option('--restart', 'forget an unfinished run and start over')
    .option('--batch-companies <n>', 'companies whose deals, tickets and contacts are read together: larger is closer to one call per 100 objects, smaller checkpoints more often', String(SYNC_BATCH_DEFAULT))
    .option('--ranges <n>', 'split the full sync into n company-id ranges queued for workers (cs-health worker) to take, and return')
    .addOption(new Option('--tier <tier>', `the portal's HubSpot tier, which sets the request pace (${describeTiers()})`).choices(TIER_NAMES).default(DEFAULTS.tier))
    .option('--rate-limit <n>', "requests per 10 seconds, instead of the tier's")
    .option('--json', JSON_FLAG_HELP)
    .addHelpText('after', TOKEN_HELP)
    .action((raw: Record<string, unknown>) =>
      runCommand('sync', raw.json === true, async () => {
        // Flags are validated, and the work loaded, on use, so `--help` does not pay for the HubSpot client and the engine.
        const { runSync } = require('./sync-action') as typeof import('./sync-action');
        return runSync(raw);
      }),
    );
}
